import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRETS_FILE } from '../../electron/core/secrets/file-secret-store.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { enrollDesk, openSyncDesk, settledStatus, type SyncDesk } from './support/sync-desk.js';

// The centre holds an enrolled desk to its unit, agency identifier and station and has no request to
// change them, so a supervisor changes them only after leaving the centre. Leaving is refused while
// changes wait to go, unless forced; forcing deletes nothing on the desk, only the token (from the
// secrets store) and the enrollment. Real centre process on loopback, fixed clock.

const T0 = Date.parse('2026-11-25T02:00:00.000Z'); // Wednesday 09:00 in Hạ Long
const startedAt = performance.now();
const clock = (): number => T0 + Math.round(performance.now() - startedAt);

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let centre: CentreProcess;
let desk: SyncDesk;
let code: string;

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  cleanups.push(() => dir.remove());
  [code] = (await prepareCentre(dir.path, [{ unitGsoCode: '06691', station: 1 }], {}, clock)) as [string];
  centre = await startCentre({ dataDir: dir.path, clock: { at: T0 } });
  cleanups.push(() => centre.stop());
  desk = await openSyncDesk({ unit: 'hongGai', station: 1, now: clock });
  cleanups.push(() => desk.dispose());
}, 60_000);

const tokenOnDisk = (): string | undefined => {
  const file = join(desk.dataDir, SECRETS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)['centre.token'] : undefined;
};

describe('desk settings of an enrolled desk, and leaving the centre', () => {
  it('refuses a new station, unit identifier while enrolled; leaving waits for unsent changes unless forced', async () => {
    await enrollDesk(desk, centre.url, code);
    await desk.receiveDossier();
    expect((await desk.syncNow()).pendingEvents).toBe(0);
    const before = await desk.call('settings.get', {});
    const unit = before.unit!;
    const same = { unitGsoCode: unit.gsoCode, unitId: unit.id!, agencyId: unit.agencyId, station: 1 };

    // Saving the same settings is harmless; a new station or identifier would be refused at the centre.
    expect(await desk.call('settings.set', same)).toEqual(before);
    const station = await desk.raw('settings.set', { ...same, station: 2 });
    expect(station).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Hãy hủy đăng ký đồng bộ trước') } });
    expect(station).toMatchObject({ error: { message: expect.stringContaining('quầy số 1') } });
    expect(await desk.raw('settings.set', { ...same, agencyId: '000.07.31.H49' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await desk.call('settings.get', {})).toEqual(before);

    // The centre goes away; a reception waits to go.
    await centre.stop();
    const waiting = await desk.receiveDossier();
    await desk.syncNow();
    expect((await settledStatus(desk)).pendingEvents).toBeGreaterThan(0);
    const token = tokenOnDisk();
    expect(token).toBeTruthy();

    const refused = await desk.raw('sync.unenroll', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('chưa gửi lên trung tâm') } });
    expect((await desk.call('sync.status', {})).state).not.toBe('not_configured');
    expect(tokenOnDisk()).toBe(token);

    const left = await desk.call('sync.unenroll', { force: true });
    expect(left).toMatchObject({ state: 'not_configured', centreUrl: null, lastError: null });
    // Nothing of the desk's own is gone: the reception is there and still waits for a centre.
    expect(left.pendingEvents).toBeGreaterThan(0);
    expect((await desk.call('dossiers.get', { id: waiting })).state.id).toBe(waiting);
    expect(tokenOnDisk()).toBeUndefined();
    expect(await desk.raw('sync.unenroll', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Máy này chưa đăng ký với trung tâm nào.' } });

    // Unenrolled, the station changes.
    expect((await desk.call('settings.set', { ...same, station: 2 })).station).toBe(2);
  }, 90_000);
});
