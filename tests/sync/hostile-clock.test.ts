import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/start-core.js';
import { openStorage } from '../../server/storage/open-storage.js';
import { appendEntries } from '../../server/sync/append-entries.js';
import { prepareEvent } from '../../server/sync/prepare-event.js';
import { MAX_CLOCK_AHEAD_MS } from '../../shared/domain/clock/clock-bound.js';
import { isHlcString, parseHlc } from '../../shared/domain/clock/hlc.js';
import type { DossierEvent, DossierEventOf } from '../../shared/domain/dossier/events.js';
import { vietnamDateOf } from '../../shared/domain/dossier/vietnam-time.js';
import { lookupPath, SYNC_PATHS, type EnrollResponse, type PushResponse } from '../../shared/sync/protocol.js';
import { FakeDevice, HONG_GAI_UNIT } from '../server/support/fabricate-events.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { StaffClient } from './support/staff-client.js';
import { converge, enrollDesk, openSyncDesk, settledStatus, UNITS, type SyncDesk } from './support/sync-desk.js';

// Issue 11, point 1: no clock can poison a unit. A device enrolled legitimately then pushes events
// stamped far ahead (a forged 15-digit stamp, a time a year ahead, a dossier "received" in 2028, an
// appointment in 2099); a desk's own clock is 400 days fast; a desk's stored clock already overflowed.
// Each is refused or healed, and the honest desks of the unit keep receiving and syncing.
//
// Clocks are fixed: every desk's clock runs from T0 (09:00 in Hạ Long on a Tuesday), and the centre
// process's clock starts at T0 too (libfaketime), so nothing depends on today's date or time zone.

const T0 = Date.parse('2026-03-10T02:00:00.000Z');
const DAY_MS = 86_400_000;
const startedAt = performance.now();
/** T0 plus the real time elapsed since this file loaded: a clock that runs, from a fixed instant. */
const clock = (): number => T0 + Math.round(performance.now() - startedAt);

const wallOf = (hlc: string): number => parseHlc(hlc).wallMs;

let serial = 0;
/** A reception by a fabricated device, under a code of its station's range and its own day, as a desk would issue. */
function receptionBy(device: FakeDevice, station: number): DossierEventOf<'dossier.received'> {
  const event = device.receive();
  serial += 1;
  const day = vietnamDateOf(event.payload.receivedAt).slice(2).replaceAll('-', '');
  const code = `${HONG_GAI_UNIT.agencyId}-${day}-${station}${String(serial).padStart(3, '0')}`;
  return { ...event, payload: { ...event.payload, code } };
}

function storedClock(desk: SyncDesk): string {
  return (desk.core.db.prepare('SELECT last_hlc FROM device_clock WHERE device_id = ?').get(desk.deviceId) as { last_hlc: string }).last_hlc;
}

function eventCount(desk: SyncDesk): number {
  return (desk.core.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
}

async function hostileEnroll(centreUrl: string, code: string, deviceId: string): Promise<EnrollResponse> {
  const response = await fetch(`${centreUrl}${SYNC_PATHS.enroll}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'Máy lạ', deviceId, unitGsoCode: HONG_GAI_UNIT.gsoCode }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as EnrollResponse;
}

async function rawPush(centreUrl: string, token: string, events: readonly DossierEvent[]): Promise<PushResponse> {
  const response = await fetch(`${centreUrl}${SYNC_PATHS.push}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PushResponse;
}

async function lookupStatus(centreUrl: string, code: string): Promise<number> {
  return (await fetch(`${centreUrl}${lookupPath(code)}`)).status;
}

/** Every honest desk can still receive a citizen and get it to the others; nothing of theirs was lost. */
async function honestDesksStillWork(desks: readonly SyncDesk[]): Promise<void> {
  const before = desks.map(eventCount);
  const ids = [];
  for (const desk of desks) ids.push(await desk.receiveDossier());
  await converge(desks);
  for (const [i, desk] of desks.entries()) {
    expect(eventCount(desk)).toBeGreaterThanOrEqual(before[i]! + 1);
    for (const id of ids) expect((await desk.call('dossiers.get', { id })).state.id).toBe(id);
    const status = await settledStatus(desk);
    expect(status).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0, lastError: null });
    // Its clock still follows the time: never dragged far ahead, never overflowed.
    const stamp = storedClock(desk);
    expect(isHlcString(stamp)).toBe(true);
    expect(wallOf(stamp) - clock()).toBeLessThanOrEqual(MAX_CLOCK_AHEAD_MS);
  }
}

