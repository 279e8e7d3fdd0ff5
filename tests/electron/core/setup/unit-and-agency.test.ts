import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE_UNITS } from '../../../../shared/domain/catalogue/seed/units.js';
import { openTestDesk, type TestDesk } from '../../../support/desk-fixture.js';

// First start and settings choose the desk's unit and agency identifier. The identifier opens every
// dossier code, so the desk refuses one its catalogue gives to another unit; a 2025 unit may reuse a
// former unit's GSO code, so the unit is named by id or found on the desk's today.

const unit = (id: string) => CATALOGUE_UNITS.find((u) => u.id === id)!;
const HONG_GAI_2025 = unit('quang-ninh-2025-phuong-hong-gai');
const HONG_GAI_2020 = unit('ha-long-2020-phuong-hong-gai');
const BAI_CHAY_2025 = unit('quang-ninh-2025-phuong-bai-chay');
const BAI_CHAY_2020 = unit('ha-long-2020-phuong-bai-chay');
const SUPERVISOR = { username: 'truongbp', fullName: 'Trần Văn Giám Sát', password: 'mat-khau-thu-nghiem' };

let desk: TestDesk;
afterEach(() => desk.dispose());

describe('first start: the unit and its agency identifier', () => {
  it('takes a unit of today with its own identifier, or one no unit of the catalogue holds (the real one, once issued)', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z', initialise: false });
    await desk.call('setup.initialise', { unitGsoCode: HONG_GAI_2025.gsoCode, unitId: HONG_GAI_2025.id, agencyId: HONG_GAI_2025.agencyId, station: 1, supervisor: SUPERVISOR });
    expect(await desk.call('settings.get', {})).toEqual({ unit: { id: HONG_GAI_2025.id, gsoCode: '06685', name: 'Phường Hồng Gai', agencyId: HONG_GAI_2025.agencyId }, station: 1 });
    await desk.call('settings.set', { unitGsoCode: HONG_GAI_2025.gsoCode, unitId: HONG_GAI_2025.id, agencyId: '000.07.31.H49', station: 1 });
    expect((await desk.call('settings.get', {})).unit?.agencyId).toBe('000.07.31.H49');
  });

  it('refuses another unit’s identifier with a Vietnamese reason, and stays uninitialised', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z', initialise: false });
    const error = await desk.fail('setup.initialise', { unitGsoCode: HONG_GAI_2025.gsoCode, unitId: HONG_GAI_2025.id, agencyId: HONG_GAI_2020.agencyId, station: 1, supervisor: SUPERVISOR });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`Mã định danh cơ quan ${HONG_GAI_2020.agencyId} là của Phường Hồng Gai (mã GSO 06691)`);
    expect(await desk.call('setup.status', {})).toEqual({ initialised: false });
    expect(await desk.call('settings.get', {})).toEqual({ unit: null, station: null });
  });

  it('refuses it typed in lower case too', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z', initialise: false });
    const other = unit('quang-ninh-2025-phuong-ha-long');
    const error = await desk.fail('setup.initialise', { unitGsoCode: HONG_GAI_2025.gsoCode, agencyId: other.agencyId.toLowerCase(), station: 1, supervisor: SUPERVISOR });
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('Phường Hạ Long') });
  });

  it('reads a reused GSO code as the unit of the desk’s today, or the one named by id', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z', initialise: false });
    // 06673 is Bãi Cháy's code in both eras: on a 2026 day, the 2025 ward's identifier is its own.
    await desk.call('setup.initialise', { unitGsoCode: '06673', agencyId: BAI_CHAY_2025.agencyId, station: 1, supervisor: SUPERVISOR });
    expect(await desk.fail('settings.set', { unitGsoCode: '06673', agencyId: BAI_CHAY_2020.agencyId, station: 1 })).toMatchObject({ code: 'conflict' });
    // Back-entering the former ward's history: named by id, its own identifier is accepted.
    await desk.call('settings.set', { unitGsoCode: '06673', unitId: BAI_CHAY_2020.id, agencyId: BAI_CHAY_2020.agencyId, station: 1 });
    expect((await desk.call('settings.get', {})).unit?.agencyId).toBe(BAI_CHAY_2020.agencyId);
    expect(await desk.fail('settings.set', { unitGsoCode: '06685', unitId: BAI_CHAY_2020.id, agencyId: BAI_CHAY_2020.agencyId, station: 1 })).toMatchObject({ code: 'not_found' });
    desk.dispose();
    // On a day before 1/7/2025 the same code is the former ward, whose identifier is then its own.
    desk = await openTestDesk({ at: '2025-02-10T02:00:00Z', initialise: false });
    await desk.call('setup.initialise', { unitGsoCode: '06673', agencyId: BAI_CHAY_2020.agencyId, station: 1, supervisor: SUPERVISOR });
    expect(await desk.fail('settings.set', { unitGsoCode: '06673', agencyId: BAI_CHAY_2025.agencyId, station: 1 })).toMatchObject({ code: 'conflict' });
  });
});

describe('settings: changing the identifier', () => {
  it('refuses another unit’s identifier and leaves the settings as they were', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z' });
    const before = await desk.call('settings.get', {});
    const error = await desk.fail('settings.set', { unitGsoCode: before.unit!.gsoCode, agencyId: unit('ha-long-2020-phuong-ha-khanh').agencyId, station: 2 });
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('Phường Hà Khánh (mã GSO 06649)') });
    expect(await desk.call('settings.get', {})).toEqual(before);
  });
});
