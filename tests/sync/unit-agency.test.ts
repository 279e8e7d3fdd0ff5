import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { lookup } from './support/hostile-device.js';
import { converge, enrollDesk, openSyncDesk, UNITS, type SyncDesk } from './support/sync-desk.js';

// Issue 14: desks of two units once issued the same dossier code on the same day and the centre took
// both. Two desks of different units of today, both at station 1 and set up with the identifiers their
// catalogue prefills, receive citizens the same day against a real centre process: no code is issued
// twice, the centre accepts every one, and the public lookup finds each under its own unit.
//
// Clocks are fixed: the desks and the centre process (libfaketime) run from T0, 09:00 in Hạ Long on a
// Wednesday in 2026, so the six receptions fall on one day whatever the machine's date.

const T0 = Date.parse('2026-11-25T02:00:00.000Z');
const startedAt = performance.now();
const clock = (): number => T0 + Math.round(performance.now() - startedAt);

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let centre: CentreProcess;
let hongGai: SyncDesk;
let haLong: SyncDesk;
let codes: string[];

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  cleanups.push(() => dir.remove());
  const wanted = [UNITS.hongGai2025, UNITS.haLong2025].map((unit) => ({ unitGsoCode: unit.unitGsoCode, station: 1 }));
  codes = await prepareCentre(dir.path, wanted, {}, clock);
  centre = await startCentre({ dataDir: dir.path, clock: { at: T0 } });
  cleanups.push(() => centre.stop());
  [hongGai, haLong] = await Promise.all([
    openSyncDesk({ unit: 'hongGai2025', station: 1, now: clock }),
    openSyncDesk({ unit: 'haLong2025', station: 1, now: clock }),
  ]);
  cleanups.push(() => hongGai.dispose(), () => haLong.dispose());
});

describe('two units of today at one centre', () => {
  it('set up with their catalogue identifiers, never issue the same code, and the centre takes every one', async () => {
    for (const [desk, key] of [[hongGai, 'hongGai2025'], [haLong, 'haLong2025']] as const) {
      const own = CATALOGUE_UNITS.find((u) => u.id === UNITS[key].unitId)!;
      expect((await desk.call('settings.get', {})).unit).toEqual({ id: own.id, gsoCode: own.gsoCode, name: own.name, agencyId: own.agencyId });
    }
    await enrollDesk(hongGai, centre.url, codes[0]!);
    await enrollDesk(haLong, centre.url, codes[1]!);
    const received: { desk: SyncDesk; id: string }[] = [];
    for (let i = 0; i < 3; i += 1) {
      received.push({ desk: hongGai, id: await hongGai.receiveDossier() }, { desk: haLong, id: await haLong.receiveDossier() });
    }
    await converge([hongGai, haLong]);
    const issued = await Promise.all(received.map(async ({ desk, id }) => ({ desk, code: (await desk.call('dossiers.get', { id })).state.code! })));
    expect(new Set(issued.map((r) => r.code)).size).toBe(6);
    // The same station and day at both: the serials are the same, only the identifier tells them apart.
    expect(new Set(issued.map((r) => r.code.slice(-11))).size).toBe(3);
    for (const desk of [hongGai, haLong]) expect(await desk.call('sync.status', {})).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0 });
    for (const { desk, code } of issued) {
      const found = (await (await lookup(centre.url, code)).json()) as { code: string };
      expect(found.code).toBe(code);
      expect(code.startsWith((await desk.call('settings.get', {})).unit!.agencyId)).toBe(true);
    }
  });
});
