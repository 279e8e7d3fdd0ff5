import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupManifest } from '../../../shared/contract/backup.js';

// The second half of a restore, at the core's start, before the database is opened: the desk's current
// database is moved aside into <dataDir>/before-restore-<name> (kept, not deleted), the staged one moved
// in. Every step is a rename and each is idempotent, so a kill at any point is finished by the next
// start. The staged folder stays until the restored desk has taken its new identity (finishRestore);
// the folder kept aside is removed at the start after that, once the restored desk has run.

export const PENDING_RESTORE = 'restore-pending';
export const PENDING_RESTORE_PARTIAL = '.restore-pending.partial';
const ASIDE_PREFIX = 'before-restore-';
const STARTED_MARK = 'restored-desk-started';
const DATABASE_FILES = ['desk.sqlite', 'desk.sqlite-wal', 'desk.sqlite-shm'] as const;

export interface PendingRestore {
  /** The backup restored (its manifest), until the restored desk has taken a new device identity. */
  manifest: BackupManifest;
  asideDir: string;
}

/** Swaps a staged backup in, if one waits; returns it so the core can finish it. */
export function applyPendingRestore(dataDir: string): PendingRestore | null {
  removeAsideOfStartedRestores(dataDir);
  const pending = join(dataDir, PENDING_RESTORE);
  if (!existsSync(join(pending, 'manifest.json'))) return null;
  const manifest = JSON.parse(readFileSync(join(pending, 'manifest.json'), 'utf8')) as BackupManifest;
  const asideDir = join(dataDir, ASIDE_PREFIX + manifest.name);
  if (existsSync(join(pending, 'desk.sqlite'))) {
    mkdirSync(asideDir, { recursive: true });
    for (const file of DATABASE_FILES) {
      if (existsSync(join(dataDir, file))) renameSync(join(dataDir, file), join(asideDir, file));
    }
    renameSync(join(pending, 'desk.sqlite'), join(dataDir, 'desk.sqlite'));
  }
  return { manifest, asideDir };
}

/** The restored desk has started with its new identity: the staged folder goes, the one aside is marked. */
export function finishRestore(dataDir: string, restore: PendingRestore): void {
  if (existsSync(restore.asideDir)) writeFileSync(join(restore.asideDir, STARTED_MARK), new Date().toISOString());
  rmSync(join(dataDir, PENDING_RESTORE), { recursive: true, force: true });
}

function removeAsideOfStartedRestores(dataDir: string): void {
  if (existsSync(join(dataDir, PENDING_RESTORE))) return;
  for (const name of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    if (name.startsWith(ASIDE_PREFIX) && existsSync(join(dataDir, name, STARTED_MARK))) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}
