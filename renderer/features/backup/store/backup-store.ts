import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackupList, BackupProgress, BackupSettings, BackupStatus } from '../../../../shared/contract/backup.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';

export interface BackupState {
  status: BackupStatus | null;
  loadError: CommandErrorData | null;
  /** The refusal of the last save, run or restore, shown beside its button. */
  actionError: CommandErrorData | null;
  running: boolean;
  progress: BackupProgress | null;
  saved: boolean;
  list: BackupList | null;
  restoring: boolean;
  /** The backup staged for restore: the app must be closed and opened again. */
  restoredName: string | null;
  load(): Promise<void>;
  /** Follows `backup.progress`; returns the function that stops following. */
  follow(): () => void;
  configure(change: Partial<BackupSettings>): Promise<boolean>;
  run(): Promise<void>;
  loadList(folder?: string): Promise<void>;
  restore(name: string, folder?: string): Promise<boolean>;
}

export type BackupStore = StoreApi<BackupState>;

export function createBackupStore(backend: DeskBackend): BackupStore {
  return createStore<BackupState>()((set, get) => ({
    status: null,
    loadError: null,
    actionError: null,
    running: false,
    progress: null,
    saved: false,
    list: null,
    restoring: false,
    restoredName: null,
    async load() {
      const envelope = await backend.invoke('backup.status', {});
      set(envelope.ok ? { status: envelope.value, loadError: null } : { loadError: envelope.error });
    },
    follow() {
      return backend.onEvent('backup.progress', (progress) => set({ progress: progress.phase === 'done' || progress.phase === 'failed' || (progress.phase === 'scansBack' && progress.done === progress.total) ? null : progress }));
    },
    async configure(change) {
      set({ saved: false, actionError: null });
      const envelope = await backend.invoke('backup.configure', change);
      if (!envelope.ok) {
        set({ actionError: envelope.error });
        return false;
      }
      set({ status: envelope.value, saved: true });
      return true;
    },
    async run() {
      if (get().running) return;
      set({ running: true, actionError: null, saved: false });
      const envelope = await backend.invoke('backup.run', {});
      set({ running: false, progress: null });
      if (envelope.ok) set({ status: envelope.value });
      else {
        set({ actionError: envelope.error });
        await get().load();
      }
    },
    async loadList(folder) {
      set({ actionError: null });
      const envelope = await backend.invoke('backup.list', folder === undefined ? {} : { folder });
      set(envelope.ok ? { list: envelope.value } : { actionError: envelope.error, list: null });
    },
    async restore(name, folder) {
      if (get().restoring) return false;
      set({ restoring: true, actionError: null });
      const envelope = await backend.invoke('backup.restore', { name, confirm: true, ...(folder === undefined ? {} : { folder }) });
      set({ restoring: false });
      if (!envelope.ok) {
        set({ actionError: envelope.error });
        return false;
      }
      set({ restoredName: envelope.value.name });
      return true;
    },
  }));
}
