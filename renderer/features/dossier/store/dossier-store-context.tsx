import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DossierState, DossierStore } from './dossier-store.js';

const DossierStoreContext = createContext<DossierStore | null>(null);

export function DossierStoreProvider({ store, children }: { store: DossierStore; children: ReactNode }) {
  return <DossierStoreContext value={store}>{children}</DossierStoreContext>;
}

export function useDossierStore<T>(selector: (state: DossierState) => T): T {
  const store = useContext(DossierStoreContext);
  if (!store) throw new Error('useDossierStore must be used inside <DossierStoreProvider>');
  return useStore(store, selector);
}
