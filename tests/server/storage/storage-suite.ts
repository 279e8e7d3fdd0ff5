import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { appendEntries, type AppendActor, type AppendOutcome, type PreparedEvent } from '../../../server/sync/append-entries.js';
import { prepareEvent, prepareReference } from '../../../server/sync/prepare-event.js';
import { CITY_WIDE_SCOPE, type CentreStorage } from '../../../server/storage/storage.js';
import { FakeDevice, HA_KHANH_UNIT, HONG_GAI_UNIT } from '../support/fabricate-events.js';

// ONE storage suite, run against both adapters (sqlite-storage.test.ts, postgres-storage.test.ts):
// what the append path stores, refuses and counts, what a pull returns, and the accounts, codes,
// devices and blobs around them must be the same whichever database holds them.

export function prepared(events: readonly DossierEvent[]): PreparedEvent[] {
  return events.map((event) => {
    const result = prepareEvent(event as unknown as Record<string, unknown>);
    if (!result.ok) throw new Error(result.message);
    return result.prepared;
  });
}

export function append(storage: CentreStorage, actor: AppendActor, events: readonly DossierEvent[]): Promise<AppendOutcome> {
  return storage.transaction((tx) => appendEntries(tx, actor, prepared(events), [], '2026-11-23T03:00:00.000Z'));
}

const actorOf = (device: FakeDevice): AppendActor => ({ deviceId: device.deviceId, unitGso: device.unit.gsoCode });
/** Event ids, and `reference:<type>` for a reference change (whose body is the change itself). */
const idsOf = (rows: { body: string }[]) =>
  rows.map((row) => {
    const body = JSON.parse(row.body) as { id?: string; type: string; record?: unknown };
    return body.record !== undefined ? `reference:${body.type}` : body.id!;
  });

