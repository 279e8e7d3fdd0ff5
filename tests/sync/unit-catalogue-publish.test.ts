import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import type { Unit } from '../../shared/domain/catalogue/unit.js';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { StaffClient } from './support/staff-client.js';
import { enrollDesk, openSyncDesk, type SyncDesk } from './support/sync-desk.js';

// The centre publishes a unit of the catalogue (reference type `catalogue.unit`) as it publishes
// procedures and calendar years: an administrator's correction (a name, a confirmed agency identifier)
// reaches every desk on its next pull, and the desk's unit list — first start, settings, the move,
// reports — shows it. A change that names units the catalogue lacks, or takes another unit's agency
// identifier, is refused by name and nothing is published. Real centre process on loopback.

const T0 = Date.parse('2026-11-25T02:00:00.000Z');
const startedAt = performance.now();
const clock = (): number => T0 + Math.round(performance.now() - startedAt);

const seedUnit = (id: string): Unit => CATALOGUE_UNITS.find((u) => u.id === id)!;
const HA_TU = seedUnit('quang-ninh-2025-phuong-ha-tu');
const HONG_GAI_2025 = seedUnit('quang-ninh-2025-phuong-hong-gai');
const HA_KHANH = seedUnit('ha-long-2020-phuong-ha-khanh');

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let centre: CentreProcess;
let desk: SyncDesk;
let staff: StaffClient;
let haKhanhCode: string;

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  cleanups.push(() => dir.remove());
  const [code, second] = (await prepareCentre(dir.path, [{ unitGsoCode: '06691', station: 1 }, { unitGsoCode: '06649', station: 1 }], {}, clock)) as [string, string];
  haKhanhCode = second;
  centre = await startCentre({ dataDir: dir.path, clock: { at: T0 } });
  cleanups.push(() => centre.stop());
  staff = await StaffClient.signIn(centre.url);
  desk = await openSyncDesk({ unit: 'hongGai', station: 1, now: clock });
  cleanups.push(() => desk.dispose());
  await enrollDesk(desk, centre.url, code);
}, 60_000);

const publish = (record: unknown) => staff.request<{ error?: { code: string; message: string } }>('POST', SYNC_PATHS.adminReference, { type: 'catalogue.unit', record });

describe('publishing a unit of the catalogue', () => {
  it('reaches the desk: its unit list shows the corrected name and the confirmed agency identifier', async () => {
    const corrected: Unit = { ...HA_TU, name: 'Phường Hà Tu (đã hiệu đính)', agencyId: '000.90.25.H49', unconfirmed: ['gsoCode', 'formedFrom'] };
    expect((await publish(corrected)).status).toBe(200);
    await desk.syncNow();
    const units = await desk.call('catalogue.units', { validOn: '2026-11-25' });
    expect(units.find((u) => u.id === HA_TU.id)).toEqual(corrected);
    // The rest of the list is untouched, in its order.
    expect(units.map((u) => u.id)).toEqual(CATALOGUE_UNITS.filter((u) => u.validFrom <= '2026-11-25' && u.validTo === null).map((u) => u.id));
  }, 60_000);

  it('refuses, by name, a unit naming units the catalogue lacks or taking another unit’s identifier or code; nothing is published', async () => {
    const before = await desk.call('catalogue.units', {});
    const unknownSuccessor = await publish({ ...HONG_GAI_2025, validTo: '2027-01-01', successorIds: ['quang-ninh-2027-phuong-khong-co'] });
    expect(unknownSuccessor.status).toBe(400);
    expect(unknownSuccessor.body.error).toEqual({ code: 'invalid_request', message: expect.stringContaining('Đơn vị kế thừa "quang-ninh-2027-phuong-khong-co" không có trong danh mục') });
    const foreignAgency = await publish({ ...HONG_GAI_2025, agencyId: '000.90.25.H49' });
    expect(foreignAgency.body.error?.message).toContain('Mã định danh cơ quan 000.90.25.H49 đã là của Phường Hà Tu (đã hiệu đính)');
    const sameCode = await publish({ ...HONG_GAI_2025, id: 'quang-ninh-2025-phuong-moi', agencyId: '000.91.25.H49' });
    expect(sameCode.body.error?.message).toContain(`Mã GSO ${HONG_GAI_2025.gsoCode} đã là của Phường Hồng Gai`);
    const malformed = await publish({ ...HA_TU, gsoCode: '6652', name: 'x'.repeat(500), validFrom: '2025-02-30' });
    expect(malformed.status).toBe(400);
    await desk.syncNow();
    expect(await desk.call('catalogue.units', {})).toEqual(before);
  }, 60_000);

  it('lets a desk of a former unit move to a successor the administrator published, the centre agreeing', async () => {
    // The sources do not say where Hà Khánh went: the shipped catalogue gives it no successor.
    expect(HA_KHANH.successorIds).toEqual([]);
    const former = await openSyncDesk({ unit: 'haKhanh', station: 1, now: clock });
    cleanups.push(() => former.dispose());
    await enrollDesk(former, centre.url, haKhanhCode);
    expect((await former.raw('settings.moveUnit', { successorId: HA_TU.id })).ok).toBe(false);
    expect((await publish({ ...HA_KHANH, successorIds: [HA_TU.id] })).status).toBe(200);
    await former.syncNow();
    const moved = await former.call('settings.moveUnit', { successorId: HA_TU.id });
    expect(moved.unit).toEqual({ id: HA_TU.id, gsoCode: HA_TU.gsoCode, name: 'Phường Hà Tu (đã hiệu đính)', agencyId: '000.90.25.H49' });
    const id = await former.receiveDossier();
    expect((await former.call('dossiers.get', { id })).state.code).toMatch(/^000\.90\.25\.H49-/u);
    expect(await former.syncNow()).toMatchObject({ pendingEvents: 0, rejectedEvents: 0 });
  }, 90_000);
});
