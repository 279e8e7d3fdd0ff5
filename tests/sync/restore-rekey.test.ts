import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { FakeDevice } from '../server/support/fabricate-events.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { enrollHostile } from './support/hostile-device.js';
import { centreLog, deskEvents, duplicatesOf } from './support/inspect.js';
import { converge, enrollDesk, openSyncDesk, settledStatus, type SyncDesk } from './support/sync-desk.js';

// Issue 16, item 2: a desk restored from an old backup does not get stuck. It backs up (one reception
// not yet sent), works on (receptions synced, codes issued), is restored from that backup, and syncs:
// it takes a new device id at start, re-keys with the centre on the proof of the token it still holds,
// sends what it held unsent under its former id, pulls back what the desk it replaces sent after the
// backup, and its new codes follow those. A device of another station that claims the station without
// the token is refused. Real SQLite files, a real centre process on loopback, on a fixed clock.

const T0 = Date.parse('2026-11-25T02:00:00.000Z'); // 09:00 in Hạ Long
const startedAt = performance.now();
const clock = (): number => T0 + Math.round(performance.now() - startedAt);

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let centreDir: string;
let centre: CentreProcess;
let codes: string[];
let backupDir: string;

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  const backups = makeTempDir('desk-backups-');
  cleanups.push(() => dir.remove(), () => backups.remove());
  centreDir = dir.path;
  backupDir = backups.path;
  codes = await prepareCentre(centreDir, [
    { unitGsoCode: '06691', station: 1 }, // 0: the desk that is backed up and restored
    { unitGsoCode: '06691', station: 2 }, // 1: another desk of the unit
    { unitGsoCode: '06691', station: 3 }, // 2: a device that claims to be station 1
    { unitGsoCode: '06691', station: 4 }, // 3: a desk lost before it could send its last reception
  ], {}, clock);
  centre = await startCentre({ dataDir: centreDir, clock: { at: T0 } });
  cleanups.push(() => centre.stop());
}, 60_000);

const codeOf = async (desk: SyncDesk, id: string): Promise<string> => (await desk.call('dossiers.get', { id })).state.code!;
const serialOf = (code: string): number => Number(code.split('-').at(-1));