describe('a hostile or misconfigured clock cannot poison a unit', () => {
  const centreDir = makeTempDir('centre-clock-');
  let centre: CentreProcess;
  let codes: string[];
  let a: SyncDesk;
  let b: SyncDesk;

  beforeAll(async () => {
    codes = await prepareCentre(
      centreDir.path,
      [1, 2, 3, 4, 5].map((station) => ({ unitGsoCode: UNITS.hongGai.unitGsoCode, station })),
      {},
      clock,
    );
    centre = await startCentre({ dataDir: centreDir.path, clock: { at: T0 } });
    [a, b] = await Promise.all([openSyncDesk({ unit: 'hongGai', station: 1, now: clock }), openSyncDesk({ unit: 'hongGai', station: 2, now: clock })]);
    await enrollDesk(a, centre.url, codes[0]!);
    await enrollDesk(b, centre.url, codes[1]!);
    await a.receiveDossier();
    await b.receiveDossier();
    await converge([a, b]);
  });

  afterAll(async () => {
    a?.dispose();
    b?.dispose();
    await centre?.stop();
    centreDir.remove();
  });

  it('a device pushing a forged stamp, a time a year ahead, a 2028 reception or a 2099 appointment is refused event by event (clock_ahead); its honest event is stored', async () => {
    const deviceId = 'may-la-01';
    const { token } = await hostileEnroll(centre.url, codes[2]!, deviceId);
    const device = new FakeDevice(deviceId, HONG_GAI_UNIT, clock());
    const honest = receptionBy(device, 3);
    const forgedStamp = receptionBy(device, 3);
    (forgedStamp as { hlc: string }).hlc = `999999999999999-999999-${deviceId}`;
    const yearAhead = device.note(honest.dossierId);
    (yearAhead as { occurredAt: string }).occurredAt = new Date(clock() + 365 * DAY_MS).toISOString();
    const in2028 = receptionBy(device, 3);
    const at2028 = '2028-01-15T02:00:00.000Z';
    Object.assign(in2028, { occurredAt: at2028, payload: { ...in2028.payload, receivedAt: at2028, appointmentAt: '2028-01-16T10:00:00.000Z' } });
    const far = receptionBy(device, 3);
    Object.assign(far, { payload: { ...far.payload, appointmentAt: '2099-12-31T10:00:00.000Z' } });

    const answer = await rawPush(centre.url, token, [forgedStamp, honest, yearAhead, in2028, far]);
    // The centre runs on the test's fixed clock.
    expect(Math.abs(Date.parse(answer.centreTime) - clock())).toBeLessThan(60_000);
    // One answer per event: the refusals do not hold back the honest event in the same batch.
    expect(answer.stored).toEqual([honest.id]);
    expect(answer.rejected.map((r) => [r.id, r.code])).toEqual([
      [forgedStamp.id, 'clock_ahead'],
      [yearAhead.id, 'clock_ahead'],
      [in2028.id, 'clock_ahead'],
      [far.id, 'clock_ahead'],
    ]);
    for (const r of answer.rejected) expect(r.message).toMatch(/^Trung tâm không nhận thay đổi này: .* đi trước giờ của trung tâm khoảng /);
    expect(answer.rejected[1]!.message).toMatch(/khoảng 365 ngày\. Đồng hồ của máy quầy đang sai/);
    expect(answer.rejected[3]!.message).toMatch(/ngày hẹn trả \(17:00 31\/12\/2099\)/);

    // Whatever its format: a 16-digit stamp is refused for its time too.
    const wider = receptionBy(device, 3);
    (wider as { hlc: string }).hlc = `1000000000000000-000000-${deviceId}`;
    expect((await rawPush(centre.url, token, [wider])).rejected).toMatchObject([{ id: wider.id, code: 'clock_ahead' }]);

    await honestDesksStillWork([a, b]);
    // The honest desks hold the stored event, none of the refused ones; the public lookup shows no forged dossier.
    for (const desk of [a, b]) {
      expect((await desk.call('dossiers.get', { id: honest.dossierId })).state.code).toBe(honest.payload.code);
      for (const refused of [forgedStamp, in2028, far, wider]) expect((await desk.raw('dossiers.get', { id: refused.dossierId })).ok).toBe(false);
    }
    expect(await lookupStatus(centre.url, honest.payload.code!)).toBe(200);
    for (const refused of [in2028, far, forgedStamp]) expect(await lookupStatus(centre.url, refused.payload.code!)).toBe(404);
  });

  it('a desk whose clock is 400 days fast is refused with a message saying what to fix, and drags no one; one 90 minutes fast is accepted', async () => {
    const wrong = await openSyncDesk({ unit: 'hongGai', station: 4, now: clock, clockOffsetMs: 400 * DAY_MS });
    const fast = await openSyncDesk({ unit: 'hongGai', station: 5, now: clock, clockOffsetMs: 90 * 60_000 });
    try {
      await enrollDesk(wrong, centre.url, codes[3]!);
      await enrollDesk(fast, centre.url, codes[4]!);
      const refusedId = await wrong.receiveDossier();
      const acceptedId = await fast.receiveDossier();
      await converge([a, b, fast]);
      const status = await wrong.syncNow();
      expect(status).toMatchObject({ pendingEvents: 0, rejectedEvents: 1 });
      // The officer's status bar says what is wrong and what to do.
      expect(status.clockWarning).toMatch(/^Đồng hồ của máy này nhanh hơn giờ của trung tâm khoảng 400 ngày, nên trung tâm không nhận các thay đổi ghi trên máy\. Hãy chỉnh lại ngày giờ/);
      const refusal = wrong.core.db.prepare('SELECT push_rejection FROM events WHERE dossier_id = ?').get(refusedId) as { push_rejection: string };
      expect(JSON.parse(refusal.push_rejection)).toMatchObject({ code: 'clock_ahead', message: expect.stringMatching(/khoảng 400 ngày\. Đồng hồ của máy quầy đang sai/) });
      const refusedCode = (await wrong.call('dossiers.get', { id: refusedId })).state.code!;
      expect(await lookupStatus(centre.url, refusedCode)).toBe(404);

      // The 90-minute desk is accepted; the others adopt its time and their later events on its dossier still sync.
      expect((await fast.call('dossiers.get', { id: acceptedId })).state.code).not.toBeNull();
      await a.call('dossiers.forward', { dossierId: acceptedId, to: { kind: 'agency', name: 'Phòng Tư pháp thành phố' } });
      await converge([a, b, fast]);
      expect((await fast.call('dossiers.get', { id: acceptedId })).state.status).toBe(4);
      expect((await settledStatus(fast)).rejectedEvents).toBe(0);

      await honestDesksStillWork([a, b, fast]);
      for (const desk of [a, b]) expect((await desk.raw('dossiers.get', { id: refusedId })).ok).toBe(false);
    } finally {
      wrong.dispose();
      fast.dispose();
    }
  });

  it('a desk whose stored clock overflowed to 16 digits, or runs a year ahead, heals at start and writes and syncs again', async () => {
    const code = await (await StaffClient.signIn(centre.url)).issueCode(UNITS.hongGai.unitGsoCode, 6);
    const dir = makeTempDir('healing-desk-');
    try {
      let desk = await openSyncDesk({ unit: 'hongGai', station: 6, now: clock, dataDir: dir.path });
      await enrollDesk(desk, centre.url, code);
      await desk.receiveDossier();
      await converge([desk, a]);
      const deviceId = desk.deviceId;
      desk.close();

      for (const broken of [`1000000000000000-000000-${deviceId}`, `${String(T0 + 365 * DAY_MS).padStart(15, '0')}-000007-${deviceId}`]) {
        // What a pulled forged stamp left behind before clocks were bounded, written into the real file.
        const file = new Database(join(dir.path, DATABASE_FILE));
        file.prepare('UPDATE device_clock SET last_hlc = ? WHERE device_id = ?').run(broken, deviceId);
        file.close();

        desk = await openSyncDesk({ unit: 'hongGai', station: 6, now: clock, dataDir: dir.path });
        const healed = storedClock(desk);
        expect(isHlcString(healed)).toBe(true);
        expect(wallOf(healed) - clock()).toBeLessThanOrEqual(MAX_CLOCK_AHEAD_MS);
        const id = await desk.receiveDossier();
        await converge([desk, a]);
        expect((await a.call('dossiers.get', { id })).state.id).toBe(id);
        expect(await settledStatus(desk)).toMatchObject({ state: 'idle', rejectedEvents: 0, lastError: null });
        desk.close();
      }
    } finally {
      dir.remove();
    }
  });
});

