import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SessionState, SessionStore } from './session-store.js';

// The store comes through context so each test (and each window) gets its own.
const SessionStoreContext = createContext<SessionStore | null>(null);

export function SessionStoreProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionStoreContext value={store}>{children}</SessionStoreContext>;
}

export function useSessionStore<T>(selector: (state: SessionState) => T): T {
  const store = useContext(SessionStoreContext);
  if (!store) throw new Error('useSessionStore must be used inside <SessionStoreProvider>');
  return useStore(store, selector);
}
