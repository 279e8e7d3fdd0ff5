import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import type { ScanDownloadLimit } from '../../../../shared/sync/desk-commands.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';

/** How the last "Đồng bộ ngay" ended, for the message beside the button. */
export interface SyncNowOutcome {
  finishedAt: string;
  /** True when the round left nothing failing (the centre answered every request). */
  succeeded: boolean;
  /** The reason in Vietnamese when it did not. */
  error: string | null;
}

export interface SyncStatusState {
  /** The agent's status; null until the first answer or event. */
  status: SyncStatus | null;
  loadError: CommandErrorData | null;
  syncingNow: boolean;
  syncNowOutcome: SyncNowOutcome | null;
  syncNowError: CommandErrorData | null;
  load(): Promise<void>;
  /** Follows `sync.status` events; returns the function that stops following. */
  follow(): () => void;
  /**
   * The status enrollment answered with. Ignored when an event already showed the desk enrolled:
   * the core publishes after saving the enrollment, so such an event is at least as new as the
   * answer, and the event that ends the first round may overtake the answer on its way here.
   */
  accept(status: SyncStatus): void;
  /** Asks for a round of sync now and waits for it to end. */
  syncNow(): Promise<void>;
  unenrolling: boolean;
  unenrollError: CommandErrorData | null;
  /** Ends the enrollment (forced: even with changes not yet sent); true when the desk left the centre. */
  unenroll(force: boolean): Promise<boolean>;
  clearUnenrollError(): void;
  /** The bound on disk use for scans fetched from the centre; null until read. */
  scanLimit: ScanDownloadLimit | null;
  scanLimitError: CommandErrorData | null;
  loadScanLimit(): Promise<void>;
  /** Sets the bound in GB (null: back to the default); true when the core took it. */
  setScanLimit(limitGb: number | null): Promise<boolean>;
}

export type SyncStatusStore = StoreApi<SyncStatusState>;

export function createSyncStatusStore(backend: DeskBackend, now: () => Date = () => new Date()): SyncStatusStore {
  // Bumped by every event: an answer to a request sent before the latest event may be older than it.
  let version = 0;
  return createStore<SyncStatusState>()((set, get) => ({
    status: null,
    loadError: null,
    syncingNow: false,
    syncNowOutcome: null,
    syncNowError: null,
    unenrolling: false,
    unenrollError: null,

    async load() {
      const asked = version;
      const envelope = await backend.invoke('sync.status', {});
      if (!envelope.ok) return set({ loadError: envelope.error });
      set(asked === version ? { status: envelope.value, loadError: null } : { loadError: null });
    },

    follow() {
      return backend.onEvent('sync.status', (status) => {
        version += 1;
        set({ status, loadError: null });
      });
    },

    accept(status) {
      const shown = get().status;
      if (shown !== null && shown.state !== 'not_configured' && shown.revoked !== true) return;
      version += 1;
      set({ status });
    },

    async syncNow() {
      if (get().syncingNow) return;
      set({ syncingNow: true, syncNowError: null, syncNowOutcome: null });
      const asked = version;
      const envelope = await backend.invoke('sync.now', { wait: true });
      if (!envelope.ok) return set({ syncingNow: false, syncNowError: envelope.error });
      const status = envelope.value;
      const failed = status.revoked === true || status.state === 'error' || status.state === 'offline';
      set({
        syncingNow: false,
        syncNowOutcome: { finishedAt: now().toISOString(), succeeded: !failed, error: failed ? (status.lastError ?? 'Chưa đồng bộ được với trung tâm.') : null },
        ...(asked === version ? { status } : {}),
      });
    },

    async unenroll(force) {
      if (get().unenrolling) return false;
      set({ unenrolling: true, unenrollError: null });
      const envelope = await backend.invoke('sync.unenroll', { force });
      if (!envelope.ok) return (set({ unenrolling: false, unenrollError: envelope.error }), false);
      version += 1;
      set({ unenrolling: false, status: envelope.value, syncNowOutcome: null, syncNowError: null });
      return true;
    },

    clearUnenrollError() {
      set({ unenrollError: null });
    },

    scanLimit: null,
    scanLimitError: null,

    async loadScanLimit() {
      const envelope = await backend.invoke('sync.scanDownloadLimit', {});
      set(envelope.ok ? { scanLimit: envelope.value, scanLimitError: null } : { scanLimitError: envelope.error });
    },

    async setScanLimit(limitGb) {
      const envelope = await backend.invoke('sync.setScanDownloadLimit', { limitGb });
      set(envelope.ok ? { scanLimit: envelope.value, scanLimitError: null } : { scanLimitError: envelope.error });
      return envelope.ok;
    },
  }));
}
