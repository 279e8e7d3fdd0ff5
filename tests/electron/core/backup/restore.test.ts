import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/core/dispatch.js';
import { startCore } from '../../../../electron/core/start-core.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { openAttachmentDesk, receiveDossier, type AttachmentDesk } from '../attachments/support/attachment-desk.js';

// Restoring a backup on real files: staged while the desk runs, swapped in when the core starts again,
// the desk's own database kept aside until the restored desk has started; from the settings (a
// supervisor, with a confirmation) or on a desk not set up yet (the first-start screen).

let target: ReturnType<typeof makeTempDir>;
const opened: AttachmentDesk[] = [];
beforeEach(() => {
  target = makeTempDir('desk-restore-target-');
});
afterEach(() => {
  for (const desk of opened.splice(0)) desk.dispose();
  target.remove();
});

const dossierIds = async (desk: AttachmentDesk) => (await desk.call('dossiers.search', {})).rows.map((row) => row.id).sort();

it('replaces the database with the backup, keeps the current one aside until the restored desk has run, and takes a new device id', async () => {
  const desk = await openAttachmentDesk();
  opened.push(desk);
  const kept = [await receiveDossier(desk), await receiveDossier(desk)];
  await desk.call('backup.configure', { folder: target.path });
  await desk.call('backup.run', {});
  const later = await receiveDossier(desk);
  const formerId = (await desk.call('app.info', {})).desk.deviceId;
  const [backup] = (await desk.call('backup.list', {})).backups;

  expect((await desk.fail('backup.restore', { name: backup!.name })).code).toBe('invalid_argument');
  expect(await desk.call('backup.restore', { name: backup!.name, confirm: true })).toEqual({ name: backup!.name, restartRequired: true });
  // Staged only: nothing changes until the core starts again.
  expect(await dossierIds(desk)).toEqual([...kept, later].sort());
  desk.close();

  const restored = await openAttachmentDesk({ dataDir: desk.dataDir, initialise: false });
  opened.push(restored);
  expect(await dossierIds(restored)).toEqual([...kept].sort());
  const info = await restored.call('app.info', {});
  expect(info.desk.deviceId).not.toBe(formerId);
  const aside = join(desk.dataDir, `before-restore-${backup!.name}`);
  const asideDb = new Database(join(aside, 'desk.sqlite'), { readonly: true });
  expect((asideDb.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n).toBe(3);
  asideDb.close();
  expect(existsSync(join(desk.dataDir, 'restore-pending'))).toBe(false);
  restored.close();

  // The next start keeps the identity it took, and lets go of the folder kept aside.
  const again = await openAttachmentDesk({ dataDir: desk.dataDir, initialise: false });
  opened.push(again);
  expect((await again.call('app.info', {})).desk.deviceId).toBe(info.desk.deviceId);
  expect(readdirSync(desk.dataDir).filter((name) => name.startsWith('before-restore-'))).toEqual([]);
});

it('restores onto a desk not set up yet without a sign-in, and only a supervisor may on a desk in use', async () => {
  const source = await openAttachmentDesk();
  opened.push(source);
  const id = await receiveDossier(source);
  await source.call('backup.configure', { folder: target.path });
  await source.call('backup.run', {});
  await source.call('auth.signOut', {});
  expect((await source.fail('backup.list', { folder: target.path })).code).toBe('unauthorized');

  const fresh = makeTempDir('desk-fresh-');
  // A blank desk, as the first-start screen sees it: nobody can sign in yet.
  const core = startCore({ appName: 'test', version: '0.0.0-test', dataDir: fresh.path }, { now: () => Date.parse('2026-11-24T02:00:00Z') });
  const call = (name: string, args: unknown) => dispatch(core.handlers, name, args, { transport: 'in-process' }, { error: () => undefined });
  const listed = await call('backup.list', { folder: target.path });
  expect(listed).toMatchObject({ ok: true, value: { backups: [{ counts: { dossiers: 1 } }] } });
  const name = (listed as { value: { backups: { name: string }[] } }).value.backups[0]!.name;
  expect(await call('backup.restore', { folder: target.path, name, confirm: true })).toMatchObject({ ok: true });
  core.close();

  const restored = await openAttachmentDesk({ dataDir: fresh.path, initialise: false });
  opened.push(restored);
  expect(await dossierIds(restored)).toEqual([id]);
  restored.dispose();
  opened.pop();
  fresh.remove();
});
