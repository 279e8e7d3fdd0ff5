import { createStoreContext } from '../../../ui/store-context.js';
import type { SetupState } from './setup-store.js';

const context = createStoreContext<SetupState>('Setup');

export const SetupStoreProvider = context.Provider;
export const useSetupStore = context.useStore;
