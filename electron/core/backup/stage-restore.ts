import Database from 'better-sqlite3';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BackupManifest } from '../../../shared/contract/backup.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { syncDirectory, syncFile } from '../blobs/durable-io.js';
import { integrityCheck } from './backup-repository.js';
import { BACKUP_DATABASE, BACKUP_MANIFEST, readManifest, readScanList } from './backup-folder.js';
import { STAGED_SCAN_SOURCE, type ScanSource } from './scan-restore.js';
import { PENDING_RESTORE, PENDING_RESTORE_PARTIAL } from './pending-restore.js';

// The first half of a restore, done while the desk runs: the chosen backup is checked and its database
// placed in <dataDir>/restore-pending, with a note of where its scans are. The swap itself happens when
// the core starts again (pending-restore.ts), before the database is opened; the scans are copied back
// after that start, in the background (scan-restore.ts), so the desk receives again in seconds.

export async function stageRestore(dataDir: string, folder: string, name: string): Promise<BackupManifest> {
  const manifest = await readManifest(folder, name);
  const backupDir = join(folder, name);
  const checked = checkBackupDatabase(join(backupDir, BACKUP_DATABASE));
  if (checked !== 'ok') throw new CommandError('storage_failure', `Bản sao lưu "${name}" bị hỏng (${checked}); hãy chọn bản khác.`);
  const partial = join(dataDir, PENDING_RESTORE_PARTIAL);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    await copyFile(join(backupDir, BACKUP_DATABASE), join(partial, BACKUP_DATABASE));
    await writeFile(join(partial, BACKUP_MANIFEST), JSON.stringify(manifest));
    await readScanList(backupDir); // the scans come back after the restart (scan-restore.ts): their list must be readable now
    await writeFile(join(partial, STAGED_SCAN_SOURCE), JSON.stringify({ folder: resolve(folder), name } satisfies ScanSource));
    await syncFile(join(partial, STAGED_SCAN_SOURCE));
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
