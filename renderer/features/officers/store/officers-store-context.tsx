import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { OfficersState, OfficersStore } from './officers-store.js';

// The store comes through context so each test (and each window) gets its own.
const OfficersStoreContext = createContext<OfficersStore | null>(null);

export function OfficersStoreProvider({ store, children }: { store: OfficersStore; children: ReactNode }) {
  return <OfficersStoreContext value={store}>{children}</OfficersStoreContext>;
}

export function useOfficersStore<T>(selector: (state: OfficersState) => T): T {
  const store = useContext(OfficersStoreContext);
  if (!store) throw new Error('useOfficersStore must be used inside <OfficersStoreProvider>');
  return useStore(store, selector);
}
