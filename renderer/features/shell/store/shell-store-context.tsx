import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ShellState, ShellStore } from './shell-store.js';

// The store comes through context so each test (and each window) gets its own.
const ShellStoreContext = createContext<ShellStore | null>(null);

export function ShellStoreProvider({ store, children }: { store: ShellStore; children: ReactNode }) {
  return <ShellStoreContext value={store}>{children}</ShellStoreContext>;
}

export function useShellStore<T>(selector: (state: ShellState) => T): T {
  const store = useContext(ShellStoreContext);
  if (!store) throw new Error('useShellStore must be used inside <ShellStoreProvider>');
  return useStore(store, selector);
}
