import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AboutState, AboutStore } from './about-store.js';

// The store comes through context so each test (and each window) gets its own.
const AboutStoreContext = createContext<AboutStore | null>(null);

export function AboutStoreProvider({ store, children }: { store: AboutStore; children: ReactNode }) {
  return <AboutStoreContext value={store}>{children}</AboutStoreContext>;
}

export function useAboutStore<T>(selector: (state: AboutState) => T): T {
  const store = useContext(AboutStoreContext);
  if (!store) throw new Error('useAboutStore must be used inside <AboutStoreProvider>');
  return useStore(store, selector);
}
