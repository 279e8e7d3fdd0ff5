import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AttachmentsState, AttachmentsStore } from './attachments-store.js';

// The store comes through context so each test (and each window) gets its own.
const AttachmentsStoreContext = createContext<AttachmentsStore | null>(null);

export function AttachmentsStoreProvider({ store, children }: { store: AttachmentsStore; children: ReactNode }) {
  return <AttachmentsStoreContext value={store}>{children}</AttachmentsStoreContext>;
}

export function useAttachmentsStore<T>(selector: (state: AttachmentsState) => T): T {
  const store = useContext(AttachmentsStoreContext);
  if (!store) throw new Error('useAttachmentsStore must be used inside <AttachmentsStoreProvider>');
  return useStore(store, selector);
}

/** The store itself, for actions that read state at call time. */
export function useAttachmentsStoreApi(): AttachmentsStore {
  const store = useContext(AttachmentsStoreContext);
  if (!store) throw new Error('useAttachmentsStoreApi must be used inside <AttachmentsStoreProvider>');
  return store;
}
