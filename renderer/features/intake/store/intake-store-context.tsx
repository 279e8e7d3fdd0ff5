import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { IntakeState, IntakeStore } from './intake-store.js';

const IntakeStoreContext = createContext<IntakeStore | null>(null);

export function IntakeStoreProvider({ store, children }: { store: IntakeStore; children: ReactNode }) {
  return <IntakeStoreContext value={store}>{children}</IntakeStoreContext>;
}

export function useIntakeStore<T>(selector: (state: IntakeState) => T): T {
  const store = useContext(IntakeStoreContext);
  if (!store) throw new Error('useIntakeStore must be used inside <IntakeStoreProvider>');
  return useStore(store, selector);
}
