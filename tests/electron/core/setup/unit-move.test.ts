import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE_UNITS } from '../../../../shared/domain/catalogue/seed/units.js';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { SettingsRepository } from '../../../../electron/core/settings/settings-repository.js';
import { HONG_GAI, openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { requiredPapers } from '../../../support/required-papers.js';

// A desk of a unit merged on 1/7/2025 is moved by its supervisor to the unit that took it over. The
// desk keeps its history: dossiers received before keep their unit and code; new ones are the
// successor's, with codes under the successor's identifier. Anything else is refused, data unchanged.

const unit = (id: string) => CATALOGUE_UNITS.find((u) => u.id === id)!;
const HONG_GAI_2020 = unit('ha-long-2020-phuong-hong-gai');
const HONG_GAI_2025 = unit('quang-ninh-2025-phuong-hong-gai');
const HA_LONG_2025 = unit('quang-ninh-2025-phuong-ha-long');

const receive = (desk: TestDesk) => desk.call('dossiers.receive', { procedureId: 'ho-tich.dang-ky-khai-sinh', channel: 1, applicant: SAMPLE_APPLICANT, documents: requiredPapers('ho-tich.dang-ky-khai-sinh') });

let desk: TestDesk;
afterEach(() => desk.dispose());

describe('moving the desk of a former unit to its successor', () => {
  it('keeps the dossiers received before under the former unit and receives new ones under the successor', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z' }); // set up (by code) as the 2020 Hồng Gai
    expect((await desk.call('settings.get', {})).unit).toEqual({ id: HONG_GAI_2020.id, gsoCode: HONG_GAI.unitGsoCode, name: 'Phường Hồng Gai', agencyId: HONG_GAI.agencyId });
    const before = await receive(desk);
    expect(before.state.code).toBe('000.15.20.H49-260210-1001');

    const moved = await desk.call('settings.moveUnit', { successorId: HONG_GAI_2025.id });
    expect(moved).toEqual({ unit: { id: HONG_GAI_2025.id, gsoCode: '06685', name: 'Phường Hồng Gai', agencyId: HONG_GAI_2025.agencyId }, station: 1 });

    const after = await receive(desk);
    expect(after.state.unit).toEqual({ gsoCode: '06685', name: 'Phường Hồng Gai', agencyId: HONG_GAI_2025.agencyId });
    expect(after.state.code).toBe(`${HONG_GAI_2025.agencyId}-260210-1001`);
    const earlier = await desk.call('dossiers.get', { id: before.state.id });
    expect(earlier.state.unit).toEqual({ gsoCode: '06691', name: 'Phường Hồng Gai', agencyId: '000.15.20.H49' });
    expect(earlier.state.code).toBe('000.15.20.H49-260210-1001');
  });

  it('takes an identifier the supervisor corrects, unless the catalogue gives it to another unit', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z' });
    const before = snapshotDatabase(desk.core.db);
    const refused = await desk.fail('settings.moveUnit', { successorId: HONG_GAI_2025.id, agencyId: HA_LONG_2025.agencyId });
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('Phường Hạ Long') });
    expect(snapshotDatabase(desk.core.db)).toEqual(before);
    const moved = await desk.call('settings.moveUnit', { successorId: HONG_GAI_2025.id, agencyId: '000.07.31.h49' });
    expect(moved.unit?.agencyId).toBe('000.07.31.H49');
  });

  it('refuses a unit that is not its successor, the same unit, and a successor not yet in force, changing nothing', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z' });
    const before = snapshotDatabase(desk.core.db);
    expect(await desk.fail('settings.moveUnit', { successorId: HA_LONG_2025.id })).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('không phải đơn vị kế thừa của Phường Hồng Gai'),
    });
    expect(await desk.fail('settings.moveUnit', { successorId: HONG_GAI_2020.id })).toMatchObject({ code: 'conflict', message: expect.stringContaining('không có gì để chuyển') });
    expect(await desk.fail('settings.moveUnit', { successorId: 'khong-co-don-vi-nay' })).toMatchObject({ code: 'not_found' });
    expect(snapshotDatabase(desk.core.db)).toEqual(before);
    desk.dispose();

    desk = await openTestDesk({ at: '2025-06-30T09:00:00Z' }); // 16:00 on the former ward's last day
    const early = snapshotDatabase(desk.core.db);
    expect(await desk.fail('settings.moveUnit', { successorId: HONG_GAI_2025.id })).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('chỉ có hiệu lực từ 01/07/2025'),
    });
    expect(snapshotDatabase(desk.core.db)).toEqual(early);
  });

  it('is a supervisor’s: an officer is refused', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z' });
    await desk.call('officers.create', { username: 'canbo1', fullName: 'Lê Thị Cán Bộ', role: 'officer', password: 'mat-khau-can-bo' });
    await desk.call('auth.signIn', { username: 'canbo1', password: 'mat-khau-can-bo' });
    const before = snapshotDatabase(desk.core.db);
    expect(await desk.fail('settings.moveUnit', { successorId: HONG_GAI_2025.id })).toMatchObject({ code: 'forbidden' });
    expect(snapshotDatabase(desk.core.db)).toEqual(before);
  });
});

describe('the unit of a desk set up before the catalogue id was kept', () => {
  it('is told apart by its agency identifier where a GSO code and name name two units, and unknown when nothing does', async () => {
    desk = await openTestDesk({ at: '2026-02-10T02:00:00Z', initialise: false });
    const settings = new SettingsRepository(desk.core.db);
    const stored = (agencyId: string) => {
      settings.set('unit.gsoCode', '06673');
      settings.set('unit.name', 'Phường Bãi Cháy');
      settings.set('unit.agencyId', agencyId);
      settings.set('desk.station', '1');
    };
    stored(unit('ha-long-2020-phuong-bai-chay').agencyId);
    expect((await desk.call('settings.get', {})).unit?.id).toBe('ha-long-2020-phuong-bai-chay');
    stored(unit('quang-ninh-2025-phuong-bai-chay').agencyId);
    expect((await desk.call('settings.get', {})).unit?.id).toBe('quang-ninh-2025-phuong-bai-chay');
    stored('000.99.31.H49'); // typed by hand: both eras' Phường Bãi Cháy bear 06673
    expect((await desk.call('settings.get', {})).unit?.id).toBeNull();
  });
});
