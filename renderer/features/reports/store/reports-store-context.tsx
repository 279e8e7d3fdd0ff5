import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ReportsState, ReportsStore } from './reports-store.js';

// The store comes through context so each test (and each mounted screen) gets its own.
const ReportsStoreContext = createContext<ReportsStore | null>(null);

export function ReportsStoreProvider({ store, children }: { store: ReportsStore; children: ReactNode }) {
  return <ReportsStoreContext value={store}>{children}</ReportsStoreContext>;
}

export function useReportsStore<T>(selector: (state: ReportsState) => T): T {
  const store = useContext(ReportsStoreContext);
  if (!store) throw new Error('useReportsStore must be used inside <ReportsStoreProvider>');
  return useStore(store, selector);
}