describe('a forged stamp the centre stored before clocks were bounded', () => {
  const centreDir = makeTempDir('centre-legacy-');
  let centre: CentreProcess;
  let desks: SyncDesk[] = [];
  let poisoned: string;

  beforeAll(async () => {
    const codes = await prepareCentre(centreDir.path, [1, 2].map((station) => ({ unitGsoCode: UNITS.hongGai.unitGsoCode, station })), {}, clock);
    // The log of a centre that took such a stamp: a dossier received and forwarded, then a note stamped 999…
    const device = new FakeDevice('may-cu-01', HONG_GAI_UNIT, clock() - DAY_MS);
    const received = receptionBy(device, 3);
    const forwarded = device.forward(received.dossierId);
    const note = device.note(received.dossierId);
    (note as { hlc: string }).hlc = `999999999999999-999999-${device.deviceId}`;
    poisoned = received.dossierId;
    const storage = await openStorage({ dataDir: centreDir.path });
    try {
      const prepared = [received, forwarded, note].map((event) => {
        const result = prepareEvent(event as unknown as Record<string, unknown>);
        if (!result.ok) throw new Error(result.message);
        return result.prepared;
      });
      const outcome = await storage.transaction((tx) =>
        appendEntries(tx, { deviceId: device.deviceId, unitGso: HONG_GAI_UNIT.gsoCode }, prepared, [], new Date(clock()).toISOString()),
      );
      expect(outcome.stored).toHaveLength(3);
    } finally {
      await storage.close();
    }
    centre = await startCentre({ dataDir: centreDir.path, clock: { at: T0 } });
    desks = await Promise.all([1, 2].map((station) => openSyncDesk({ unit: 'hongGai', station, now: clock })));
    for (const [i, desk] of desks.entries()) await enrollDesk(desk, centre.url, codes[i]!);
  });

  afterAll(async () => {
    for (const desk of desks) desk.dispose();
    await centre?.stop();
    centreDir.remove();
  });

  it('desks pull it without adopting it, keep writing and syncing, and centre staff can still act on the dossier', async () => {
    await converge(desks);
    for (const desk of desks) expect((await desk.call('dossiers.get', { id: poisoned })).state.eventCount).toBe(3);
    await honestDesksStillWork(desks);

    const staff = await StaffClient.signIn(centre.url);
    const result = await staff.record(poisoned, { type: 'result.recorded', summary: 'Đã giải quyết', outcome: 'approved' });
    expect(isHlcString(result.event.hlc)).toBe(true);
    expect(wallOf(result.event.hlc) - clock()).toBeLessThanOrEqual(MAX_CLOCK_AHEAD_MS);
    await converge(desks);
    for (const desk of desks) expect((await desk.call('dossiers.get', { id: poisoned })).state.resultSummary).toBe('Đã giải quyết');
    await honestDesksStillWork(desks);
  });
});
