import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS, type UnitMoveResponse } from '../../shared/sync/protocol.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { enrollDesk, openSyncDesk, type SyncDesk } from './support/sync-desk.js';

// An enrolled desk moves to its unit's successor in two steps on two machines: the centre rebinds the
// device, then the desk records the move. Here the desk dies between the two (a fault injected right
// after the centre's answer, then the process's data folder opened again). The centre answers a repeat
// of the same move the same way, so a supervisor may simply try again; and without anyone trying, the
// desk's next sync round learns the centre's unit for the device and records the move itself — before
// it pushes a reception, which the centre then accepts under the successor. Real centre process.

const T0 = Date.parse('2026-11-25T02:00:00.000Z');
const startedAt = performance.now();
const clock = (): number => T0 + Math.round(performance.now() - startedAt);
const SUCCESSOR = { id: 'quang-ninh-2025-phuong-hong-gai', gsoCode: '06685', name: 'Phường Hồng Gai', agencyId: '000.07.25.H49' };
const FORMER_ID = 'ha-long-2020-phuong-hong-gai';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let centre: CentreProcess;
let codes: string[];

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  cleanups.push(() => dir.remove());
  codes = await prepareCentre(dir.path, [{ unitGsoCode: '06691', station: 1 }, { unitGsoCode: '06691', station: 2 }], {}, clock);
  centre = await startCentre({ dataDir: dir.path, clock: { at: T0 } });
  cleanups.push(() => centre.stop());
}, 60_000);

const deskUnit = { id: SUCCESSOR.id, gsoCode: SUCCESSOR.gsoCode, name: SUCCESSOR.name, agencyId: SUCCESSOR.agencyId };
const movesOf = (desk: SyncDesk): unknown[] =>
  JSON.parse((desk.core.db.prepare("SELECT value FROM settings WHERE key = 'unit.moves'").get() as { value: string } | undefined)?.value ?? '[]') as unknown[];

describe('a desk that dies between the centre’s yes and its own record of a unit move', () => {
  it('gets the same answer to a repeat, and on its next start records the move as the centre made it, before pushing its work', async () => {
    const folder = makeTempDir('desk-');
    cleanups.push(() => folder.remove());
    const first = await openSyncDesk({ unit: 'hongGai', station: 1, dataDir: folder.path, now: clock });
    await enrollDesk(first, centre.url, codes[0]!);
    const sync = first.core.sync;
    const ask = sync.moveUnit.bind(sync);
    let answer: UnitMoveResponse | null = null;
    sync.moveUnit = async (request) => {
      answer = await ask(request);
      throw new Error('fault injected: the desk dies before recording the move');
    };
    expect((await first.raw('settings.moveUnit', { successorId: SUCCESSOR.id })).ok).toBe(false);
    expect(answer).not.toBeNull();
    // The desk still believes it serves the former ward; the centre holds it to the successor.
    expect((await first.call('settings.get', {})).unit).toMatchObject({ id: FORMER_ID, gsoCode: '06691' });
    expect(movesOf(first)).toEqual([]);

    // The same move asked again is answered the same, with no error: a supervisor may simply retry.
    const again = await fetch(`${centre.url}${SYNC_PATHS.unitMove}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await first.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fromUnitId: FORMER_ID, toUnitId: SUCCESSOR.id, agencyId: SUCCESSOR.agencyId }),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(answer);
    first.close();

    // Opened again, nobody retries: its first sync round learns the centre's unit and records the move.
    const desk = await openSyncDesk({ unit: 'hongGai', station: 1, dataDir: folder.path, now: clock });
    cleanups.push(() => desk.close());
    expect(await desk.syncNow()).toMatchObject({ pendingEvents: 0, rejectedEvents: 0 });
    expect((await desk.call('settings.get', {})).unit).toEqual(deskUnit);
    expect(movesOf(desk)).toEqual([expect.objectContaining({ fromUnitId: FORMER_ID, toUnitId: SUCCESSOR.id, toAgencyId: SUCCESSOR.agencyId, movedAt: answer!.movedAt })]);
    // Its receptions now carry the successor's identifier and the centre takes them.
    const id = await desk.receiveDossier();
    expect((await desk.call('dossiers.get', { id })).state.code).toMatch(/^000\.07\.25\.H49-/u);
    expect(await desk.syncNow()).toMatchObject({ pendingEvents: 0, rejectedEvents: 0 });
    // Moving again is refused by the desk's own rule: the move is done, once.
    expect(await desk.raw('settings.moveUnit', { successorId: SUCCESSOR.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(movesOf(desk)).toHaveLength(1);
  }, 90_000);

  it('forgets a move the centre never made (the centre was down): the desk stays where it was', async () => {
    const folder = makeTempDir('desk-');
    cleanups.push(() => folder.remove());
    const desk = await openSyncDesk({ unit: 'hongGai', station: 2, dataDir: folder.path, now: clock });
    cleanups.push(() => desk.close());
    await enrollDesk(desk, centre.url, codes[1]!);
    const sync = desk.core.sync;
    sync.moveUnit = () => Promise.reject(new Error('fault injected: the request never reached the centre'));
    expect((await desk.raw('settings.moveUnit', { successorId: SUCCESSOR.id })).ok).toBe(false);
    expect(await desk.syncNow()).toMatchObject({ pendingEvents: 0, rejectedEvents: 0 });
    expect((await desk.call('settings.get', {})).unit).toMatchObject({ id: FORMER_ID, gsoCode: '06691' });
    expect(movesOf(desk)).toEqual([]);
    expect(desk.core.db.prepare("SELECT value FROM settings WHERE key = 'unit.move.pending'").get()).toBeUndefined();
  }, 90_000);
});
