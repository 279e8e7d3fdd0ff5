import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { HandbackState, HandbackStore } from './handback-store.js';

const HandbackStoreContext = createContext<HandbackStore | null>(null);

export function HandbackStoreProvider({ store, children }: { store: HandbackStore; children: ReactNode }) {
  return <HandbackStoreContext value={store}>{children}</HandbackStoreContext>;
}

export function useHandbackStore<T>(selector: (state: HandbackState) => T): T {
  const store = useContext(HandbackStoreContext);
  if (!store) throw new Error('useHandbackStore must be used inside <HandbackStoreProvider>');
  return useStore(store, selector);
}
