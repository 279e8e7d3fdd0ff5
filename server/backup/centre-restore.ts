import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CENTRE_DATABASE_FILE } from '../storage/open-storage.js';
import { verifyDatabaseCopy, type SqliteCopyFacts } from '../storage/sqlite-backup.js';
import { BACKUP_SCANS_FOLDER, backupStamp, copyScans } from './centre-backup.js';

// `centre restore --from <backup folder>` (SQLite; the centre stopped): the database copy is verified,
// the current database is kept aside (never deleted), the copy takes its place, and the scans the data
// folder lacks come back from the backup's shared scans folder. The copy is stamped as a restored log
// (see LogEpoch): desks, at their next exchange, push what the centre lost and pull again from there.

export interface RestoreReport extends SqliteCopyFacts {
  keptAside: string | null;
  scansCopied: number;
}

export async function restoreCentre(options: { dataDir: string; from: string; now: () => number }): Promise<RestoreReport> {
  const backupDb = join(options.from, CENTRE_DATABASE_FILE);
  const facts = verifyDatabaseCopy(backupDb);
  await mkdir(options.dataDir, { recursive: true });
  const live = join(options.dataDir, CENTRE_DATABASE_FILE);
  let keptAside: string | null = null;
  if (await stat(live).catch(() => null)) {
    keptAside = `${live}.replaced-${backupStamp(options.now())}`;
    for (const suffix of ['', '-wal', '-shm']) await rename(`${live}${suffix}`, `${keptAside}${suffix}`).catch(() => undefined);
  }
  await copyFile(backupDb, `${live}.restoring`);
  await rename(`${live}.restoring`, live);
  const scans = await copyScans(join(dirname(options.from), BACKUP_SCANS_FOLDER, 'sha256'), join(options.dataDir, 'blobs', 'sha256'));
  return { ...facts, keptAside, scansCopied: scans.copied };
}
