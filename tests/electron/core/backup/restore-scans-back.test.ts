import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { dispatch } from '../../../../electron/core/dispatch.js';
import { startCore } from '../../../../electron/core/start-core.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../../../support/entry-builds.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { openAttachmentDesk, receiveDossier, type AttachmentDesk } from '../attachments/support/attachment-desk.js';

// A restored or replaced desk receives seconds after its restart: the restore stages only the database,
// and the backup's scans come back afterwards, in the background, verified, resumed after a kill; a scan
// opened before its turn is copied from the backup folder at once. Real files, real cores.

let target: ReturnType<typeof makeTempDir>;
let fresh: ReturnType<typeof makeTempDir>;
const opened: AttachmentDesk[] = [];
beforeEach(() => {
  target = makeTempDir('desk-scans-back-target-');
  fresh = makeTempDir('desk-scans-back-fresh-');
}, 30_000);
afterEach(() => {
  for (const desk of opened.splice(0)) desk.dispose();
  target.remove();
  fresh.remove();
}, 30_000);

/** A desk with a dossier and `count` scans, backed up; what a replaced PC restores. */
async function backedUpDesk(count: number): Promise<{ name: string; scans: Map<string, Buffer> }> {
  const desk = await openAttachmentDesk();
  opened.push(desk);
  await receiveDossier(desk);
  const scans = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    const bytes = randomBytes(64 * 1024 + i);
    scans.set((await desk.core.attachments.blobs.putBytes(bytes)).sha256, bytes);
  }
  await desk.call('backup.configure', { folder: target.path });
  await desk.call('backup.run', {});
  const [backup] = (await desk.call('backup.list', {})).backups;
  return { name: backup!.name, scans };
}

/** The restore from the first-start screen of a new PC: staged on a blank desk, which is then restarted. */
async function stageOnBlankDesk(name: string): Promise<void> {
  const core = startCore({ appName: 'test', version: '0.0.0-test', dataDir: fresh.path }, { now: () => Date.parse('2026-11-24T02:00:00Z') });
  const envelope = await dispatch(core.handlers, 'backup.restore', { folder: target.path, name, confirm: true }, { transport: 'in-process' }, { error: () => undefined });
  expect(envelope.ok).toBe(true);
  core.close();
}

const present = (desk: AttachmentDesk, scans: Map<string, Buffer>) => [...scans.keys()].filter((sha) => existsSync(desk.core.attachments.blobs.pathOf(sha)));

function gate(): { wait: () => Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => opened, open };
}

it('receives before the scans are back, copies an opened scan from the backup at once, then brings every scan back byte for byte', async () => {
  const { name, scans } = await backedUpDesk(6);
  await stageOnBlankDesk(name);
  const held = gate();
  const restored = await openAttachmentDesk({ dataDir: fresh.path, initialise: false, scanRestoreOptions: { beforeScanCopy: held.wait } });
  opened.push(restored);

  // The copy is held before its first scan: the desk is up, with its data, and receives.
  await restored.waitFor('backup.progress', (p) => p.phase === 'scansBack');
  expect(present(restored, scans)).toEqual([]);
  expect((await restored.call('backup.status', {})).scansBack).toEqual({ done: 0, total: 6, problem: null });
  await receiveDossier(restored);
  // No backup meanwhile: it would lack the scans not back yet, and its retention could drop their source.
  const refused = await restored.fail('backup.run', {});
  expect(refused.code).toBe('conflict');
  expect(refused.message).toContain('0/6');
  expect((await restored.call('dossiers.search', {})).rows).toHaveLength(2);

  // A scan opened before its turn: from the backup folder now (the desk is not enrolled: no centre to ask).
  const [opening] = [...scans.keys()].slice(-1);
  expect(await restored.call('sync.fetchScan', { sha256: opening! })).toEqual({ fetched: true });
  expect(readFileSync(restored.core.attachments.blobs.pathOf(opening!))).toEqual(scans.get(opening!));

  held.open();
  await restored.core.scansBack.settled();
  expect(present(restored, scans).sort()).toEqual([...scans.keys()].sort());
  for (const [sha, bytes] of scans) expect(readFileSync(restored.core.attachments.blobs.pathOf(sha))).toEqual(bytes);
  expect((await restored.call('backup.status', {})).scansBack).toBeNull();
  expect(restored.pushed.some((e) => e.name === 'backup.progress' && (e.payload as { phase: string; done: number }).phase === 'scansBack' && (e.payload as { done: number }).done === 6)).toBe(true);
  expect(existsSync(join(fresh.path, 'restore-scans.json'))).toBe(false);
}, 30_000);

