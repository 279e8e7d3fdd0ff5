// The desk core in Electron's utilityProcess: SQLite, exports and pulls run there, never on main's thread
// (which routes input, IPC and app://). Main talks to it over the process's own message port with the
// core's protocol (electron/core/process/core-protocol.ts), through the supervisor that restarts it.
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { CommandError } from '../../shared/contract/errors.js';
import type { AppIdentity } from '../core/app/app-info.js';
import { BlobStore } from '../core/blobs/blob-store.js';
import type { RebuildProgress } from '../core/dossiers/rebuild-projections.js';
import { SQLITE_ADDON_ARG } from '../core/process/core-entry-args.js';
import { CoreSupervisor, type CoreProcessHandle } from '../core/process/core-supervisor.js';
import type { SecretStore } from '../core/secrets/secret-store.js';
import type { BlobFiles } from './blob-route.js';

/** How long quit waits for the core to stop sync and checkpoint before ending it. */
export const CORE_CLOSE_TIMEOUT_MS = 5000;

/** utilityProcess.fork as the supervisor sees a process (its parentPort is the child's end of the port). */
export function spawnUtilityCore(entryPath: string, sqliteAddon?: string): CoreProcessHandle {
  // The one start option that is not the desk's identity: which better-sqlite3 build to load (core-entry.ts).
  const child = utilityProcess.fork(entryPath, sqliteAddon === undefined ? [] : [SQLITE_ADDON_ARG, sqliteAddon], { serviceName: 'Một cửa Hạ Long — lõi dữ liệu', stdio: 'inherit' });
  let exited = false;
  const exitListeners: ((code: number | null) => void)[] = [];
  child.once('exit', (code: number) => {
    exited = true;
    for (const listener of exitListeners) listener(code);
  });
  return {
    port: { postMessage: (message) => child.postMessage(message), on: (event, listener) => child.on(event, listener) },
    onExit: (listener) => (exited ? listener(null) : exitListeners.push(listener)),
    kill: () => {
      if (!exited) child.kill();
    },
  };
}

export interface CoreProcessEvents {
  onRestart(): void;
  onGiveUp(): void;
  onRebuildProgress(progress: RebuildProgress): void;
}

export interface UtilityCoreOptions {
  entryPath: string;
  identity: AppIdentity;
  sqliteAddon: string | undefined;
  /** Main's store (safeStorage, safe-storage-secrets.ts): the core asks it for the centre token over its port. */
  secrets: SecretStore;
}

export function superviseUtilityCore({ entryPath, identity, sqliteAddon, secrets }: UtilityCoreOptions, events: CoreProcessEvents): CoreSupervisor {
  return new CoreSupervisor({ identity, secrets, spawn: () => spawnUtilityCore(entryPath, sqliteAddon), ...events });
}

/** The scans for app://desk/blobs/…: read by main from the blob folder, for a signed-in officer only (the core knows). */
export function blobFilesOf(dataDir: string, core: Pick<CoreSupervisor, 'invoke'>): BlobFiles {
  return {
    blobs: new BlobStore(join(dataDir, 'blobs')),
    requireOfficer: async () => {
      const session = await core.invoke('auth.session', {});
      if (!session.ok) throw new CommandError(session.error.code, session.error.message);
      if ((session.value as { officer: unknown }).officer === null) {
        throw new CommandError('unauthorized', 'Hãy đăng nhập trước khi thực hiện thao tác này.');
      }
    },
  };
}
