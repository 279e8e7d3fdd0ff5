import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { enrollDesk, openSyncDesk, type SyncDesk } from './support/sync-desk.js';

// An enrolled desk of the 2020 Phường Hồng Gai (06691) moves to the 2025 ward that took it over
// (quang-ninh-2025-phuong-hong-gai, 06685) through the centre: offline the move is refused and nothing
// changes; online the centre rebinds the device first, then the desk records the move. A reception the
// desk made under its former unit while offline still syncs after the move, and its receptions under
// the successor are accepted. Real centre process on loopback, on a fixed clock (libfaketime).

const T0 = Date.parse('2026-11-25T02:00:00.000Z'); // 09:00 in Hạ Long, after the 1/7/2025 arrangement
const startedAt = performance.now();
const clock = (): number => T0 + Math.round(performance.now() - startedAt);
const SUCCESSOR = { id: 'quang-ninh-2025-phuong-hong-gai', gsoCode: '06685', name: 'Phường Hồng Gai', agencyId: '000.07.25.H49' };

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let dataDir: string;
let centre: CentreProcess;
let desk: SyncDesk;
let code: string;

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  cleanups.push(() => dir.remove());
  dataDir = dir.path;
  [code] = (await prepareCentre(dataDir, [{ unitGsoCode: '06691', station: 1 }], {}, clock)) as [string];
  centre = await startCentre({ dataDir, clock: { at: T0 } });
  cleanups.push(() => centre.stop());
  desk = await openSyncDesk({ unit: 'hongGai', station: 1, now: clock });
  cleanups.push(() => desk.dispose());
}, 60_000);

const codeOf = async (dossierId: string) => (await desk.call('dossiers.get', { id: dossierId })).state.code;

describe('moving an enrolled desk to its unit’s successor', () => {
  it('needs the centre: offline nothing changes; online the centre rebinds the desk, and its work before and after syncs', async () => {
    await enrollDesk(desk, centre.url, code);
    await desk.receiveDossier();
    expect(await desk.syncNow()).toMatchObject({ pendingEvents: 0, rejectedEvents: 0 });

    // The centre is down: a reception goes on under the former unit; the move is refused, nothing changed.
    await centre.stop();
    const before = await desk.call('settings.get', {});
    const offlineDossier = await desk.receiveDossier();
    const offline = await desk.raw('settings.moveUnit', { successorId: SUCCESSOR.id });
    expect(offline).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('cần có mạng') } });
    expect(offline).toMatchObject({ error: { message: expect.stringContaining('Bàn làm việc chưa thay đổi gì.') } });
    expect(await desk.call('settings.get', {})).toEqual(before);

    centre = await startCentre({ dataDir, port: centre.port, clock: { at: clock() } });
    const moved = await desk.call('settings.moveUnit', { successorId: SUCCESSOR.id });
    expect(moved.unit).toEqual({ id: SUCCESSOR.id, gsoCode: SUCCESSOR.gsoCode, name: SUCCESSOR.name, agencyId: SUCCESSOR.agencyId });
    expect(moved.station).toBe(1);

    const afterMove = await desk.receiveDossier();
    expect(await codeOf(offlineDossier)).toMatch(/^000\.15\.20\.H49-/u);
    expect(await codeOf(afterMove)).toMatch(/^000\.07\.25\.H49-/u);
    const status = await desk.syncNow();
    expect(status).toMatchObject({ pendingEvents: 0, rejectedEvents: 0 });

    // Moving again is refused by the desk's own rule (the successor has no successor), nothing sent.
    expect(await desk.raw('settings.moveUnit', { successorId: SUCCESSOR.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 90_000);
});