export function defineStorageSuite(open: () => Promise<CentreStorage>, dispose: (storage: CentreStorage) => Promise<void>): void {
  let storage: CentreStorage;
  beforeEach(async () => {
    storage = await open();
  });
  afterEach(async () => {
    await dispose(storage);
  });

  describe('append path', () => {
    it('stores each event once; the same event again is a duplicate', async () => {
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const events = [...desk.dossier(2), ...desk.dossier(1)];
      const first = await append(storage, actorOf(desk), events);
      expect(first.stored).toEqual(events.map((e) => e.id));
      expect(first.duplicates).toEqual([]);
      expect(first.rejected).toEqual([]);

      const again = await append(storage, actorOf(desk), events);
      expect(again.stored).toEqual([]);
      expect(again.duplicates).toEqual(events.map((e) => e.id));
      expect(idsOf(await storage.pull([HONG_GAI_UNIT.gsoCode], 0, 100, null))).toEqual(events.map((e) => e.id));
    });

    it('the same id with other content is rejected and the first version kept', async () => {
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const [created] = desk.dossier(0);
      await append(storage, actorOf(desk), [created!]);
      const altered = { ...created!, payload: { ...created!.payload, notes: 'khác' } } as DossierEvent;
      const outcome = await append(storage, actorOf(desk), [altered]);
      expect(outcome.rejected).toEqual([expect.objectContaining({ id: created!.id, code: 'content_mismatch' })]);
      const [row] = await storage.pull([HONG_GAI_UNIT.gsoCode], 0, 10, null);
      expect(JSON.parse(row!.body)).toEqual(created);
    });

    it('refuses events signed with another device id', async () => {
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const other = new FakeDevice('desk-b', HONG_GAI_UNIT);
      const outcome = await append(storage, actorOf(desk), other.dossier(0));
      expect(outcome.rejected.map((r) => r.code)).toEqual(['foreign_device']);
      expect(await storage.pull([HONG_GAI_UNIT.gsoCode], 0, 10, null)).toEqual([]);
    });

    it("refuses another unit's dossiers: a creation for another unit, or an event on a dossier known there", async () => {
      const hongGai = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const haKhanh = new FakeDevice('desk-c', HA_KHANH_UNIT);
      const foreignCreation = hongGai.receive({ unit: HA_KHANH_UNIT });
      expect((await append(storage, actorOf(hongGai), [foreignCreation])).rejected.map((r) => r.code)).toEqual(['foreign_unit']);

      const [theirs] = haKhanh.dossier(0);
      await append(storage, actorOf(haKhanh), [theirs!]);
      const intrusion = hongGai.note(theirs!.dossierId);
      expect((await append(storage, actorOf(hongGai), [intrusion])).rejected.map((r) => r.code)).toEqual(['foreign_unit']);
      expect(idsOf(await storage.pull([HONG_GAI_UNIT.gsoCode], 0, 10, null))).toEqual([]);
      expect(idsOf(await storage.pull([HA_KHANH_UNIT.gsoCode], 0, 10, null))).toEqual([theirs!.id]);
    });

    it('refuses a second event with a counter the device already used', async () => {
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const [created] = desk.dossier(0);
      await append(storage, actorOf(desk), [created!]);
      const clash = { ...desk.note(created!.dossierId), deviceSeq: created!.deviceSeq };
      expect((await append(storage, actorOf(desk), [clash])).rejected.map((r) => r.code)).toEqual(['sequence_reused']);
    });

    it('an event that outran its creation waits (refused as retryable) and claims nothing; after the creation it is stored', async () => {
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const [created, note] = desk.dossier(1);
      const early = await append(storage, actorOf(desk), [note!]);
      expect(early.rejected.map((r) => r.code)).toEqual(['dossier_unknown']);
      expect(await storage.dossier(created!.dossierId)).toBeNull();
      expect((await append(storage, actorOf(desk), [created!, note!])).stored).toEqual([created!.id, note!.id]);
      expect(await storage.dossierByCode((created as { payload: { code: string } }).payload.code)).toMatchObject({ id: created!.dossierId });
      expect((await storage.dossierEventBodies(created!.dossierId)).length).toBe(2);
    });

    it("a code stays with one dossier of the unit and opens with the unit's agency identifier", async () => {
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const [first] = desk.dossier(0);
      const [second] = desk.dossier(0);
      const code = (first as { payload: { code: string } }).payload.code;
      const twin = { ...second!, payload: { ...(second as { payload: object }).payload, code } } as DossierEvent;
      expect((await append(storage, actorOf(desk), [first!])).stored).toEqual([first!.id]);
      expect((await append(storage, actorOf(desk), [twin])).rejected.map((r) => r.code)).toEqual(['code_taken']);
      const foreign = { ...second!, payload: { ...(second as { payload: object }).payload, code: code.replace(HONG_GAI_UNIT.agencyId, HA_KHANH_UNIT.agencyId) } } as DossierEvent;
      expect((await append(storage, actorOf(desk), [foreign])).rejected.map((r) => r.code)).toEqual(['code_foreign_agency']);
      expect(await storage.dossier(second!.dossierId)).toBeNull();
    });

    it('counts each device counter and reports the gaps', async () => {
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const events = [...desk.dossier(4)]; // counters 1..5
      const withoutThird = events.filter((e) => e.deviceSeq !== 3);
      const outcome = await append(storage, actorOf(desk), withoutThird);
      expect(outcome.device).toEqual({ deviceId: 'desk-a', highestSeq: 5, contiguousThrough: 2, missing: 1 });
      expect(await storage.deviceSeqsAbove('desk-a', 2, 10)).toEqual([4, 5]);
      const filled = await append(storage, actorOf(desk), events);
      expect(filled.device).toEqual({ deviceId: 'desk-a', highestSeq: 5, contiguousThrough: 5, missing: 0 });
      expect(await storage.deviceProgress('desk-a')).toEqual(filled.device);
    });
  });

  describe('pull', () => {
    it("returns a unit's events and city-wide reference changes in sequence order, without the asker's own events", async () => {
      const a = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const b = new FakeDevice('desk-b', HONG_GAI_UNIT);
      const c = new FakeDevice('desk-c', HA_KHANH_UNIT);
      const fromA = a.dossier(1);
      const fromC = c.dossier(1);
      await append(storage, actorOf(a), fromA);
      await append(storage, actorOf(c), fromC);
      const reference = prepareReference('01KB0000000000000000000000', { type: 'calendar.year', record: { year: 2027, holidays: [], makeUpDays: [] } });
      await storage.transaction((tx) => appendEntries(tx, { deviceId: 'centre', unitGso: null }, [], [reference], '2026-11-23T03:00:00.000Z'));
      const fromB = b.dossier(0);
      await append(storage, actorOf(b), fromB);

      const forB = await storage.pull([HONG_GAI_UNIT.gsoCode, CITY_WIDE_SCOPE], 0, 100, 'desk-b');
      expect(idsOf(forB)).toEqual([...fromA.map((e) => e.id), 'reference:calendar.year']);
      expect(forB.map((r) => r.kind)).toEqual(['event', 'event', 'reference']);
      expect(forB.map((r) => r.seq)).toEqual([...forB.map((r) => r.seq)].sort((x, y) => x - y));
      const all = await storage.pull([HONG_GAI_UNIT.gsoCode, CITY_WIDE_SCOPE], 0, 100, null);
      expect(idsOf(all)).toEqual([...fromA.map((e) => e.id), 'reference:calendar.year', ...fromB.map((e) => e.id)]);
      expect(idsOf(await storage.pull([HA_KHANH_UNIT.gsoCode], 0, 100, null))).toEqual(fromC.map((e) => e.id));
    });

    it('pages with a cursor: every row exactly once', async () => {
      const a = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const events = Array.from({ length: 12 }, () => a.dossier(2)).flat();
      for (let i = 0; i < events.length; i += 7) await append(storage, actorOf(a), events.slice(i, i + 7));
      const seen: string[] = [];
      let after = 0;
      for (;;) {
        const page = await storage.pull([HONG_GAI_UNIT.gsoCode, CITY_WIDE_SCOPE], after, 5, null);
        if (page.length === 0) break;
        seen.push(...idsOf(page));
        after = page.at(-1)!.seq;
      }
      expect(seen).toEqual(events.map((e) => e.id));
    });
  });

  describe('centre clock', () => {
    it('keeps the centre counter and stamp across transactions', async () => {
      expect(await storage.transaction((tx) => tx.lockCentreClock())).toEqual({ lastSeq: 0, lastHlc: null });
      await storage.transaction(async (tx) => tx.writeCentreClock({ lastSeq: 3, lastHlc: '000001795000000-000000-centre' }));
      expect(await storage.transaction((tx) => tx.lockCentreClock())).toEqual({ lastSeq: 3, lastHlc: '000001795000000-000000-centre' });
    });

    it('a failed transaction leaves nothing behind', async () => {
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      await expect(
        storage.transaction(async (tx) => {
          await appendEntries(tx, actorOf(desk), prepared(desk.dossier(1)), [], '2026-11-23T03:00:00.000Z');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await storage.pull([HONG_GAI_UNIT.gsoCode], 0, 10, null)).toEqual([]);
      expect(await storage.deviceProgress('desk-a')).toEqual({ deviceId: 'desk-a', highestSeq: 0, contiguousThrough: 0, missing: 0 });
      // The sequence did not advance either: the next row is number 1.
      await append(storage, actorOf(new FakeDevice('desk-b', HONG_GAI_UNIT)), new FakeDevice('desk-b', HONG_GAI_UNIT).dossier(0));
      expect((await storage.pull([HONG_GAI_UNIT.gsoCode], 0, 10, null)).map((r) => r.seq)).toEqual([1]);
    });
  });

  describe('staff, enrollment codes, devices and blobs', () => {
    it('stores staff and finds live sessions only', async () => {
      await storage.insertStaff({ id: 's1', username: 'quantri', role: 'admin', passwordHash: 'scrypt$x', createdAt: '2026-11-23T00:00:00.000Z' });
      expect(await storage.staffByUsername('quantri')).toMatchObject({ id: 's1', role: 'admin' });
      expect(await storage.staffById('s1')).toMatchObject({ username: 'quantri' });
      expect(await storage.countStaff()).toBe(1);
      await expect(
        storage.insertStaff({ id: 's2', username: 'quantri', role: 'staff', passwordHash: 'x', createdAt: '2026-11-23T00:00:00.000Z' }),
      ).rejects.toThrow();
      await storage.insertStaffSession('hash-1', 's1', '2099-01-01T00:00:00.000Z');
      expect(await storage.staffSession('hash-1', '2026-11-23T00:00:00.000Z')).toBe('s1');
      expect(await storage.staffSession('hash-1', '2099-01-02T00:00:00.000Z')).toBeNull();
      expect(await storage.staffSession('nope', '2026-11-23T00:00:00.000Z')).toBeNull();
    });

    it('an enrollment code works once, and not after it expires', async () => {
      const code = { unitGso: '06691', station: 2, createdAt: '2026-11-23T00:00:00.000Z', createdBy: 'cli' };
      await storage.insertEnrollmentCode({ ...code, codeHash: 'c1', expiresAt: '2026-11-26T00:00:00.000Z' });
      await storage.insertEnrollmentCode({ ...code, codeHash: 'c2', expiresAt: '2026-11-24T00:00:00.000Z' });
      const uses = await Promise.all(Array.from({ length: 5 }, (_, i) => storage.consumeEnrollmentCode('c1', '2026-11-23T01:00:00.000Z', `d${i}`)));
      expect(uses.filter((u) => u !== null)).toHaveLength(1);
      expect(uses.find((u) => u !== null)).toMatchObject({ unitGso: '06691', station: 2 });
      expect(await storage.enrollmentCode('c1')).toMatchObject({ usedAt: '2026-11-23T01:00:00.000Z' });
      expect(await storage.consumeEnrollmentCode('c2', '2026-11-25T00:00:00.000Z', 'd9')).toBeNull();
      expect(await storage.enrollmentCode('c2')).toMatchObject({ usedAt: null });
      expect(await storage.consumeEnrollmentCode('unknown', '2026-11-23T01:00:00.000Z', 'd9')).toBeNull();
    });

    it('binds a device to a token hash, re-binds on re-enrollment, and revokes', async () => {
      const device = { id: 'desk-a', name: 'Quầy 1', unitId: 'ha-long-2020-phuong-hong-gai', unitGso: '06691', station: 1, enrolledAt: '2026-11-23T00:00:00.000Z', revokedAt: null };
      await storage.upsertDevice(device, 'token-1');
      expect(await storage.deviceByTokenHash('token-1')).toEqual(device);
      expect(await storage.revokeDevice('desk-a', '2026-11-24T00:00:00.000Z')).toBe(true);
      expect(await storage.revokeDevice('desk-a', '2026-11-25T00:00:00.000Z')).toBe(true);
      expect((await storage.device('desk-a'))!.revokedAt).toBe('2026-11-24T00:00:00.000Z');
      expect(await storage.revokeDevice('nobody', '2026-11-24T00:00:00.000Z')).toBe(false);
      await storage.upsertDevice({ ...device, station: 3, enrolledAt: '2026-11-26T00:00:00.000Z' }, 'token-2');
      expect(await storage.deviceByTokenHash('token-1')).toBeNull();
      expect(await storage.deviceByTokenHash('token-2')).toMatchObject({ station: 3, revokedAt: null });
      expect((await storage.listDevices()).map((d) => d.id)).toEqual(['desk-a']);
    });

    it('re-binds the device that used a code to a new token, while the code is valid and no token of it was used', async () => {
      const code = { unitGso: '06691', station: 2, createdAt: '2026-11-23T00:00:00.000Z', createdBy: 'cli', expiresAt: '2026-11-26T00:00:00.000Z' };
      const device = { id: 'desk-a', name: 'Quầy 2', unitId: 'ha-long-2020-phuong-hong-gai', unitGso: '06691', station: 2, enrolledAt: '2026-11-23T01:00:00.000Z', revokedAt: null };
      await storage.insertEnrollmentCode({ ...code, codeHash: 'c1' });
      await storage.consumeEnrollmentCode('c1', device.enrolledAt, 'desk-a');
      await storage.upsertDevice(device, 'token-1');
      const retry = { codeHash: 'c1', deviceId: 'desk-a', deviceName: 'Quầy 2 (máy mới)', tokenHash: 'token-2', nowIso: '2026-11-23T02:00:00.000Z' };

      // Another device, an unknown code, an expired one: refused, nothing changes.
      expect(await storage.reissueEnrollment({ ...retry, deviceId: 'desk-b' })).toBeNull();
      expect(await storage.reissueEnrollment({ ...retry, codeHash: 'c9' })).toBeNull();
      expect(await storage.reissueEnrollment({ ...retry, nowIso: '2026-11-26T00:00:00.000Z' })).toBeNull();
      expect(await storage.deviceByTokenHash('token-1')).toEqual(device);

      // The same device: a new token, the unread one dead.
      expect(await storage.reissueEnrollment(retry)).toMatchObject({ unitGso: '06691', station: 2 });
      expect(await storage.deviceByTokenHash('token-1')).toBeNull();
      expect(await storage.deviceByTokenHash('token-2')).toEqual({ ...device, name: 'Quầy 2 (máy mới)', enrolledAt: retry.nowIso });

      // Once that token has been presented, the code is spent for good.
      await storage.noteTokenUsed('token-2', '2026-11-23T02:00:01.000Z');
      await storage.noteTokenUsed('token-2', '2026-11-23T03:00:00.000Z');
      expect(await storage.reissueEnrollment({ ...retry, tokenHash: 'token-3' })).toBeNull();
      expect(await storage.deviceByTokenHash('token-2')).toMatchObject({ id: 'desk-a' });

      // A revoked device gets nothing back from its old code, even with its token unused.
      await storage.insertEnrollmentCode({ ...code, codeHash: 'c2' });
      await storage.consumeEnrollmentCode('c2', retry.nowIso, 'desk-c');
      await storage.upsertDevice({ ...device, id: 'desk-c' }, 'token-c');
      await storage.revokeDevice('desk-c', '2026-11-23T02:30:00.000Z');
      expect(await storage.reissueEnrollment({ ...retry, codeHash: 'c2', deviceId: 'desk-c', tokenHash: 'token-c2' })).toBeNull();

      // Re-enrolled with a fresh code, a device's new token is unused again: that code may be retried.
      await storage.insertEnrollmentCode({ ...code, codeHash: 'c3' });
      await storage.consumeEnrollmentCode('c3', '2026-11-24T00:00:00.000Z', 'desk-c');
      await storage.upsertDevice({ ...device, id: 'desk-c', enrolledAt: '2026-11-24T00:00:00.000Z' }, 'token-c3');
      expect(await storage.reissueEnrollment({ ...retry, codeHash: 'c3', deviceId: 'desk-c', tokenHash: 'token-c4', nowIso: '2026-11-24T00:01:00.000Z' })).not.toBeNull();
      expect(await storage.deviceByTokenHash('token-c4')).toMatchObject({ id: 'desk-c', revokedAt: null });
    });

    it('moves a device to another unit once, remembering the unit it left', async () => {
      const device = { id: 'desk-a', name: 'Quầy 1', unitId: 'ha-long-2020-phuong-hong-gai', unitGso: '06691', station: 1, enrolledAt: '2026-11-23T00:00:00.000Z', revokedAt: null };
      await storage.upsertDevice(device, 'token-1');
      const move = {
        deviceId: 'desk-a',
        from: { unitId: 'ha-long-2020-phuong-hong-gai', unitGso: '06691' },
        to: { unitId: 'quang-ninh-2025-phuong-hong-gai', unitGso: '06685' },
        movedAt: '2026-11-24T02:00:00.000Z',
      };
      expect(await storage.transaction((tx) => tx.moveDevice(move))).toBe(true);
      expect(await storage.deviceByTokenHash('token-1')).toEqual({ ...device, unitId: 'quang-ninh-2025-phuong-hong-gai', unitGso: '06685' });
      expect(await storage.formerUnits('desk-a')).toEqual([{ unitId: 'ha-long-2020-phuong-hong-gai', unitGso: '06691', movedAt: '2026-11-24T02:00:00.000Z' }]);
      // From a unit it no longer holds (a repeat), or once revoked: nothing changes.
      expect(await storage.transaction((tx) => tx.moveDevice({ ...move, movedAt: '2026-11-25T00:00:00.000Z' }))).toBe(false);
      await storage.revokeDevice('desk-a', '2026-11-25T00:00:00.000Z');
      const back = { ...move, from: move.to, to: move.from };
      expect(await storage.transaction((tx) => tx.moveDevice(back))).toBe(false);
      expect((await storage.device('desk-a'))!.unitId).toBe('quang-ninh-2025-phuong-hong-gai');
      expect(await storage.formerUnits('desk-a')).toHaveLength(1);
      expect(await storage.formerUnits('nobody')).toEqual([]);
    });

    it('carries a restored station over to a new id on its token, once; the old id is retired and kept as a predecessor', async () => {
      const device = { id: 'desk-a', name: 'Quầy 1', unitId: 'ha-long-2020-phuong-hong-gai', unitGso: '06691', station: 1, enrolledAt: '2026-11-23T00:00:00.000Z', revokedAt: null };
      await storage.upsertDevice(device, 'token-1');
      await storage.upsertDevice({ ...device, id: 'desk-b', station: 2 }, 'token-2');
      const rekey = { formerId: 'desk-a', newId: 'desk-a2', tokenHash: 'token-1', nowIso: '2026-11-24T02:00:00.000Z' };
      // Another device's token, or a new id already taken, proves nothing.
      expect(await storage.rekeyDevice({ ...rekey, tokenHash: 'token-2' })).toBe('refused');
      expect(await storage.rekeyDevice({ ...rekey, newId: 'desk-b' })).toBe('refused');
      expect(await storage.rekeyDevice(rekey)).toBe('rekeyed');
      expect(await storage.deviceByTokenHash('token-1')).toEqual({ ...device, id: 'desk-a2', enrolledAt: '2026-11-24T02:00:00.000Z' });
      expect((await storage.device('desk-a'))!.revokedAt).toBe('2026-11-24T02:00:00.000Z');
      expect(await storage.predecessors('desk-a2')).toEqual(['desk-a']);
      // The same request again (its answer was lost): already done, nothing changes.
      expect(await storage.rekeyDevice(rekey)).toBe('already');
      // Restored once more: the new id inherits both earlier ids.
      expect(await storage.rekeyDevice({ formerId: 'desk-a2', newId: 'desk-a3', tokenHash: 'token-1', nowIso: '2026-11-25T02:00:00.000Z' })).toBe('rekeyed');
      expect(await storage.predecessors('desk-a3')).toEqual(['desk-a', 'desk-a2']);
      expect(await storage.predecessors('desk-b')).toEqual([]);
    });

    it('records a blob once', async () => {
      const blob = { sha256: 'a'.repeat(64), size: 10, storedAt: '2026-11-23T00:00:00.000Z', deviceId: 'desk-a' };
      expect(await storage.hasBlob(blob.sha256)).toBe(false);
      expect(await storage.recordBlob(blob)).toBe(true);
      expect(await storage.recordBlob({ ...blob, deviceId: 'desk-b' })).toBe(false);
      expect(await storage.hasBlob(blob.sha256)).toBe(true);
      expect(await storage.missingBlobs([blob.sha256, 'b'.repeat(64), 'c'.repeat(64)])).toEqual(['b'.repeat(64), 'c'.repeat(64)]);
      expect(await storage.missingBlobs([])).toEqual([]);
    });
  });

  describe('rate-limit windows', () => {
    const T = Date.parse('2026-11-23T02:00:00.000Z');

    it('counts hits in a fixed window, restarts one that ended, and keeps keys apart', async () => {
      expect(await storage.hitRateLimit('k', 60_000, T)).toEqual({ hits: 1, endsAtMs: T + 60_000 });
      expect(await storage.hitRateLimit('k', 60_000, T + 10_000)).toEqual({ hits: 2, endsAtMs: T + 60_000 });
      expect(await storage.hitRateLimit('other', 60_000, T + 10_000)).toEqual({ hits: 1, endsAtMs: T + 70_000 });
      expect(await storage.hitRateLimit('k', 60_000, T + 60_000)).toEqual({ hits: 1, endsAtMs: T + 120_000 });
      expect(await storage.pruneRateLimits(T + 100_000)).toBe(1);
      expect(await storage.hitRateLimit('other', 60_000, T + 100_000)).toEqual({ hits: 1, endsAtMs: T + 160_000 });
    });

    it('counts every one of many concurrent hits', async () => {
      const hits = await Promise.all(Array.from({ length: 40 }, () => storage.hitRateLimit('busy', 60_000, T)));
      expect(hits.map((h) => h.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });
  });
}
