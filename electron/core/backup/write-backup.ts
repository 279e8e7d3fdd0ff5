import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupManifest, BackupProgress } from '../../../shared/contract/backup.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { BlobStore } from '../blobs/blob-store.js';
import { syncDirectory, syncFile } from '../blobs/durable-io.js';
import type { DeskDatabase } from '../db/open-database.js';
import { schemaVersionOf } from './backup-repository.js';
import {
  BACKUP_DATABASE,
  BACKUP_MANIFEST,
  BACKUP_SCANS,
  PARTIAL_PREFIX,
  assertUsableFolder,
  backupNameAt,
  blobAreaOf,
  completeBackups,
  freeName,
  readManifest,
  readScanList,
  removePartials,
} from './backup-folder.js';

const SCAN_GRACE_MS = 86_400_000;
import { copyDatabase } from './database-copy.js';

// One backup, start to end: the database copy, the scans not yet in the folder's blob area, the
// manifest, then the rename that makes it a backup, then retention. See backup-folder.ts for the layout.

export interface BackupSource {
  db: DeskDatabase;
  /** The desk's blob store (its scans). */
  blobs: BlobStore;
  appVersion: string;
  deviceId: string;
  unitGsoCode: string | null;
  station: number | null;
}

export interface BackupTarget {
  folder: string | null;
  keep: number;
}

export async function writeBackup(source: BackupSource, target: BackupTarget, nowMs: number, onProgress: (p: BackupProgress) => void): Promise<BackupManifest> {
  const folder = await assertUsableFolder(target.folder);
  await removePartials(folder);
  const name = await freeName(folder, backupNameAt(nowMs));
  const partial = join(folder, PARTIAL_PREFIX + name);
  try {
    await mkdir(partial);
    const { counts } = await copyDatabase(source.db, join(partial, BACKUP_DATABASE), (done, total) => onProgress({ phase: 'database', done, total }));
    // Listed after the database copy: a scan is stored before the event naming it commits, so every
    // scan the copy refers to is in the list.
    const scans = await copyScans(source.blobs, new BlobStore(blobAreaOf(folder)), (done, total) => onProgress({ phase: 'scans', done, total }));
    const manifest: BackupManifest = {
      format: 1,
      name,
      createdAt: new Date(nowMs).toISOString(),
      appVersion: source.appVersion,
      schemaVersion: schemaVersionOf(source.db),
      deviceId: source.deviceId,
      unitGsoCode: source.unitGsoCode,
      station: source.station,
      counts,
      scans: { count: scans.held.length, bytes: scans.bytes, copied: scans.copied, copiedBytes: scans.copiedBytes },
    };
    await writeDurably(join(partial, BACKUP_SCANS), scans.held.map((sha) => `${sha}\n`).join(''));
    await writeDurably(join(partial, BACKUP_MANIFEST), JSON.stringify(manifest, null, 2));
    await syncFile(join(partial, BACKUP_DATABASE));
    await syncDirectory(partial);
    await rename(partial, join(folder, name));
    await syncDirectory(folder);
    await applyRetention(folder, target.keep, manifest);
    return manifest;
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof CommandError) throw error;
    const code = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new CommandError('storage_failure', `Không ghi được bản sao lưu vào "${folder}"${code}: ổ có thể đầy, đã bị rút ra hoặc không cho phép ghi.`);
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  await writeFile(path, text, 'utf8');
  await syncFile(path);
}

interface CopiedScans {
  held: string[];
  bytes: number;
  copied: number;
  copiedBytes: number;
}

/**
 * Copies the scans the folder's blob area lacks (same name and size: already there). Each copy is hashed
 * as it is written and renamed in only when its hash is its name (the blob store's own put), so the
 * area never holds a partial or wrong file under a scan's name.
 */
async function copyScans(desk: BlobStore, area: BlobStore, onProgress: (done: number, total: number) => void): Promise<CopiedScans> {
  await area.open();
  const all = await desk.list();
  const result: CopiedScans = { held: [], bytes: 0, copied: 0, copiedBytes: 0 };
  for (const [index, sha256] of all.entries()) {
    const size = await desk.sizeOf(sha256);
    if (size === null) continue; // removed by the desk's garbage collection meanwhile
    if ((await area.sizeOf(sha256)) !== size) {
      const stored = await area.putFile(desk.pathOf(sha256));
      if (stored.sha256 !== sha256) {
        throw new CommandError('storage_failure', `Tệp đã số hoá ${sha256.slice(0, 12)}… trên máy bị hỏng (nội dung không khớp mã SHA-256); hãy kiểm tra ổ đĩa của máy.`);
      }
      result.copied += 1;
      result.copiedBytes += size;
    }
    result.held.push(sha256);
    result.bytes += size;
    if (index % 50 === 0 || index === all.length - 1) onProgress(index + 1, all.length);
  }
  return result;
}

/**
 * Keeps this station's newest `keep` backups (several desks of a ward may share one network folder: the
 * others' backups are theirs to prune), then drops the scans no backup in the folder lists — only those
 * copied more than a day ago, so another desk's backup still being written keeps the scans it just copied.
 */
async function applyRetention(folder: string, keep: number, current: BackupManifest): Promise<void> {
  const sameStation: string[] = [];
  for (const name of await completeBackups(folder)) {
    const manifest = await readManifest(folder, name).catch(() => null);
    if (manifest !== null && manifest.unitGsoCode === current.unitGsoCode && manifest.station === current.station) sameStation.push(name);
  }
  for (const old of sameStation.slice(0, Math.max(0, sameStation.length - keep))) {
    await rm(join(folder, old), { recursive: true, force: true });
  }
  const referenced = new Set<string>();
  for (const kept of await completeBackups(folder)) for (const sha of await readScanList(join(folder, kept))) referenced.add(sha);
  // Against the files' own times (the machine's clock), not the core's.
  await new BlobStore(blobAreaOf(folder)).collectGarbage((sha) => referenced.has(sha), SCAN_GRACE_MS);
}
