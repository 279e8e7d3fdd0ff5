import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CENTRE_DATABASE_FILE } from '../storage/open-storage.js';
import { copyLiveDatabase, verifyDatabaseCopy, type SqliteCopyFacts } from '../storage/sqlite-backup.js';

// `centre backup --to <folder>`: a dated backup of the centre while it serves. The database goes
// first (SQLite's online backup API, or pg_dump for PostgreSQL), then the scans, so every scan the
// copied database records is in the backup (a scan is on disk before it is recorded). Scans are
// content-addressed: each backup copies only the ones the folder lacks, into <to>/scans, shared by
// every dated backup. The dated folder is written under a temporary name and renamed when complete
// and verified: a backup killed half-way leaves the earlier ones intact and no half folder by a real name.

export const BACKUP_SCANS_FOLDER = 'scans';
export const BACKUP_MANIFEST = 'manifest.json';
const PARTIAL = '.partial';

export interface CentreBackupOptions {
  dataDir: string;
  to: string;
  /** A postgres:// URL: the database is dumped by pg_dump instead. */
  database?: string | undefined;
  schema?: string | undefined;
  now: () => number;
}

export interface CentreBackupReport {
  folder: string;
  database: (SqliteCopyFacts & { kind: 'sqlite'; bytes: number }) | { kind: 'postgres'; bytes: number };
  scans: { total: number; copied: number; copiedBytes: number };
  ms: number;
}

/** 20261207-014500Z: sorts by time, safe in any file system's names. */
export function backupStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\.\d+Z$/, 'Z');
}

export async function backupCentre(options: CentreBackupOptions): Promise<CentreBackupReport> {
  const started = performance.now();
  const name = `centre-${backupStamp(options.now())}`;
  const folder = join(options.to, name);
  const temp = join(options.to, `.${name}${PARTIAL}`);
  await mkdir(options.to, { recursive: true });
  if (await exists(folder)) throw new Error(`A backup named ${folder} already exists.`);
  await removeAbandoned(options.to);
  await mkdir(temp);
  try {
    let database: CentreBackupReport['database'];
    if (options.database === undefined) {
      const copy = join(temp, CENTRE_DATABASE_FILE);
      await copyLiveDatabase(join(options.dataDir, CENTRE_DATABASE_FILE), copy);
      database = { kind: 'sqlite', ...verifyDatabaseCopy(copy), bytes: (await stat(copy)).size };
    } else {
      const dump = join(temp, 'centre.pgdump');
      await pgDump(options.database, options.schema, dump);
      database = { kind: 'postgres', bytes: (await stat(dump)).size };
    }
    const scans = await copyScans(join(options.dataDir, 'blobs', 'sha256'), join(options.to, BACKUP_SCANS_FOLDER, 'sha256'));
    const report: CentreBackupReport = { folder, database, scans, ms: Math.round(performance.now() - started) };
    await writeFile(join(temp, BACKUP_MANIFEST), `${JSON.stringify({ createdAt: new Date(options.now()).toISOString(), ...report, folder: name }, null, 2)}\n`);
    await rename(temp, folder);
    return report;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Copies the scans the backup lacks (same name, same size: already there). */
export async function copyScans(from: string, to: string): Promise<CentreBackupReport['scans']> {
  let total = 0;
  let copied = 0;
  let copiedBytes = 0;
  for (const prefix of await readdir(from).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const sha of await readdir(join(from, prefix))) {
      if (!/^[0-9a-f]{64}$/.test(sha)) continue;
      total += 1;
      const source = join(from, prefix, sha);
      const target = join(to, prefix, sha);
      const size = (await stat(source)).size;
      if ((await stat(target).catch(() => null))?.size === size) continue;
      await mkdir(join(to, prefix), { recursive: true });
      // Under a temporary name, then renamed: a scan in the backup is always whole.
      await copyFile(source, `${target}${PARTIAL}`);
      await rename(`${target}${PARTIAL}`, target);
      copied += 1;
      copiedBytes += size;
    }
  }
  return { total, copied, copiedBytes };
}

/** Backups a killed run left under their temporary names. */
async function removeAbandoned(to: string): Promise<void> {
  for (const entry of await readdir(to)) {
    if (entry.startsWith('.centre-') && entry.endsWith(PARTIAL)) await rm(join(to, entry), { recursive: true, force: true });
  }
}

function pgDump(url: string, schema: string | undefined, file: string): Promise<void> {
  const args = ['--format=custom', `--file=${file}`, ...(schema === undefined ? [] : [`--schema=${schema}`]), url];
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const errors: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.once('error', (error) => reject(new Error(`pg_dump could not be started (is it installed and on PATH?): ${error.message}`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump failed (${code}): ${Buffer.concat(errors).toString().trim()}`))));
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
