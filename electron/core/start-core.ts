import { join } from 'node:path';
import { applyPendingRestore, finishRestore } from './backup/pending-restore.js';
import { adoptScanSource } from './backup/scan-restore.js';
import type { BackupService } from './backup/backup-service.js';
import type { ScanRestorer } from './backup/scan-restore.js';
import type { Handlers } from '../../shared/contract/commands.js';
import type { AppIdentity } from './app/app-info.js';
import type { AttachmentFeature } from './attachments/attachment-feature.js';
import { openDatabase, type DeskDatabase } from './db/open-database.js';
import { DeskEventBus } from './event-bus.js';
import { createCoreContext, createHandlers, type CoreDeps } from './handlers.js';
import type { SyncAgent } from './sync/sync-agent.js';

export interface DeskCore {
  db: DeskDatabase;
  events: DeskEventBus;
  handlers: Handlers;
  /** Blob store and uploads, for the web host's file routes (bytes never go through the contract). */
  attachments: AttachmentFeature;
  /** The sync agent (status, enrollment, scans to upload). */
  sync: SyncAgent;
  /** Backups to the supervisor's folder. */
  backup: BackupService;
  /** A restored backup's scans coming back in the background. */
  scansBack: ScanRestorer;
  close(): void;
  /** Quit's close: stops scans and sync (waiting for the run in flight), checkpoints the WAL, closes the database. */
  closeCleanly(): Promise<void>;
}

export const DATABASE_FILE = 'desk.sqlite';

/** Opens the desk's data folder and wires the engine; shared by Electron main, the web host and tests. */
export function startCore(
  identity: AppIdentity,
  {
    sqliteAddon,
    ...options
  }: Pick<CoreDeps, 'now' | 'attachmentOptions' | 'syncOptions' | 'onProjectionRebuild' | 'centreNetwork' | 'secrets' | 'scanRestoreOptions'> & { sqliteAddon?: string } = {},
): DeskCore {
  // A restore staged by `backup.restore` is swapped in before the database is opened.
  const restored = applyPendingRestore(identity.dataDir);
  // Its scans come back after this start, in the background: the desk receives meanwhile.
  if (restored !== null) adoptScanSource(identity.dataDir);
  const db = openDatabase({ path: join(identity.dataDir, DATABASE_FILE), nativeAddon: sqliteAddon });
  const events = new DeskEventBus();
  const ctx = createCoreContext({ db, identity, events, ...options, restored });
  if (restored !== null) finishRestore(identity.dataDir, restored);
  // The daily backup: checked now (the first start after the hour) and every 10 minutes (the close).
  const dailyBackup = setInterval(() => void ctx.backup.runDailyIfDue(), 10 * 60_000);
  dailyBackup.unref();
  void ctx.backup.runDailyIfDue();
  const handlers = createHandlers(ctx);
  // Sync runs in the background from now on; it never blocks a command.
  ctx.sync.start();
  ctx.scansBack.start();
  return {
    db,
    events,
    handlers,
    attachments: ctx.attachments,
    sync: ctx.sync,
    backup: ctx.backup,
    scansBack: ctx.scansBack,
    close: () => {
      clearInterval(dailyBackup);
      ctx.scansBack.stop();
      // Stops a running scan and the inbox watcher; neither touches the database.
      ctx.attachments.close().catch(() => undefined);
      // Aborts requests in flight; a page being applied commits or rolls back before close returns.
      void ctx.sync.stop();
      db.close();
    },
    closeCleanly: async () => {
      clearInterval(dailyBackup);
      ctx.scansBack.stop();
      await Promise.allSettled([ctx.attachments.close(), ctx.sync.stop()]);
      // The WAL folded into the database file: the next start (or a copy of the folder) finds one file.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
