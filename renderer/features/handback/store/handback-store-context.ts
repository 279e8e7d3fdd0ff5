import { createStoreContext } from '../../../ui/store-context.js';
import type { HandbackState } from './handback-store.js';

const context = createStoreContext<HandbackState>('Handback');

export const HandbackStoreProvider = context.Provider;
export const useHandbackStore = context.useStore;