it('finishes the copy at the next start when the desk is closed in the middle of it', async () => {
  const { name, scans } = await backedUpDesk(5);
  await stageOnBlankDesk(name);
  let copies = 0;
  const stuck = gate();
  // Two scans go through, then the copy hangs until the desk is closed under it (a kill).
  const first = await openAttachmentDesk({ dataDir: fresh.path, initialise: false, scanRestoreOptions: { beforeScanCopy: () => (++copies <= 2 ? Promise.resolve() : stuck.wait()) } });
  opened.push(first);
  await vi.waitFor(() => expect(copies).toBe(3));
  expect(present(first, scans)).toHaveLength(2);
  first.close();
  opened.pop();

  const second = await openAttachmentDesk({ dataDir: fresh.path, initialise: false });
  opened.push(second);
  await second.core.scansBack.settled();
  for (const [sha, bytes] of scans) expect(readFileSync(second.core.attachments.blobs.pathOf(sha))).toEqual(bytes);
  expect((await second.call('backup.status', {})).scansBack).toBeNull();
  stuck.open();
}, 30_000);

it('says so while the backup folder cannot be read, and copies the scans once it is back', async () => {
  const { name, scans } = await backedUpDesk(3);
  await stageOnBlankDesk(name);
  const away = `${target.path}-away`;
  renameSync(target.path, away); // the USB drive pulled out after the restore
  const restored = await openAttachmentDesk({ dataDir: fresh.path, initialise: false, scanRestoreOptions: { retryMs: 100 } });
  opened.push(restored);
  await receiveDossier(restored);
  await vi.waitFor(async () => expect((await restored.call('backup.status', {})).scansBack?.problem).toMatch(/Không đọc được thư mục sao lưu/));
  expect(present(restored, scans)).toEqual([]);

  renameSync(away, target.path);
  await vi.waitFor(async () => expect((await restored.call('backup.status', {})).scansBack).toBeNull(), { timeout: 10_000 });
  for (const [sha, bytes] of scans) expect(readFileSync(restored.core.attachments.blobs.pathOf(sha))).toEqual(bytes);
}, 30_000);

it('finishes the copy at the next start after the desk core process is killed in the middle of it', async () => {
  const { name, scans } = await backedUpDesk(40);
  await stageOnBlankDesk(name);
  const child = fork(builtEntry('restore-child'), [], {
    execArgv: BUILT_ENTRY_EXEC_ARGV,
    env: { ...process.env, RESTORE_DATA_DIR: fresh.path, RESTORE_SCAN_PAUSE_MS: '150' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  for await (const line of createInterface({ input: child.stdout! })) {
    const progress = JSON.parse(line) as { phase: string; done: number; total: number };
    if (progress.phase === 'scansBack' && progress.done >= 20) {
      expect(progress.done).toBeLessThan(40);
      child.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');

  // The restarted desk's copy waits until the scans the killed one left are counted (unheld, it could
  // finish all 40 before the count).
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const again = await openAttachmentDesk({ dataDir: fresh.path, initialise: false, scanRestoreOptions: { beforeScanCopy: () => held } });
  opened.push(again);
  const before = present(again, scans).length;
  release();
  expect(before).toBeGreaterThanOrEqual(20);
  expect(before).toBeLessThan(40);
  await again.core.scansBack.settled();
  for (const [sha, bytes] of scans) expect(readFileSync(again.core.attachments.blobs.pathOf(sha))).toEqual(bytes);
  expect((await again.call('backup.status', {})).scansBack).toBeNull();
}, 60_000);