describe('restoring an enrolled desk from an old backup', () => {
  let desk: SyncDesk;
  let formerId: string;

  it('re-keys, pushes what it held, pulls what it missed, and its new codes follow the ones issued since', async () => {
    desk = await openSyncDesk({ unit: 'hongGai', station: 1, now: clock });
    const other = await openSyncDesk({ unit: 'hongGai', station: 2, now: clock });
    cleanups.push(() => other.dispose());
    formerId = desk.deviceId;
    await enrollDesk(desk, centre.url, codes[0]!);
    await enrollDesk(other, centre.url, codes[1]!);
    const d1 = await desk.receiveDossier();
    expect(await desk.syncNow()).toMatchObject({ pendingEvents: 0, rejectedEvents: 0 });

    // The line is down: one more reception, then the backup (it holds that reception unsent).
    await centre.stop();
    const d2 = await desk.receiveDossier();
    await desk.call('backup.configure', { folder: backupDir });
    await desk.call('backup.run', {});
    const { backups } = await desk.call('backup.list', {});
    expect(backups).toHaveLength(1);
    expect(backups[0]!.counts.dossiers).toBe(2);
    const backupName = backups[0]!.name;

    // The desk works on: everything reaches the centre, codes are issued after the backup's.
    centre = await startCentre({ dataDir: centreDir, port: centre.port, clock: { at: clock() } });
    const d3 = await desk.receiveDossier();
    const d4 = await desk.receiveDossier();
    expect(await desk.syncNow()).toMatchObject({ pendingEvents: 0, rejectedEvents: 0 });
    const fromOther = await other.receiveDossier();
    await other.syncNow();
    const latestCode = await codeOf(desk, d4);

    // Restore the old backup (staged, then swapped in when the core starts again).
    expect(await desk.call('backup.restore', { name: backupName, confirm: true })).toEqual({ name: backupName, restartRequired: true });
    desk.close();
    desk = await openSyncDesk({ unit: 'hongGai', station: 1, dataDir: desk.dataDir, now: clock });
    cleanups.push(() => desk.dispose());
    expect(desk.deviceId).not.toBe(formerId);

    // One sync: not stuck, nothing refused; the dossiers of after the backup and the other desk's are back.
    const status = await desk.syncNow();
    expect(status).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0, lastError: null });
    await settledStatus(desk);
    const held = (await desk.call('dossiers.search', {})).rows.map((row) => row.id);
    expect(held.sort()).toEqual([d1, d2, d3, d4, fromOther].sort());
    expect(await codeOf(desk, d4)).toBe(latestCode);

    // A new reception takes the code after the last one issued since the backup, and is accepted.
    const d5 = await desk.receiveDossier();
    expect(serialOf(await codeOf(desk, d5))).toBe(serialOf(latestCode) + 1);
    expect(await desk.syncNow()).toMatchObject({ pendingEvents: 0, rejectedEvents: 0 });
    await converge([desk, other]);

    // Nothing doubled: one row per event at the centre and on each desk; the restored desk's new events
    // are counted in a fresh space under its new id, its earlier ones kept under the former id.
    const log = centreLog(centreDir);
    expect(duplicatesOf(log, (row) => row.id)).toEqual([]);
    expect(duplicatesOf(log.filter((row) => row.deviceId !== null), (row) => `${row.deviceId}/${row.deviceSeq}`)).toEqual([]);
    expect(duplicatesOf(deskEvents(desk), (row) => row.id)).toEqual([]);
    expect(log.filter((row) => row.deviceId === desk.deviceId).map((row) => row.deviceSeq)).toEqual([1]);
    expect(log.filter((row) => row.dossierId === d2).every((row) => row.deviceId === formerId)).toBe(true);
    expect(new Set(log.filter((row) => row.kind === 'event').map((row) => row.dossierId))).toEqual(new Set([d1, d2, d3, d4, d5, fromOther]));
    expect((await other.call('dossiers.search', {})).rows.map((row) => row.id).sort()).toEqual([d1, d2, d3, d4, d5, fromOther].sort());
  }, 120_000);

  it('sends what only the backup held: a reception the lost desk never sent reaches the centre under its former id', async () => {
    let lost = await openSyncDesk({ unit: 'hongGai', station: 4, now: clock });
    const lostId = lost.deviceId;
    await enrollDesk(lost, centre.url, codes[3]!);
    await lost.receiveDossier();
    expect(await lost.syncNow()).toMatchObject({ pendingEvents: 0 });
    await centre.stop();
    const unsent = await lost.receiveDossier();
    const folder = makeTempDir('desk-backups-lost-');
    cleanups.push(() => folder.remove());
    await lost.call('backup.configure', { folder: folder.path });
    await lost.call('backup.run', {});
    const [backup] = (await lost.call('backup.list', {})).backups;
    expect(await lost.call('backup.restore', { name: backup!.name, confirm: true })).toMatchObject({ restartRequired: true });
    lost.close();

    centre = await startCentre({ dataDir: centreDir, port: centre.port, clock: { at: clock() } });
    lost = await openSyncDesk({ unit: 'hongGai', station: 4, dataDir: lost.dataDir, now: clock });
    cleanups.push(() => lost.dispose());
    expect(await lost.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0, lastError: null });
    const atCentre = centreLog(centreDir).filter((row) => row.dossierId === unsent);
    expect(atCentre.length).toBeGreaterThan(0);
    expect(atCentre.every((row) => row.deviceId === lostId)).toBe(true);
  }, 120_000);

  it('refuses a device that claims to be the restored station without its token', async () => {
    const hostile = await enrollHostile(centre.url, codes[2]!, 'hongGai', 3);
    // With its own token, claiming station 1's former id for a new id of its choosing.
    const claim = await hostile.request('POST', SYNC_PATHS.rekey, { formerDeviceId: formerId, deviceId: '0b0b0b0b-0000-4000-8000-000000000001' });
    expect(claim.status).toBe(403);
    expect(((await claim.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    // Without any token.
    const anonymous = await fetch(`${centre.url}${SYNC_PATHS.rekey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ formerDeviceId: formerId, deviceId: '0b0b0b0b-0000-4000-8000-000000000002' }),
    });
    expect(anonymous.status).toBe(401);
    // Events signed with station 1's former id, from this device, are refused as another device's.
    const forged = new FakeDevice(formerId, hostile.forge.unit, clock()).receive();
    const pushed = await hostile.push([forged]);
    expect(pushed.rejected.map((r) => r.code)).toEqual(['foreign_device']);
    expect(pushed.stored).toEqual([]);
  }, 60_000);
});
