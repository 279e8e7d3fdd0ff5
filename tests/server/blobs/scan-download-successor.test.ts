import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentreClient } from '../../../electron/core/sync/centre-client.js';
import { CATALOGUE_UNITS } from '../../../shared/domain/catalogue/seed/units.js';
import type { Unit } from '../../../shared/domain/catalogue/unit.js';
import { blobPath, SYNC_PATHS } from '../../../shared/sync/protocol.js';
import { startTestCentre, type TestCentre } from '../support/test-centre.js';

// A desk carries on the dossiers of the units before its own, so it may download their scans: those of
// a unit it was moved from, and those of its unit's predecessors in the catalogue (a new desk of the
// successor included). Never another unit's: a desk of an unrelated unit is still told "not found".

const unit = (id: string): Unit => CATALOGUE_UNITS.find((u) => u.id === id)!;
const OLD_HA_TU = unit('ha-long-2020-phuong-ha-tu');
const NEW_HA_TU = unit('quang-ninh-2025-phuong-ha-tu');
const HA_KHANH = unit('ha-long-2020-phuong-ha-khanh');
const HONG_GAI = unit('quang-ninh-2025-phuong-hong-gai');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let centre: TestCentre;
beforeAll(async () => {
  centre = await startTestCentre({ at: Date.parse('2026-11-23T03:00:00Z') });
});
afterAll(() => centre.close());

const clientOf = (token: string) => new CentreClient({ baseUrl: centre.url, token, timeoutMs: 5_000 }, Date.now);
const download = (token: string, sha: string) => fetch(new URL(blobPath(sha), centre.url), { headers: { authorization: `Bearer ${token}` } });
/** A scan delivered by a desk of `gsoCode`. */
async function scanOf(gsoCode: string, deviceId: string): Promise<{ sha: string; bytes: Buffer }> {
  const desk = await centre.enroll(gsoCode, 9, deviceId);
  const bytes = randomBytes(4_000);
  const sha = sha256(bytes);
  expect(await clientOf(desk.token).putBlob(sha, bytes)).toBe('done');
  return { sha, bytes };
}

describe('scans of the units a desk carries on', () => {
  it('a new desk of the successor downloads its predecessor’s scan; a desk of another unit is refused', async () => {
    expect(NEW_HA_TU.formedFrom.map((p) => p.unitId)).toContain(OLD_HA_TU.id);
    const scan = await scanOf(OLD_HA_TU.gsoCode, 'desk-old-ha-tu');
    const successor = await centre.enroll(NEW_HA_TU.gsoCode, 1, 'desk-new-ha-tu');
    const got = await download(successor.token, scan.sha);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(scan.bytes)).toBe(true);

    const hostile = await centre.enroll(HONG_GAI.gsoCode, 1, 'desk-hong-gai');
    expect((await download(hostile.token, scan.sha)).status).toBe(404);
  });

  it('a desk moved to a successor downloads the scans of the unit it moved from; others are still refused', async () => {
    // Hà Khánh is no predecessor of Hà Tu in the catalogue: only the move makes its scans the desk's.
    const scan = await scanOf(HA_KHANH.gsoCode, 'desk-ha-khanh-9');
    const published = await centre.request('POST', SYNC_PATHS.adminReference, {
      token: centre.adminToken,
      body: { type: 'catalogue.unit', record: { ...HA_KHANH, successorIds: [NEW_HA_TU.id] } },
    });
    expect(published.status).toBe(200);
    const desk = await centre.enroll(HA_KHANH.gsoCode, 1, 'desk-ha-khanh-1');
    const moved = await centre.request('POST', SYNC_PATHS.unitMove, { token: desk.token, body: { fromUnitId: HA_KHANH.id, toUnitId: NEW_HA_TU.id, agencyId: NEW_HA_TU.agencyId } });
    expect(moved.status).toBe(200);
    expect((await download(desk.token, scan.sha)).status).toBe(200);

    // A new desk of the successor is no desk of Hà Khánh; nor is a desk of an unrelated unit.
    const fresh = await centre.enroll(NEW_HA_TU.gsoCode, 2, 'desk-new-ha-tu-2');
    expect((await download(fresh.token, scan.sha)).status).toBe(404);
    const hostile = await centre.enroll(HONG_GAI.gsoCode, 2, 'desk-hong-gai-2');
    expect((await download(hostile.token, scan.sha)).status).toBe(404);
  });
});
