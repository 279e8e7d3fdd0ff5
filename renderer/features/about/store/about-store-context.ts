import { createStoreContext } from '../../../ui/store-context.js';
import type { AboutState } from './about-store.js';

const context = createStoreContext<AboutState>('About');

export const AboutStoreProvider = context.Provider;
export const useAboutStore = context.useStore;
