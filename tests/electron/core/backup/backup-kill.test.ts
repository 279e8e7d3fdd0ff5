import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import { BlobStore } from '../../../../electron/core/blobs/blob-store.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../../../support/entry-builds.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { openAttachmentDesk, receiveDossier } from '../attachments/support/attachment-desk.js';

// A backup killed in the middle (SIGKILL of the desk core's process while it copies) leaves the earlier
// backup whole and the new one either complete or absent; the next backup clears what the kill left.

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

const backupsIn = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('desk-')).sort();

async function assertWhole(folder: string, name: string): Promise<void> {
  const copy = new Database(join(folder, name, 'desk.sqlite'), { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    copy.close();
  }
  const area = new BlobStore(join(folder, 'blobs'));
  const scans = readFileSync(join(folder, name, 'scans.txt'), 'utf8').split('\n').filter(Boolean);
  for (const sha of scans) await area.verify(sha); // throws unless present with its very bytes
  expect(JSON.parse(readFileSync(join(folder, name, 'manifest.json'), 'utf8')).scans.count).toBe(scans.length);
}

/** Runs a backup in a child process and SIGKILLs it at its first scan progress; returns what it printed. */
async function killMidBackup(dataDir: string, at: string): Promise<string[]> {
  const child = fork(builtEntry('backup-child'), [], {
    execArgv: BUILT_ENTRY_EXEC_ARGV,
    env: { ...process.env, BACKUP_DATA_DIR: dataDir, BACKUP_AT: at },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  for await (const line of createInterface({ input: child.stdout! })) {
    lines.push(line);
    if ((JSON.parse(line) as { phase: string }).phase === 'scans') {
      child.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');
  return lines;
}

it('a kill mid-backup leaves the previous backup intact and the new one complete or absent', async () => {
  const data = makeTempDir('desk-kill-data-');
  const target = makeTempDir('desk-kill-target-');
  dirs.push(data, target);
  const desk = await openAttachmentDesk({ dataDir: data.path });
  await receiveDossier(desk);
  for (let i = 0; i < 20; i += 1) await desk.core.attachments.blobs.putBytes(randomBytes(64 * 1024));
  await desk.call('backup.configure', { folder: target.path, keep: 5 });
  await desk.call('backup.run', {});
  const [previous] = backupsIn(target.path);
  // Enough new scans (30 MB) that the copy is still running when the kill comes.
  await receiveDossier(desk);
  for (let i = 0; i < 120; i += 1) await desk.core.attachments.blobs.putBytes(randomBytes(256 * 1024));
  desk.close();

  const printed = await killMidBackup(data.path, '2026-11-24T02:00:00Z');
  expect(printed.some((line) => line.includes('complete'))).toBe(false);

  // Killed after its first scan of 140: the new backup is only a partial folder, the previous one whole.
  expect(readdirSync(target.path).filter((name) => name.startsWith('.partial-'))).toEqual(['.partial-desk-20261124-020000']);
  expect(backupsIn(target.path)).toEqual([previous]);
  await assertWhole(target.path, previous!);

  // The next backup clears the partial folder and completes.
  const reopened = await openAttachmentDesk({ dataDir: data.path, initialise: false });
  try {
    reopened.clock.set('2026-11-25T02:00:00Z');
    await reopened.call('backup.run', {});
    expect(readdirSync(target.path).filter((name) => name.startsWith('.partial-'))).toEqual([]);
    const latest = backupsIn(target.path).at(-1)!;
    expect(latest).toBe('desk-20261125-020000');
    await assertWhole(target.path, latest);
    expect(readFileSync(join(target.path, latest, 'scans.txt'), 'utf8').split('\n').filter(Boolean)).toHaveLength(140);
  } finally {
    reopened.dispose();
  }
}, 60_000);
