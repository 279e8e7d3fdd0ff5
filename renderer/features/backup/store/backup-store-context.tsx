import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { BackupState, BackupStore } from './backup-store.js';

// The store comes through context so each test (and each window) gets its own.
const BackupStoreContext = createContext<BackupStore | null>(null);

export function BackupStoreProvider({ store, children }: { store: BackupStore; children: ReactNode }) {
  return <BackupStoreContext value={store}>{children}</BackupStoreContext>;
}

export function useBackupStore<T>(selector: (state: BackupState) => T): T {
  const store = useContext(BackupStoreContext);
  if (!store) throw new Error('useBackupStore must be used inside <BackupStoreProvider>');
  return useStore(store, selector);
}
