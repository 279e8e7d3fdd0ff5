import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import type { DossierEvent } from '../../shared/domain/dossier/events.js';
import { SYNC_PATHS, type PullResponse, type PushResponse } from '../../shared/sync/protocol.js';
import { FakeDevice } from './support/fabricate-events.js';
import { startTestCentre, type TestCentre } from './support/test-centre.js';

// A device of a unit that ended moves to its successor through the centre (POST /v1/sync/unit-move): the
// centre applies the catalogue's successor rule (successorMoveProblem), binds the successor's agency
// identifier, and keeps the unit left as the device's former unit — its earlier receptions stay
// accepted and its pulls still bring that unit's dossiers. A device enrolled legitimately that then asks
// for what it should not (a non-successor, another unit's identifier, a move back, codes of the unit it
// left issued after leaving) is refused with a named code, and its other work goes on. (Every device
// here is enrolled for station 1: the fabricated codes use that station's serials.)

const unit = (id: string) => CATALOGUE_UNITS.find((u) => u.id === id)!;
const OLD_HONG_GAI = unit('ha-long-2020-phuong-hong-gai'); // 06691, ended 30/6/2025
const NEW_HONG_GAI = unit('quang-ninh-2025-phuong-hong-gai'); // 06685, its successor
const NEW_HA_LONG = unit('quang-ninh-2025-phuong-ha-long'); // a current unit, not Hồng Gai's successor
const snapshot = (u: typeof OLD_HONG_GAI, agencyId = u.agencyId) => ({ gsoCode: u.gsoCode, name: u.name, agencyId });

const T0 = Date.parse('2026-11-23T03:00:00Z'); // 10:00 in Hạ Long; the device's events start an hour earlier

let centre: TestCentre;
beforeAll(async () => {
  centre = await startTestCentre({ at: T0 });
}, 60_000);
afterAll(() => centre.close());

const push = async (token: string, events: DossierEvent[]) => (await centre.request('POST', SYNC_PATHS.push, { token, body: { events } })).body as PushResponse;
const move = (token: string, toUnitId: string, agencyId: string, fromUnitId = OLD_HONG_GAI.id) =>
  centre.request('POST', SYNC_PATHS.unitMove, { token, body: { fromUnitId, toUnitId, agencyId } });
const pulledDossiers = async (token: string) => {
  const page = (await centre.request('GET', `${SYNC_PATHS.pull}?after=0&own=1`, { token })).body as PullResponse;
  return new Set(page.entries.flatMap((entry) => (entry.kind === 'event' ? [entry.event.dossierId] : [])));
};

