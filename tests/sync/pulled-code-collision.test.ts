import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { lookup } from './support/hostile-device.js';
import { centreLog } from './support/inspect.js';
import { PullGate } from './support/pull-gate.js';
import { converge, enrollDesk, openSyncDesk, settledStatus, UNITS, type SyncDesk } from './support/sync-desk.js';

// Issue 11, point 2, the pulled side of a collision: a desk pulls a reception the centre stored under a
// code this desk has already given a citizen of its own (a second desk set up for the same station by
// mistake, or one restored from a copy, issued it too). The desk must not fail the page for ever on the
// projection's unique code: it sets its own dossier aside for the supervisor, keeps syncing everything
// else both ways, and once the supervisor reissues a code, the centre takes the dossier under it.

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let centre: CentreProcess;
let centreDir: string;
let codes: string[];
const A = UNITS.hongGai.unitGsoCode;

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  cleanups.push(() => dir.remove());
  centreDir = dir.path;
  codes = await prepareCentre(dir.path, [
    { unitGsoCode: A, station: 5 }, // 0: desk B
    { unitGsoCode: A, station: 5 }, // 1: desk R, set up for B's station by mistake
    { unitGsoCode: A, station: 6 }, // 2: desk C, another station of the unit
  ]);
  centre = await startCentre({ dataDir: dir.path });
  cleanups.push(() => centre.stop());
});

const codeOf = async (desk: SyncDesk, id: string): Promise<string | null> => (await desk.call('dossiers.get', { id })).state.code;

describe('a pulled reception holding a code the desk already issued', () => {
  it('sets the local dossier aside, keeps syncing both ways, and the reissued code reaches the centre', async () => {
    const gate = await new PullGate(centre.url).listen();
    cleanups.push(() => gate.close());
    const b = await openSyncDesk({ unit: 'hongGai', station: 5 });
    const r = await openSyncDesk({ unit: 'hongGai', station: 5 });
    const c = await openSyncDesk({ unit: 'hongGai', station: 6 });
    cleanups.push(
      () => b.dispose(),
      () => r.dispose(),
      () => c.dispose(),
    );
    await enrollDesk(b, gate.url, codes[0]!);
    await enrollDesk(r, centre.url, codes[1]!);
    await enrollDesk(c, centre.url, codes[2]!);

    // B's first citizen reaches the centre; R pulls it, so R's next code is the one after it.
    const first = await b.receiveDossier('Nguyễn Văn Đầu');
    await converge([b, r, c]);
    const fromR = await r.receiveDossier('Đỗ Thị Khác');
    const code = (await codeOf(r, fromR))!;
    expect(await r.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0 });
    expect(centreLog(centreDir).some((row) => row.dossierId === fromR)).toBe(true);

    // B's officer receives a citizen while B's pull is on its way: B has not seen R's dossier, so it
    // issues the same code, and the page then brings R's reception under it.
    let clashing = '';
    const received = gate.beforeNextPull(async () => {
      clashing = await b.receiveDossier('Trần Văn Trùng');
    });
    await b.syncNow();
    await received;
    expect(await codeOf(b, clashing)).toBe(code);
    const status = await settledStatus(b);
    expect(status).toMatchObject({ state: 'idle', lastError: null });

    // B's own dossier is set aside with its reason; R's holds the code on B.
    const holder = b.core.db.prepare('SELECT id FROM dossiers WHERE code = ?').get(code) as { id: string } | undefined;
    expect(holder?.id).toBe(fromR);
    const aside = await b.call('dossiers.get', { id: clashing });
    expect(aside.codeConflict).toMatchObject({ code, reason: expect.stringContaining(`Mã hồ sơ ${code} đã được trung tâm ghi cho một hồ sơ khác`) });
    const row = await b.call('dossiers.search', { text: 'Trần Văn Trùng', limit: 5, offset: 0 });
    expect(row.rows.map((d) => [d.id, d.code, d.setAsideCode, d.needsReview])).toEqual([[clashing, null, code, true]]);
    expect(await codeOf(b, first)).not.toBe(code);

    // B keeps syncing both ways meanwhile: its next citizen goes up, C's comes down.
    const laterFromB = await b.receiveDossier('Lê Thị Sau');
    const fromC = await c.receiveDossier('Phạm Văn Bên');
    await converge([b, r, c]);
    expect((await c.call('dossiers.get', { id: laterFromB })).state.applicant.fullName).toBe('Lê Thị Sau');
    expect((await b.call('dossiers.get', { id: fromC })).state.applicant.fullName).toBe('Phạm Văn Bên');
    expect(await settledStatus(b)).toMatchObject({ state: 'idle', pendingEvents: 0, lastError: null });

    // The way out: the supervisor reissues a code; the reception goes up with it and the centre takes it.
    const reissued = await b.call('dossiers.reissueCode', { dossierId: clashing, reason: 'Trùng mã với hồ sơ của quầy khác' });
    const newCode = reissued.state.code!;
    expect(newCode).not.toBe(code);
    expect(reissued.codeConflict).toBeNull();
    await converge([b, r, c]);
    expect(await b.call('sync.status', {})).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0, lastError: null });
    // The centre holds the dossier's reception and its reissue, once each.
    const history = reissued.history.map((h) => [h.eventId, h.type]);
    expect(history.map(([, type]) => type)).toEqual(['dossier.received', 'code.reissued']);
    expect(centreLog(centreDir).filter((e) => e.dossierId === clashing).map((e) => e.id)).toEqual(history.map(([id]) => id));
    expect(await (await lookup(centre.url, newCode)).json()).toMatchObject({ code: newCode });
    for (const desk of [r, c]) {
      expect(await codeOf(desk, clashing)).toBe(newCode);
      expect(await codeOf(desk, fromR)).toBe(code);
    }
    const ids = [first, fromR, clashing, laterFromB, fromC];
    const atCentre = new Set(centreLog(centreDir).map((e) => e.dossierId));
    for (const id of ids) expect(atCentre.has(id)).toBe(true);
    const onB = await Promise.all(ids.map((id) => codeOf(b, id)));
    expect(new Set(onB).size).toBe(ids.length);
  });
});
