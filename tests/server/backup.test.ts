import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyDatabaseCopy } from '../../server/storage/sqlite-backup.js';
import { SqliteStorage } from '../../server/storage/sqlite-storage.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../support/entry-builds.js';
import { makeTempDir } from '../support/temp-dir.js';

// `centre backup`: a dated folder per run, the database verified, scans copied only when the backup
// lacks them; a run killed at any moment leaves the earlier backups intact and the new one either
// complete (verified, with its manifest) or absent — never a half folder under a real name.

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const args = (dataDir: string, to: string) => [...BUILT_ENTRY_EXEC_ARGV, builtEntry('centre'), 'backup', '--data-dir', dataDir, '--to', to];

function addScans(dataDir: string, count: number, size: number): void {
  for (let i = 0; i < count; i += 1) {
    const bytes = randomBytes(size);
    const sha = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(join(dataDir, 'blobs', 'sha256', sha.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, 'blobs', 'sha256', sha.slice(0, 2), sha), bytes);
  }
}

/** Every backup under its real name is complete; every scan under its real name is whole. */
function expectConsistent(to: string): string[] {
  const dated = readdirSync(to).filter((name) => name.startsWith('centre-'));
  for (const name of dated) {
    expect(existsSync(join(to, name, 'manifest.json'))).toBe(true);
    expect(verifyDatabaseCopy(join(to, name, 'centre.sqlite')).lastSeq).toBeGreaterThanOrEqual(0);
  }
  const scans = join(to, 'scans', 'sha256');
  for (const prefix of existsSync(scans) ? readdirSync(scans) : []) {
    for (const name of readdirSync(join(scans, prefix)).filter((n) => /^[0-9a-f]{64}$/.test(n))) {
      expect(createHash('sha256').update(readFileSync(join(scans, prefix, name))).digest('hex')).toBe(name);
    }
  }
  return dated;
}

describe('centre backup', { timeout: 120_000 }, () => {
  const dir = makeTempDir('centre-backup-');
  afterAll(() => dir.remove());

  it('writes a verified dated backup, copies only new scans, and a killed run leaves no half backup', async () => {
    const dataDir = join(dir.path, 'data');
    const to = join(dir.path, 'backups');
    const storage = new SqliteStorage(join(dataDir, 'centre.sqlite'));
    await storage.logEpoch();
    await storage.close();
    addScans(dataDir, 40, 100_000);

    const first = JSON.parse((await run(process.execPath, args(dataDir, to), { cwd: ROOT })).stdout) as { folder: string; scans: { total: number; copied: number } };
    expect(first.scans).toMatchObject({ total: 40, copied: 40 });
    expect(expectConsistent(to)).toHaveLength(1);
    // The copy is stamped as a restored log: a centre brought back from it tells desks so.
    const copy = new SqliteStorage(join(first.folder, 'centre.sqlite'));
    expect((await copy.logEpoch()).restoredThrough).toBe(0);
    await copy.close();

    addScans(dataDir, 200, 200_000);
    // Killed at several moments of a run (start-up, the database copy, the scans).
    for (const delay of [150, 400, 700, 1_000, 1_400]) {
      await new Promise((wait) => setTimeout(wait, 1_100)); // a new second: a new dated name
      const child = spawn(process.execPath, args(dataDir, to), { cwd: ROOT, stdio: 'ignore' });
      // Listened for from the start: on a quick machine a run may end before its kill, and 'exit' is not sent twice.
      const exited = new Promise((wait) => child.once('exit', wait));
      await new Promise((wait) => setTimeout(wait, delay));
      child.kill('SIGKILL');
      await exited;
      const dated = expectConsistent(to);
      expect(dated).toContain(first.folder.split('/').at(-1));
    }

    await new Promise((wait) => setTimeout(wait, 1_100));
    const last = JSON.parse((await run(process.execPath, args(dataDir, to), { cwd: ROOT })).stdout) as { scans: { total: number; copied: number } };
    expect(last.scans.total).toBe(240);
    expect(last.scans.copied).toBeLessThanOrEqual(200);
    // What killed runs left under temporary names is gone.
    expect(readdirSync(to).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expectConsistent(to);
  });
});
