import { createStoreContext } from '../../../ui/store-context.js';
import type { ReportsState } from './reports-store.js';

const context = createStoreContext<ReportsState>('Reports');

export const ReportsStoreProvider = context.Provider;
export const useReportsStore = context.useStore;
