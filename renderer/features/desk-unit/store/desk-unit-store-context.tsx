import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DeskUnitState, DeskUnitStore } from './desk-unit-store.js';

// The store comes through context so each test (and each window) gets its own.
const DeskUnitStoreContext = createContext<DeskUnitStore | null>(null);

export function DeskUnitStoreProvider({ store, children }: { store: DeskUnitStore; children: ReactNode }) {
  return <DeskUnitStoreContext value={store}>{children}</DeskUnitStoreContext>;
}

export function useDeskUnitStore<T>(selector: (state: DeskUnitState) => T): T {
  const store = useContext(DeskUnitStoreContext);
  if (!store) throw new Error('useDeskUnitStore must be used inside <DeskUnitStoreProvider>');
  return useStore(store, selector);
}
