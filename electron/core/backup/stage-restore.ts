import Database from 'better-sqlite3';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupManifest } from '../../../shared/contract/backup.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { BlobStore } from '../blobs/blob-store.js';
import { syncDirectory, syncFile } from '../blobs/durable-io.js';
import { integrityCheck } from './backup-repository.js';
import { BACKUP_DATABASE, BACKUP_MANIFEST, blobAreaOf, readManifest, readScanList } from './backup-folder.js';
import { PENDING_RESTORE, PENDING_RESTORE_PARTIAL } from './pending-restore.js';

// The first half of a restore, done while the desk runs: the chosen backup is checked, its scans are
// copied into the desk's store (content-addressed: a scan the desk holds is the same bytes, so nothing
// of the desk's is overwritten) and its database is placed in <dataDir>/restore-pending. The swap itself
// happens when the core starts again (pending-restore.ts), before the database is opened.

export async function stageRestore(dataDir: string, deskBlobs: BlobStore, folder: string, name: string, onProgress: (done: number, total: number) => void): Promise<BackupManifest> {
  const manifest = await readManifest(folder, name);
  const backupDir = join(folder, name);
  const checked = checkBackupDatabase(join(backupDir, BACKUP_DATABASE));
  if (checked !== 'ok') throw new CommandError('storage_failure', `Bản sao lưu "${name}" bị hỏng (${checked}); hãy chọn bản khác.`);
  const partial = join(dataDir, PENDING_RESTORE_PARTIAL);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    const area = new BlobStore(blobAreaOf(folder));
    const scans = await readScanList(backupDir);
    for (const [index, sha256] of scans.entries()) {
      if ((await deskBlobs.sizeOf(sha256)) === null) {
        const stored = await deskBlobs.putFile(area.pathOf(sha256));
        if (stored.sha256 !== sha256) throw new CommandError('storage_failure', `Tệp đã số hoá ${sha256.slice(0, 12)}… trong bản sao lưu bị hỏng; hãy chọn bản khác.`);
      }
      if (index % 50 === 0 || index === scans.length - 1) onProgress(index + 1, scans.length);
    }
    await copyFile(join(backupDir, BACKUP_DATABASE), join(partial, BACKUP_DATABASE));
    await writeFile(join(partial, BACKUP_MANIFEST), JSON.stringify(manifest));
    await syncFile(join(partial, BACKUP_DATABASE));
    await syncFile(join(partial, BACKUP_MANIFEST));
    await syncDirectory(partial);
    await rm(join(dataDir, PENDING_RESTORE), { recursive: true, force: true });
    await rename(partial, join(dataDir, PENDING_RESTORE));
    await syncDirectory(dataDir);
    return manifest;
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof CommandError) throw error;
    throw new CommandError('storage_failure', `Không chép được bản sao lưu "${name}" về máy: ổ đĩa có thể đầy hoặc bản sao lưu không đọc được.`);
  }
}

function checkBackupDatabase(path: string): string {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return integrityCheck(db);
  } catch {
    return 'không mở được cơ sở dữ liệu';
  } finally {
    db?.close();
  }
}
