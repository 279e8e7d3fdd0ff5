import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { enrollDesk, openSyncDesk, type SyncDesk } from './support/sync-desk.js';

// The centre binds an enrolled device to its unit's GSO code and agency identifier, and cannot yet
// rebind it to a successor: a desk of the 2020 Phường Hồng Gai (06691) moved to the 2025 ward (06685)
// would issue receptions the centre refuses as another unit's. So an enrolled desk's move is refused,
// nothing changes, and its receptions keep syncing under its unit. Real centre process on loopback.

const T0 = Date.parse('2026-11-25T02:00:00.000Z'); // 09:00 in Hạ Long, after the 1/7/2025 arrangement
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

describe('moving an enrolled desk', () => {
  it('is refused while the centre holds the desk to its unit; the desk keeps syncing as before', async () => {
    await enrollDesk(desk, centre.url, code);
    const before = await desk.call('settings.get', {});
    const refused = await desk.raw('settings.moveUnit', { successorId: 'quang-ninh-2025-phuong-hong-gai' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Bàn làm việc đang đồng bộ với trung tâm dưới đơn vị Phường Hồng Gai (mã GSO 06691)') } });
    expect(await desk.call('settings.get', {})).toEqual(before);

    await desk.receiveDossier();
    const status = await desk.syncNow();
    expect(status.pendingEvents).toBe(0);
    expect(status.rejectedEvents).toBe(0);
  }, 60_000);
});
