import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../shared/domain/catalogue/seed/procedures.js';
import { vietnamDateKey, vietnamIsoDate } from '../../shared/domain/dossier-code/vietnam-date.js';
import type { DossierEvent, DossierEventOf } from '../../shared/domain/dossier/events.js';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { FakeDevice } from '../server/support/fabricate-events.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { enrollHostile, lookup, type HostileDevice } from './support/hostile-device.js';
import { centreLog } from './support/inspect.js';
import { StaffClient } from './support/staff-client.js';
import { enrollDesk, openSyncDesk, UNITS, type SyncDesk } from './support/sync-desk.js';

// Issue 11, point 6 (names) and point 2 (a code's date): a device enrolled legitimately pushes receptions
// that name their procedure, sector and unit as it likes, name a procedure the centre has never heard
// of, or carry a code dated another day. The dashboard and the public lookup show the centre's catalogue
// names; the unknown procedure waits until the centre knows it; the misdated code is refused. The
// honest desk of the unit keeps receiving and syncing.

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const DAY_MS = 86_400_000;
const A = UNITS.hongGai.unitGsoCode;
const KHAI_SINH = PROCEDURES.find((p) => p.id === 'ho-tich.dang-ky-khai-sinh')!;
const FORGED = /giả mạo|bịa đặt|linh-vuc-gia/iu;

let centre: CentreProcess;
let centreDir: string;
let staff: StaffClient;
let hostile: HostileDevice;
let honest: SyncDesk;
// Every clock is fixed, never the machine's: the desks and the centre process (libfaketime) run from T0,
// Wednesday 25/11/2026 09:00 in Hạ Long, so "three days ago" is always the same working days.
const T0 = Date.parse('2026-11-25T02:00:00.000Z');
const startedAt = performance.now();
const clock = (): number => T0 + Math.round(performance.now() - startedAt);

/** The hostile device's own counters, on a clock that started three days ago (its receptions are overdue). */
let forge: FakeDevice;

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  cleanups.push(() => dir.remove());
  centreDir = dir.path;
  const [hostileCode, honestCode] = await prepareCentre(
    dir.path,
    [
      { unitGsoCode: A, station: 1 },
      { unitGsoCode: A, station: 2 },
    ],
    {},
    clock,
  );
  centre = await startCentre({ dataDir: dir.path, clock: { at: T0 } });
  cleanups.push(() => centre.stop());
  staff = await StaffClient.signIn(centre.url);
  hostile = await enrollHostile(centre.url, hostileCode!, 'hongGai', 1);
  forge = new FakeDevice(hostile.deviceId, { gsoCode: A, name: 'Phường Giả Mạo', agencyId: UNITS.hongGai.agencyId }, clock() - 3 * DAY_MS);
  honest = await openSyncDesk({ unit: 'hongGai', station: 2, now: clock });
  cleanups.push(() => honest.dispose());
  await enrollDesk(honest, centre.url, honestCode!);
});

/** The honest desk receives a citizen and syncs: nothing waits, nothing is refused, the lookup shows it. */
async function honestDeskKeepsWorking(): Promise<void> {
  const id = await honest.receiveDossier();
  expect(await honest.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0 });
  const state = (await honest.call('dossiers.get', { id })).state;
  const shown = await lookup(centre.url, state.code!);
  expect(shown.status).toBe(200);
  expect(await shown.json()).toMatchObject({ code: state.code, procedureName: PROCEDURES.find((p) => p.id === state.procedure.id)!.name });
  expect(centreLog(centreDir).some((row) => row.dossierId === id)).toBe(true);
}

function withProcedure(event: DossierEventOf<'dossier.received'>, procedure: Partial<DossierEventOf<'dossier.received'>['payload']['procedure']>): DossierEvent {
  return { ...event, payload: { ...event.payload, procedure: { ...event.payload.procedure, ...procedure } } };
}

async function overdueRows(): Promise<{ text: string; rows: { code: string | null; unitName: string; procedureName: string; sectorName: string }[] }> {
  const { status, body } = await staff.request<{ rows: { code: string | null; unitName: string; procedureName: string; sectorName: string }[] }>('GET', '/v1/dashboard/overdue');
  expect(status).toBe(200);
  return { text: JSON.stringify(body), rows: body.rows };
}

