import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../shared/domain/dossier/events.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { enrollHostile, lookup, withSerial } from './support/hostile-device.js';
import { centreLog } from './support/inspect.js';
import { converge, enrollDesk, openSyncDesk, settledStatus, UNITS } from './support/sync-desk.js';

// Issue 11, point 2: dossier codes stay unique per unit, and a collision never stalls sync. A device
// enrolled legitimately then pushes codes that are not its to issue; two desks set up for one station
// issue the same code offline. The honest desks keep receiving and syncing, and nothing of theirs is lost.

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let centre: CentreProcess;
let centreDir: string;
let codes: string[];
const A = UNITS.hongGai.unitGsoCode;
const B = UNITS.haKhanh.unitGsoCode;

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  cleanups.push(() => dir.remove());
  centreDir = dir.path;
  codes = await prepareCentre(dir.path, [
    { unitGsoCode: A, station: 2 }, // 0: refused to a station-1 desk, then used by a station-2 hostile
    { unitGsoCode: A, station: 1 }, // 1: honest desk A1
    { unitGsoCode: B, station: 1 }, // 2: hostile device of another unit
    { unitGsoCode: A, station: 1 }, // 3: unused
    { unitGsoCode: A, station: 1 }, // 4: hostile of the same station
  ]);
  centre = await startCentre({ dataDir: dir.path });
  cleanups.push(() => centre.stop());
});

const codeOf = (event: DossierEvent): string => (event as { payload: { code: string } }).payload.code;

