import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import type { Unit } from '../../shared/domain/catalogue/unit.js';
import type { DossierEvent } from '../../shared/domain/dossier/events.js';
import { SYNC_PATHS, type PushResponse } from '../../shared/sync/protocol.js';
import type { Bieu06View } from '../../server/dashboard/dashboard-types.js';
import { FakeDevice, HA_KHANH_UNIT } from './support/fabricate-events.js';
import { startTestCentre, type TestCentre } from './support/test-centre.js';

// A unit the administrator published (an agency identifier confirmed, a successor found) counts in
// every centre module at once, as on the desks: enrollment and the push refuse the identifier to any
// other unit, and the dashboard folds a former unit beneath the successor published for it.

const unit = (id: string): Unit => CATALOGUE_UNITS.find((u) => u.id === id)!;
const HONG_GAI = unit('quang-ninh-2025-phuong-hong-gai');
const HA_TU = unit('quang-ninh-2025-phuong-ha-tu');
const HA_KHANH = unit('ha-long-2020-phuong-ha-khanh');
const CONFIRMED = '000.77.25.H49';

let centre: TestCentre;
beforeAll(async () => {
  centre = await startTestCentre({ at: Date.parse('2026-11-23T03:00:00Z') });
});
afterAll(() => centre.close());

const publish = async (record: Unit) => {
  const published = await centre.request('POST', SYNC_PATHS.adminReference, { token: centre.adminToken, body: { type: 'catalogue.unit', record } });
  expect(published.status).toBe(200);
};
const issue = async (gsoCode: string, station: number) =>
  ((await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: gsoCode, station } })).body as { code: string }).code;
const push = async (token: string, events: DossierEvent[]) => (await centre.request('POST', SYNC_PATHS.push, { token, body: { events } })).body as PushResponse;
const bieu06 = async (countBy: string) => {
  const answer = await centre.request('GET', `/v1/dashboard/bieu06?from=2026-11-01&to=2026-11-23&countBy=${countBy}`, { token: centre.adminToken });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as Bieu06View;
};

describe('units published at the centre', () => {
  it('an agency identifier published for one unit is refused in another unit’s pushed codes', async () => {
    // Enrolled before the publication, with no identifier recorded: its first code would claim one.
    const { token } = await centre.enroll(HONG_GAI.gsoCode, 1, 'desk-hong-gai');
    await publish({ ...HA_TU, agencyId: CONFIRMED });
    const device = new FakeDevice('desk-hong-gai', { gsoCode: HONG_GAI.gsoCode, name: HONG_GAI.name, agencyId: HONG_GAI.agencyId });
    const borrowed = device.receive({ unit: { gsoCode: HONG_GAI.gsoCode, name: HONG_GAI.name, agencyId: CONFIRMED } });
    expect((await push(token, [borrowed])).rejected).toEqual([
      { id: borrowed.id, code: 'code_foreign_agency', message: expect.stringContaining(`${CONFIRMED} trong mã hồ sơ ${borrowed.payload.code} là của Phường Hà Tu`) },
    ]);
  });

  it('an agency identifier published for one unit is refused to another unit’s enrollment', async () => {
    const code = await issue(HONG_GAI.gsoCode, 2);
    const body = { code, deviceName: 'Quầy 2', deviceId: 'desk-hong-gai-2', unitGsoCode: HONG_GAI.gsoCode, station: 2 };
    const refused = await centre.request('POST', SYNC_PATHS.enroll, { body: { ...body, agencyId: CONFIRMED } });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'agency_mismatch', message: expect.stringContaining('Phường Hà Tu') } } });
  });

  it('the dashboard folds a former unit beneath the successor published for it, and counts its dossiers there', async () => {
    // The shipped catalogue gives Hà Khánh no successor; a desk of it not yet moved still receives.
    expect(HA_KHANH.successorIds).toEqual([]);
    const { token } = await centre.enroll(HA_KHANH.gsoCode, 1, 'desk-ha-khanh');
    const device = new FakeDevice('desk-ha-khanh', HA_KHANH_UNIT);
    expect((await push(token, [device.receive()])).rejected).toEqual([]);
    const before = await bieu06('present');
    expect(before.units.find((u) => u.unitId === HA_KHANH.id)).toMatchObject({ foldedUnder: null });

    await publish({ ...HA_KHANH, successorIds: [HA_TU.id] });
    const byPresent = await bieu06('present');
    expect(byPresent.units.find((u) => u.unitId === HA_KHANH.id)).toMatchObject({ former: true, foldedUnder: HA_TU.id });
    expect(byPresent.units.find((u) => u.unitId === HA_TU.id)?.row.received.total).toBe(1);
    expect(byPresent.units.find((u) => u.unitId === HA_KHANH.id)?.row.received.total ?? 0).toBe(0);
    // Counted where received, the dossier stays on the former unit's line.
    expect((await bieu06('received')).units.find((u) => u.unitId === HA_KHANH.id)?.row.received.total).toBe(1);
  });
});
