import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SetupState, SetupStore } from './setup-store.js';

const SetupStoreContext = createContext<SetupStore | null>(null);

export function SetupStoreProvider({ store, children }: { store: SetupStore; children: ReactNode }) {
  return <SetupStoreContext value={store}>{children}</SetupStoreContext>;
}

export function useSetupStore<T>(selector: (state: SetupState) => T): T {
  const store = useContext(SetupStoreContext);
  if (!store) throw new Error('useSetupStore must be used inside <SetupStoreProvider>');
  return useStore(store, selector);
}