describe('hostile and misconfigured codes', () => {
  it('a desk set up as station 1 is refused a code issued for station 2, with both numbers named', async () => {
    const desk = await openSyncDesk({ unit: 'hongGai', station: 1 });
    cleanups.push(() => desk.dispose());
    const refused = await desk.raw('sync.enroll', { centreUrl: centre.url, code: codes[0]!, deviceName: 'Quầy 1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/quầy số 2.*quầy số 1/) } });
    expect((await desk.call('sync.status', {})).state).toBe('not_configured');
  });

  it("refuses another unit's, another station's and a taken code; the unit's lookup and desks are untouched", async () => {
    const honest = await openSyncDesk({ unit: 'hongGai', station: 1 });
    cleanups.push(() => honest.dispose());
    await enrollDesk(honest, centre.url, codes[1]!);
    const first = await honest.receiveDossier();
    expect(await honest.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0 });
    const firstCode = (await honest.call('dossiers.get', { id: first })).state.code!;
    const next = withSerial(firstCode, Number(firstCode.slice(-4)) + 1);

    // Another unit's device pushes a dossier of its own under unit A's next code, dated far ahead.
    const otherUnit = await enrollHostile(centre.url, codes[2]!, 'haKhanh', 1);
    const forged = otherUnit.forge.receive();
    const forgedUnderA = { ...forged, payload: { ...forged.payload, code: next } } as DossierEvent;
    const answer = await otherUnit.push([forgedUnderA]);
    expect(answer.rejected).toEqual([{ id: forged.id, code: 'code_foreign_agency', message: expect.stringContaining(next) }]);
    expect((await lookup(centre.url, next)).status).toBe(404);

    // A device of unit A enrolled for station 2 may not use station 1's serials.
    const otherStation = await enrollHostile(centre.url, codes[0]!, 'hongGai', 2);
    const stolen = otherStation.forge.receive();
    const refusedBlock = await otherStation.push([{ ...stolen, payload: { ...stolen.payload, code: next } } as DossierEvent]);
    expect(refusedBlock.rejected).toEqual([{ id: stolen.id, code: 'code_outside_station', message: expect.stringContaining('quầy số 2') }]);

    // A second device of station 1 may not take a code another dossier of the unit holds.
    const sameStation = await enrollHostile(centre.url, codes[4]!, 'hongGai', 1);
    const twin = sameStation.forge.receive();
    const refusedTwin = await sameStation.push([{ ...twin, payload: { ...twin.payload, code: firstCode } } as DossierEvent]);
    expect(refusedTwin.rejected.map((r) => r.code)).toEqual(['code_taken']);

    // The honest desk receives the next citizen under that very code, and the lookup shows its dossier.
    const second = await honest.receiveDossier();
    const secondState = (await honest.call('dossiers.get', { id: second })).state;
    expect(secondState.code).toBe(next);
    expect(await honest.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0 });
    const shown = await lookup(centre.url, next);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ code: next, procedureName: secondState.procedure.name, appointmentAt: secondState.appointmentAt });
    const held = centreLog(centreDir).filter((row) => row.dossierId === first || row.dossierId === second);
    expect(held).toHaveLength(2);
    expect(codeOf(forgedUnderA)).toBe(next);
  });

  it('two desks of one station issue the same code offline: the later one is set aside, reissued, and both keep syncing', async () => {
    // Station 3: its block is untouched by the tests above.
    const a1 = await openSyncDesk({ unit: 'hongGai', station: 3 });
    const a1bis = await openSyncDesk({ unit: 'hongGai', station: 3 });
    cleanups.push(() => a1.dispose(), () => a1bis.dispose());
    // Both receive the same morning before either has synced: the same code on two receipts.
    const kept = await a1.receiveDossier('Nguyễn Văn Trước');
    const clashing = await a1bis.receiveDossier('Trần Thị Sau');
    const code = (await a1.call('dossiers.get', { id: kept })).state.code!;
    expect((await a1bis.call('dossiers.get', { id: clashing })).state.code).toBe(code);

    const [first, second] = await prepareCentre(centreDir, [
      { unitGsoCode: A, station: 3 },
      { unitGsoCode: A, station: 3 },
    ]);
    await enrollDesk(a1, centre.url, first!);
    expect(await a1.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0 });
    await enrollDesk(a1bis, centre.url, second!);
    await a1bis.syncNow();
    await a1.syncNow();

    // The second desk's dossier is set aside (reception refused as code_taken) and nothing else stalls.
    const aside = (await a1bis.call('dossiers.get', { id: clashing })).state;
    expect(aside.code).toBe(code);
    const row = a1bis.core.db.prepare('SELECT code, needs_review FROM dossiers WHERE id = ?').get(clashing) as { code: string | null; needs_review: number };
    expect(row).toEqual({ code: null, needs_review: 1 });
    const pulled = a1bis.core.db.prepare('SELECT id FROM dossiers WHERE code = ?').get(code) as { id: string };
    expect(pulled.id).toBe(kept);
    const status = await settledStatus(a1bis);
    expect(status.state).toBe('idle');
    expect(status.rejectedEvents).toBe(1);

    // The desk keeps receiving and syncing meanwhile (its next code follows the one it pulled).
    const later = await a1bis.receiveDossier();
    await converge([a1, a1bis]);
    expect((await a1.call('dossiers.get', { id: later })).state.id).toBe(later);

    // The way out: the supervisor reissues a code; the reception goes with it; everyone follows.
    const reissued = await a1bis.call('dossiers.reissueCode', { dossierId: clashing, reason: 'Trùng mã với hồ sơ của quầy khác' });
    expect(reissued.state.code).not.toBe(code);
    await converge([a1, a1bis]);
    expect(await a1bis.call('sync.status', {})).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0 });
    expect((await a1.call('dossiers.get', { id: clashing })).state.code).toBe(reissued.state.code);
    expect(await (await lookup(centre.url, reissued.state.code!)).json()).toMatchObject({ code: reissued.state.code });
    const afterwards = await a1.receiveDossier();
    await converge([a1, a1bis]);
    const atCentre = new Set(centreLog(centreDir).map((r) => r.dossierId));
    for (const id of [kept, clashing, later, afterwards]) expect(atCentre.has(id)).toBe(true);
    const codesNow = await Promise.all([kept, clashing, later, afterwards].map(async (id) => (await a1bis.call('dossiers.get', { id })).state.code));
    expect(new Set(codesNow).size).toBe(4);
  });
});
