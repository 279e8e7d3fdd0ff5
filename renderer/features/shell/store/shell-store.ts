import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo } from '../../../../shared/contract/app-info.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { ScansBack } from '../../../../shared/contract/backup.js';
import type { CoreStatus, SyncStatus } from '../../../../shared/contract/events.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';

export interface ShellState {
  /** The desk's identity and version; null until the first app.info answers. */
  info: AppInfo | null;
  infoError: CommandErrorData | null;
  /** Until the sync agent reports, the desk has no centre configured. */
  sync: SyncStatus;
  loadInfo(): Promise<void>;
  /** Asks the core for the sync status once (events only come when it changes). */
  loadSync(): Promise<void>;
  /** Follows the core's `sync.status` events; returns the function that stops following. */
  followSync(): () => void;
  /** The last good backup and its warning, for the status bar; null until read (or when not signed in). */
  backup: { lastAt: string | null; warning: string | null; scansBack: ScansBack | null } | null;
  /** Asks the core for the backup status; a refusal (signed out) keeps what is shown. */
  loadBackup(): Promise<void>;
  /** Reads the backup status again when a backup ends; returns the function that stops following. */
  followBackup(): () => void;
  /** The core's own process as the Electron window last heard of it (null: nothing to say). */
  core: CoreStatus | null;
  /** Follows `core.status` (only the Electron app sends it); returns the function that stops following. */
  followCore(): () => void;
  /** The officer has read the "restarted" banner. */
  dismissCore(): void;
}

export type ShellStore = StoreApi<ShellState>;

export const SYNC_NOT_CONFIGURED: SyncStatus = {
  state: 'not_configured',
  pendingEvents: 0,
  lastSuccessAt: null,
  lastError: null,
};

export function createShellStore(backend: DeskBackend): ShellStore {
  let latestRequest = 0;
  // Bumped by every sync.status event: an answer to loadSync asked before the latest event is older than it.
  let syncVersion = 0;
  return createStore<ShellState>()((set, get) => ({
    backup: null,
    async loadBackup() {
      const envelope = await backend.invoke('backup.status', {});
      if (envelope.ok) set({ backup: { lastAt: envelope.value.last?.at ?? null, warning: envelope.value.warning, scansBack: envelope.value.scansBack } });
    },
    followBackup() {
      return backend.onEvent('backup.progress', (progress) => {
        if (progress.phase === 'done' || progress.phase === 'failed') void get().loadBackup();
        if (progress.phase === 'scansBack') {
          const backup = get().backup;
          // The last one (all back) reads the status again, which then has no scans waiting.
          if (progress.done === progress.total) void get().loadBackup();
          else if (backup !== null) set({ backup: { ...backup, scansBack: { done: progress.done, total: progress.total, problem: null } } });
        }
      });
    },
    info: null,
    infoError: null,
    sync: SYNC_NOT_CONFIGURED,
    async loadInfo() {
      const request = ++latestRequest;
      const envelope = await backend.invoke('app.info', {});
      if (request !== latestRequest) return; // a newer request answers for the screen
      if (envelope.ok) set({ info: envelope.value, infoError: null });
      else set({ infoError: envelope.error }); // keep the identity already shown
    },
    async loadSync() {
      const asked = syncVersion;
      const envelope = await backend.invoke('sync.status', {});
      // A failure keeps what is shown: the status bar is no place for an error about itself.
      if (envelope.ok && asked === syncVersion) set({ sync: envelope.value });
    },
    followSync() {
      return backend.onEvent('sync.status', (status) => {
        syncVersion += 1;
        set({ sync: status });
      });
    },
    core: null,
    followCore() {
      return backend.onEvent('core.status', (status) => {
        // A finished rebuild has nothing left to say.
        set({ core: status.state === 'rebuilding' && status.done >= status.total ? null : status });
      });
    },
    dismissCore() {
      set({ core: null });
    },
  }));
}
