import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DossierSyncState } from './dossier-sync-store.js';
import type { EnrollmentState } from './enrollment-store.js';
import type { SyncStatusState } from './sync-status-store.js';
import type { SyncStores } from './sync-stores.js';

// The stores come through context so each test (and each window) gets its own.
const SyncStoresContext = createContext<SyncStores | null>(null);

export function SyncStoresProvider({ stores, children }: { stores: SyncStores; children: ReactNode }) {
  return <SyncStoresContext value={stores}>{children}</SyncStoresContext>;
}

function useSyncStores(): SyncStores {
  const stores = useContext(SyncStoresContext);
  if (!stores) throw new Error('sync stores must be used inside <SyncStoresProvider>');
  return stores;
}

export function useSyncStatusStore<T>(selector: (state: SyncStatusState) => T): T {
  return useStore(useSyncStores().status, selector);
}

export function useEnrollmentStore<T>(selector: (state: EnrollmentState) => T): T {
  return useStore(useSyncStores().enrollment, selector);
}

export function useDossierSyncStore<T>(selector: (state: DossierSyncState) => T): T {
  return useStore(useSyncStores().dossiers, selector);
}
