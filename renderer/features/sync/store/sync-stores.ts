import type { DeskBackend } from '../../../backend/desk-backend.js';
import { createDossierSyncStore, type DossierSyncStore, type DossierSyncStoreOptions } from './dossier-sync-store.js';
import { createEnrollmentStore, type EnrollmentStore } from './enrollment-store.js';
import { createSyncStatusStore, type SyncStatusStore } from './sync-status-store.js';

/** The sync feature's stores: the status and "Đồng bộ ngay", the enrollment form, the per-dossier badges. */
export interface SyncStores {
  status: SyncStatusStore;
  enrollment: EnrollmentStore;
  dossiers: DossierSyncStore;
}

export function createSyncStores(backend: DeskBackend, options: DossierSyncStoreOptions = {}): SyncStores {
  return {
    status: createSyncStatusStore(backend),
    enrollment: createEnrollmentStore(backend),
    dossiers: createDossierSyncStore(backend, options),
  };
}
