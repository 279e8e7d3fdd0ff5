import { createStoreContext } from '../../../ui/store-context.js';
import type { WorklistState } from './worklist-store.js';

const context = createStoreContext<WorklistState>('Worklist');

export const WorklistStoreProvider = context.Provider;
export const useWorklistStore = context.useStore;
