import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import type { DossierEvent } from '../../shared/domain/dossier/events.js';
import { SYNC_PATHS, type PushResponse } from '../../shared/sync/protocol.js';
import { FakeDevice } from './support/fabricate-events.js';
import { startTestCentre, type TestCentre } from './support/test-centre.js';

// The centre holds each unit to its own agency identifier: an identifier the catalogue gives to another
// unit is refused at enrollment and in every dossier code pushed — even for a unit whose identifier the
// centre never recorded, which would otherwise take the first one its codes open with. (Issue 14: desks
// of two units both issued one code, the centre accepted both and the public lookup could not tell them
// apart.)

const unit = (id: string) => CATALOGUE_UNITS.find((u) => u.id === id)!;
const HONG_GAI = unit('quang-ninh-2025-phuong-hong-gai');
const HA_LONG = unit('quang-ninh-2025-phuong-ha-long');
const snapshot = (u: typeof HONG_GAI, agencyId = u.agencyId) => ({ gsoCode: u.gsoCode, name: u.name, agencyId });

let centre: TestCentre;
beforeAll(async () => {
  centre = await startTestCentre({ at: Date.parse('2026-11-23T03:00:00Z') });
});
afterAll(() => centre.close());

const issue = async (gsoCode: string, station: number) =>
  ((await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: gsoCode, station } })).body as { code: string }).code;
const push = async (token: string, events: DossierEvent[]) => (await centre.request('POST', SYNC_PATHS.push, { token, body: { events } })).body as PushResponse;

describe('agency identifiers at the centre', () => {
  it('refuses to enroll a desk whose identifier belongs to another unit of the catalogue, and keeps the code', async () => {
    const code = await issue(HA_LONG.gsoCode, 1);
    const body = { code, deviceName: 'Quầy 1', deviceId: 'desk-ha-long', unitGsoCode: HA_LONG.gsoCode, station: 1 };
    const refused = await centre.request('POST', SYNC_PATHS.enroll, { body: { ...body, agencyId: HONG_GAI.agencyId } });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'agency_mismatch', message: expect.stringContaining('Phường Hồng Gai (mã GSO 06685)') } } });
    const enrolled = await centre.request('POST', SYNC_PATHS.enroll, { body: { ...body, agencyId: HA_LONG.agencyId } });
    expect(enrolled).toMatchObject({ status: 200, body: { deviceId: 'desk-ha-long', unitGsoCode: HA_LONG.gsoCode } });
  });

  it('refuses a reception whose code opens with another unit’s identifier, though the unit never recorded its own', async () => {
    // Enrolled as desks did before identifiers were recorded: the centre knows no identifier for Hồng Gai.
    const { token } = await centre.enroll(HONG_GAI.gsoCode, 1, 'desk-hong-gai');
    const device = new FakeDevice('desk-hong-gai', snapshot(HONG_GAI));
    const borrowed = device.receive({ unit: snapshot(HONG_GAI, HA_LONG.agencyId) });
    expect((await push(token, [borrowed])).rejected).toEqual([
      { id: borrowed.id, code: 'code_foreign_agency', message: expect.stringContaining(`${HA_LONG.agencyId} trong mã hồ sơ ${borrowed.payload.code} là của Phường Hạ Long`) },
    ]);
    expect((await centre.request('GET', `/v1/lookup/${borrowed.payload.code}`)).status).toBe(404);
    // Its own identifier is taken and recorded; the other unit's stays refused.
    expect((await push(token, [device.receive()])).rejected).toEqual([]);
    const again = device.receive({ unit: snapshot(HONG_GAI, HA_LONG.agencyId) });
    expect((await push(token, [again])).rejected.map((r) => r.code)).toEqual(['code_foreign_agency']);
  });
});
