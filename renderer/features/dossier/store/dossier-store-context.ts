import { createStoreContext } from '../../../ui/store-context.js';
import type { DossierState } from './dossier-store.js';

const context = createStoreContext<DossierState>('Dossier');

export const DossierStoreProvider = context.Provider;
export const useDossierStore = context.useStore;