describe('names a desk sends, and the dates of its codes', () => {
  it('a reception naming a forged procedure, sector and unit: the dashboard and the lookup show the catalogue names', async () => {
    const received = forge.receive();
    const forged = withProcedure(
      { ...received, payload: { ...received.payload, unit: { ...received.payload.unit, name: 'Phường Giả Mạo' } } },
      { name: 'Thủ tục giả mạo', sectorId: 'linh-vuc-gia', sectorName: 'Lĩnh vực giả mạo' },
    );
    const answer = await hostile.push([forged]);
    expect(answer.rejected).toEqual([]);
    expect(answer.stored).toEqual([forged.id]);
    const code = received.payload.code!;

    const overdue = await overdueRows();
    expect(overdue.rows.find((row) => row.code === code)).toMatchObject({ unitName: 'Phường Hồng Gai', procedureName: 'Đăng ký khai sinh', sectorName: 'Hộ tịch' });
    expect(overdue.text).not.toMatch(FORGED);

    // Biểu 06 counts it under the catalogue's sector of its procedure; no line bears the forged sector.
    const from = vietnamIsoDate(received.payload.receivedAt);
    const to = vietnamIsoDate(new Date(clock()).toISOString());
    const bieu06 = await staff.request<{ form: { rows: { sectorId: string; sectorName: string; received: { total: number } }[] } }>(
      'GET',
      `/v1/dashboard/bieu06?from=${from}&to=${to}&unit=${A}`,
    );
    expect(bieu06.status).toBe(200);
    expect(JSON.stringify(bieu06.body)).not.toMatch(FORGED);
    expect(bieu06.body.form.rows.find((row) => row.sectorId === KHAI_SINH.sectorId)).toMatchObject({ sectorName: 'Hộ tịch', received: { total: 1 } });

    const shown = await lookup(centre.url, code);
    expect(shown.status).toBe(200);
    const body = await shown.json();
    expect(body).toMatchObject({ code, procedureName: 'Đăng ký khai sinh' });
    expect(JSON.stringify(body)).not.toMatch(FORGED);

    await honestDeskKeepsWorking();
  });

  it('a procedure id the centre does not know is refused as retryable, and goes through named by the centre once published', async () => {
    const received = forge.receive();
    const unknown = withProcedure(received, { id: 'ho-tich.thu-tuc-bia-dat', name: 'Thủ tục bịa đặt', sectorName: 'Lĩnh vực giả mạo' });
    const later = forge.note(received.dossierId);
    const answer = await hostile.push([unknown, later]);
    expect(answer.stored).toEqual([]);
    expect(answer.rejected).toEqual([
      { id: unknown.id, code: 'procedure_unknown', message: expect.stringContaining('ho-tich.thu-tuc-bia-dat') },
      { id: later.id, code: 'dossier_unknown', message: expect.any(String) },
    ]);
    expect(answer.rejected[0]!.message).toMatch(/Danh mục của trung tâm chưa có thủ tục/u);
    expect((await lookup(centre.url, received.payload.code!)).status).toBe(404);
    expect(centreLog(centreDir).some((row) => row.dossierId === received.dossierId)).toBe(false);
    expect((await overdueRows()).text).not.toMatch(FORGED);
    await honestDeskKeepsWorking();

    // The administrator publishes a procedure under that id: the same events, sent again, are stored,
    // and the centre names the dossier as its catalogue does — not as the device wrote it.
    const published = { ...KHAI_SINH, id: 'ho-tich.thu-tuc-bia-dat', code: 'HL.HT.902', name: 'Thủ tục do trung tâm công bố', version: 1 };
    const publication = await staff.request('POST', SYNC_PATHS.adminReference, { type: 'catalogue.procedure', record: published });
    expect(publication.status).toBe(200);
    const again = await hostile.push([unknown, later]);
    expect(again.rejected).toEqual([]);
    expect(again.stored).toEqual([unknown.id, later.id]);
    expect(await (await lookup(centre.url, received.payload.code!)).json()).toMatchObject({ procedureName: 'Thủ tục do trung tâm công bố' });
    const overdue = await overdueRows();
    expect(overdue.rows.find((row) => row.code === received.payload.code)).toMatchObject({ procedureName: 'Thủ tục do trung tâm công bố', sectorName: 'Hộ tịch' });
    expect(overdue.text).not.toMatch(FORGED);
  });

  it("a code whose date part is not its reception's Vietnam date is refused, and the honest desk keeps syncing", async () => {
    const received = forge.receive();
    const day = received.payload.code!.split('-')[1]!;
    const receivedAtMs = Date.parse(received.payload.receivedAt);
    const misdated = [-DAY_MS, DAY_MS, 365 * DAY_MS].map((shift) => {
      const event = forge.receive();
      const code = `${UNITS.hongGai.agencyId}-${vietnamDateKey(new Date(Date.parse(event.payload.receivedAt) + shift).toISOString())}-1900`;
      return { ...event, payload: { ...event.payload, code } } as DossierEvent;
    });
    expect(vietnamDateKey(new Date(receivedAtMs).toISOString())).toBe(day);

    const answer = await hostile.push(misdated);
    expect(answer.stored).toEqual([]);
    expect(answer.rejected).toEqual(
      misdated.map((event) => ({ id: event.id, code: 'code_date_mismatch', message: expect.stringMatching(/^Ngày trong mã hồ sơ .+ không khớp với ngày tiếp nhận \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)\.$/u) })),
    );
    for (const event of misdated) expect((await lookup(centre.url, (event as DossierEventOf<'dossier.received'>).payload.code!)).status).toBe(404);

    // The same device's correctly dated reception is stored: only the misdated codes were refused.
    expect((await hostile.push([received])).stored).toEqual([received.id]);
    await honestDeskKeepsWorking();
  });
});
