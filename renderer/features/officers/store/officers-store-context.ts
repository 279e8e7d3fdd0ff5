import { createStoreContext } from '../../../ui/store-context.js';
import type { OfficersState } from './officers-store.js';

const context = createStoreContext<OfficersState>('Officers');

export const OfficersStoreProvider = context.Provider;
export const useOfficersStore = context.useStore;
