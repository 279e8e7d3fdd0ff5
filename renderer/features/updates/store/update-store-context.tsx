import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { UpdateStore, UpdateStoreState } from './update-store.js';

// The store comes through context so each test (and each window) gets its own.
const UpdateStoreContext = createContext<UpdateStore | null>(null);

export function UpdateStoreProvider({ store, children }: { store: UpdateStore; children: ReactNode }) {
  return <UpdateStoreContext value={store}>{children}</UpdateStoreContext>;
}

export function useUpdateStore<T>(selector: (state: UpdateStoreState) => T): T {
  const store = useContext(UpdateStoreContext);
  if (!store) throw new Error('useUpdateStore must be used inside <UpdateStoreProvider>');
  return useStore(store, selector);
}