describe('a device’s unit is a catalogue unit, not a GSO code', () => {
  it('enrolls a desk of the former Bãi Cháy under the code its successor reuses, with its own identifier', async () => {
    const OLD_BAI_CHAY = unit('ha-long-2020-phuong-bai-chay');
    const NEW_BAI_CHAY = unit('quang-ninh-2025-phuong-bai-chay');
    expect(OLD_BAI_CHAY.gsoCode).toBe(NEW_BAI_CHAY.gsoCode);
    const issue = async () =>
      ((await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06673', station: 1 } })).body as { code: string }).code;
    const enroll = async (deviceId: string, named: typeof OLD_BAI_CHAY) =>
      centre.request('POST', SYNC_PATHS.enroll, {
        body: { code: await issue(), deviceName: 'Quầy 1', deviceId, unitGsoCode: '06673', unitId: named.id, station: 1, agencyId: named.agencyId },
      });
    expect((await enroll('desk-bc-old', OLD_BAI_CHAY)).status).toBe(200);
    expect((await enroll('desk-bc-new', NEW_BAI_CHAY)).status).toBe(200);
    expect((await centre.storage.device('desk-bc-old'))?.unitId).toBe(OLD_BAI_CHAY.id);
    expect((await centre.storage.device('desk-bc-new'))?.unitId).toBe(NEW_BAI_CHAY.id);
    // A unit that does not bear the code's GSO code is refused before the code is spent.
    expect(await enroll('desk-bc-x', NEW_HONG_GAI)).toMatchObject({ status: 409, body: { error: { code: 'unit_mismatch' } } });
  });
});

describe('moving an enrolled device to its unit’s successor', () => {
  it('rebinds the device; its earlier receptions, even those pushed late, stay accepted and pulled', async () => {
    const { token } = await centre.enroll(OLD_HONG_GAI.gsoCode, 1, 'desk-move');
    const { token: neighbourToken } = await centre.enroll(OLD_HONG_GAI.gsoCode, 1, 'desk-neighbour');
    const desk = new FakeDevice('desk-move', snapshot(OLD_HONG_GAI));
    const synced = desk.receive();
    expect((await push(token, [synced])).stored).toEqual([synced.id]);
    const late = desk.receive(); // received before the move, pushed after it

    const moved = await move(token, NEW_HONG_GAI.id, NEW_HONG_GAI.agencyId);
    expect(moved).toEqual({
      status: 200,
      body: { unitId: NEW_HONG_GAI.id, unitGsoCode: '06685', agencyId: NEW_HONG_GAI.agencyId, movedAt: new Date(T0).toISOString() },
    });
    // The same request again (an answer lost on the way) is answered the same, and moves nothing.
    expect(await move(token, NEW_HONG_GAI.id, NEW_HONG_GAI.agencyId)).toEqual(moved);

    const afterMove = new FakeDevice('desk-move', snapshot(NEW_HONG_GAI), Date.parse('2026-11-23T03:10:00Z'));
    // Its counters carry on from the desk's: the envelope's counter is what the centre checks.
    const fresh = { ...afterMove.receive(), deviceSeq: 3 } as DossierEvent;
    expect(await push(token, [late, fresh])).toMatchObject({ stored: [late.id, fresh.id], rejected: [] });

    // A neighbour still serving the former unit: the moved desk keeps seeing that unit's dossiers.
    const neighbour = new FakeDevice('desk-neighbour', snapshot(OLD_HONG_GAI));
    const theirs = neighbour.receive();
    expect((await push(neighbourToken, [theirs])).stored).toEqual([theirs.id]);
    const pulled = await pulledDossiers(token);
    for (const event of [synced, late, fresh, theirs]) expect(pulled.has(event.dossierId)).toBe(true);
  });

  it('refuses a hostile device’s non-successor, foreign identifier, move back and late former-unit codes; its other work goes on', async () => {
    const { token } = await centre.enroll(OLD_HONG_GAI.gsoCode, 1, 'desk-hostile');
    const honest = new FakeDevice('desk-hostile', snapshot(OLD_HONG_GAI));

    expect(await move(token, NEW_HA_LONG.id, NEW_HA_LONG.agencyId)).toMatchObject({
      status: 409,
      body: { error: { code: 'unit_move_refused', message: expect.stringContaining('không phải đơn vị kế thừa của Phường Hồng Gai') } },
    });
    expect(await move(token, NEW_HONG_GAI.id, NEW_HA_LONG.agencyId)).toMatchObject({
      status: 409,
      body: { error: { code: 'agency_mismatch', message: expect.stringContaining('Phường Hạ Long') } },
    });
    expect(await move(token, NEW_HONG_GAI.id, '000.99.25.H49')).toMatchObject({
      status: 409,
      body: { error: { code: 'agency_mismatch', message: expect.stringContaining(`dùng mã định danh cơ quan ${NEW_HONG_GAI.agencyId}`) } },
    });
    // Still a desk of its unit: its receptions are stored.
    const before = honest.receive();
    expect((await push(token, [before])).stored).toEqual([before.id]);

    expect((await move(token, NEW_HONG_GAI.id, NEW_HONG_GAI.agencyId)).status).toBe(200);
    // Back to the unit it left, or a second move claiming a unit it no longer serves.
    expect(await move(token, OLD_HONG_GAI.id, OLD_HONG_GAI.agencyId, NEW_HONG_GAI.id)).toMatchObject({
      status: 409,
      body: { error: { code: 'unit_move_refused', message: expect.stringContaining('không phải đơn vị kế thừa của Phường Hồng Gai') } },
    });
    expect(await move(token, NEW_HA_LONG.id, NEW_HA_LONG.agencyId)).toMatchObject({ status: 409, body: { error: { code: 'unit_mismatch' } } });

    // A reception under the unit it left, issued after leaving: the former identifier no longer serves it.
    const later = new FakeDevice('desk-hostile', snapshot(OLD_HONG_GAI), Date.parse('2026-11-23T04:00:00Z'));
    const forged = { ...later.receive(), deviceSeq: 2 };
    const ownNow = new FakeDevice('desk-hostile', snapshot(NEW_HONG_GAI), Date.parse('2026-11-23T04:05:00Z'));
    const fresh = { ...ownNow.receive(), deviceSeq: 3 } as DossierEvent;
    const elsewhere = { ...new FakeDevice('desk-hostile', snapshot(NEW_HA_LONG), Date.parse('2026-11-23T04:10:00Z')).receive(), deviceSeq: 4 } as DossierEvent;
    const outcome = await push(token, [forged, fresh, elsewhere]);
    expect(outcome.stored).toEqual([fresh.id]);
    expect(outcome.rejected.map((r) => [r.id, r.code])).toEqual([
      [forged.id, 'code_foreign_agency'],
      [elsewhere.id, 'foreign_unit'],
    ]);
    expect((await centre.request('GET', `/v1/lookup/${forged.payload.code}`)).status).toBe(404);
  });

  it('refuses a move to a successor not yet in force, and a unit it does not know', async () => {
    const { token } = await centre.enroll(OLD_HONG_GAI.gsoCode, 1, 'desk-early');
    centre.clock.ms = Date.parse('2025-06-20T03:00:00Z');
    try {
      expect(await move(token, NEW_HONG_GAI.id, NEW_HONG_GAI.agencyId)).toMatchObject({
        status: 409,
        body: { error: { code: 'unit_move_refused', message: expect.stringContaining('chỉ có hiệu lực từ 01/07/2025') } },
      });
    } finally {
      centre.clock.ms = T0;
    }
    expect(await move(token, 'khong-co-don-vi-nay', NEW_HONG_GAI.agencyId)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});
