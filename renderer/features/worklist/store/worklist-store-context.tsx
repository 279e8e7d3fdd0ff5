import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WorklistState, WorklistStore } from './worklist-store.js';

const WorklistStoreContext = createContext<WorklistStore | null>(null);

export function WorklistStoreProvider({ store, children }: { store: WorklistStore; children: ReactNode }) {
  return <WorklistStoreContext value={store}>{children}</WorklistStoreContext>;
}

export function useWorklistStore<T>(selector: (state: WorklistState) => T): T {
  const store = useContext(WorklistStoreContext);
  if (!store) throw new Error('useWorklistStore must be used inside <WorklistStoreProvider>');
  return useStore(store, selector);
}
