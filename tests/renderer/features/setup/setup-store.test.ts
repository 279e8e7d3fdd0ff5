import { describe, expect, it } from 'vitest';
import { HA_LONG_UNITS } from '../../../../shared/domain/catalogue/seed/ha-long-units.js';
import { CATALOGUE_UNITS } from '../../../../shared/domain/catalogue/seed/units.js';
import { createSetupStore } from '../../../../renderer/features/setup/store/setup-store.js';
import { describeValidity, filterUnitChoices } from '../../../../renderer/features/setup/store/unit-choices.js';
import { createScriptedBackend, fail, ok } from '../../support/scripted-backend.js';

const HONG_GAI_2020 = 'ha-long-2020-phuong-hong-gai';
const OFFICER = { id: 'o-1', username: 'truongbp', fullName: 'Phạm Thu Trang', role: 'supervisor' as const, active: true, mustChangePassword: false };

function backend() {
  return createScriptedBackend({
    'catalogue.units': () => ok([...HA_LONG_UNITS]),
    'setup.initialise': () => ok({ officer: OFFICER }),
  });
}

async function loadedStore() {
  const b = backend();
  const store = createSetupStore(b);
  await store.getState().loadUnits();
  return { store, backend: b };
}

function fillSupervisor(store: Awaited<ReturnType<typeof loadedStore>>['store'], password = 'mat-khau-du-dai') {
  const { setField } = store.getState();
  setField('username', 'truongbp');
  setField('fullName', 'Phạm Thu Trang');
  setField('password', password);
  setField('passwordAgain', password);
}

describe('unit choices', () => {
  it('finds units without diacritics, by name or GSO code', () => {
    expect(filterUnitChoices(HA_LONG_UNITS, 'hong gai', '2024-06-01').map((c) => c.unit.name)).toEqual(['Phường Hồng Gai']);
    expect(filterUnitChoices(HA_LONG_UNITS, 'HỒNG', '2024-06-01').map((c) => c.unit.gsoCode)).toEqual(['06688', '06691', '06697']);
    expect(filterUnitChoices(HA_LONG_UNITS, '07066', '2024-06-01').map((c) => c.unit.name)).toEqual(['Xã Lê Lợi']);
    expect(filterUnitChoices(HA_LONG_UNITS, '', '2024-06-01')).toHaveLength(33);
  });

  it('offers today’s units first on a 2026 day, former units after them and marked as such', () => {
    const all = filterUnitChoices(CATALOGUE_UNITS, '', '2026-11-25');
    expect(all).toHaveLength(87);
    expect(all.slice(0, 54).every((c) => c.validToday && !c.former)).toBe(true);
    expect(all.slice(54).every((c) => c.former && c.validityText.startsWith('Đã hết hiệu lực'))).toBe(true);
    const hongGai = filterUnitChoices(CATALOGUE_UNITS, 'hong gai', '2026-11-25');
    expect(hongGai.map((c) => [c.unit.id, c.former])).toEqual([
      ['quang-ninh-2025-phuong-hong-gai', false],
      ['ha-long-2020-phuong-hong-gai', true],
    ]);
    expect(filterUnitChoices(CATALOGUE_UNITS, '06685', '2026-11-25').map((c) => c.unit.name)).toEqual(['Phường Hồng Gai', 'Phường Trần Hưng Đạo']);
    expect(filterUnitChoices(CATALOGUE_UNITS, 'dac khu', '2026-11-25').map((c) => c.unit.name)).toEqual(['Đặc khu Vân Đồn', 'Đặc khu Cô Tô']);
    // Before 1/7/2025 the former units are today's and the 2025 ones are not yet in force.
    expect(filterUnitChoices(CATALOGUE_UNITS, 'hong gai', '2025-02-09').map((c) => [c.unit.id, c.validToday, c.former])).toEqual([
      ['ha-long-2020-phuong-hong-gai', true, false],
      ['quang-ninh-2025-phuong-hong-gai', false, false],
    ]);
  });

  it('says whether each unit is still valid', () => {
    const yetKieu = HA_LONG_UNITS.find((u) => u.gsoCode === '06682')!;
    expect(describeValidity(yetKieu, '2024-06-01')).toEqual({ validToday: true, validityText: 'Hiệu lực 01/01/2020 – 31/12/2024' });
    expect(describeValidity(yetKieu, '2025-03-01')).toEqual({ validToday: false, validityText: 'Đã hết hiệu lực (01/01/2020 – 31/12/2024)' });
  });
});

describe('setup store', () => {
  it('fills the agency identifier from the unit until the officer edits it', async () => {
    const { store } = await loadedStore();
    store.getState().chooseUnit(HONG_GAI_2020);
    const catalogued = HA_LONG_UNITS.find((u) => u.gsoCode === '06691')!.agencyId;
    expect(store.getState().form.agencyId).toBe(catalogued);
    store.getState().setField('agencyId', '000.15.20.H49');
    store.getState().chooseUnit('ha-long-2020-phuong-hong-hai');
    expect(store.getState().form).toMatchObject({ unitId: 'ha-long-2020-phuong-hong-hai', agencyId: '000.15.20.H49' });
  });

  it('prefills each unit’s own identifier, different for every unit of today', async () => {
    const b = createScriptedBackend({ 'catalogue.units': () => ok([...CATALOGUE_UNITS]) });
    const store = createSetupStore(b);
    await store.getState().loadUnits();
    const prefilled = filterUnitChoices(CATALOGUE_UNITS, '', '2026-11-25')
      .filter((c) => c.validToday)
      .map((c) => {
        store.getState().chooseUnit(c.unit.id);
        return store.getState().form.agencyId;
      });
    expect(prefilled).toHaveLength(54);
    expect(new Set(prefilled).size).toBe(54);
    store.getState().chooseUnit('quang-ninh-2025-phuong-hong-gai');
    expect(store.getState().form.agencyId).not.toBe(HA_LONG_UNITS.find((u) => u.gsoCode === '06691')!.agencyId);
  });

  it('names every problem next to its field and sends nothing', async () => {
    const { store, backend: b } = await loadedStore();
    store.getState().setField('agencyId', '000.15.H49');
    fillSupervisor(store);
    store.getState().setField('passwordAgain', 'khac-hoan-toan');
    expect(await store.getState().submit()).toBeNull();
    const errors = store.getState().fieldErrors;
    expect(errors.unitGsoCode).toBe('Hãy chọn đơn vị của bộ phận một cửa.');
    expect(errors.agencyId).toMatch(/AAA\.BB\.CC\.Hnn/);
    expect(errors.passwordAgain).toBe('Hai lần nhập mật khẩu không giống nhau.');
    expect(b.callsOf('setup.initialise')).toHaveLength(0);
  });

  it('clears a field’s message as soon as the officer changes it', async () => {
    const { store } = await loadedStore();
    await store.getState().submit();
    expect(store.getState().fieldErrors['supervisor.username']).toBeDefined();
    store.getState().setField('username', 't');
    expect(store.getState().fieldErrors['supervisor.username']).toBeUndefined();
  });

  it('initialises the desk and hands back the supervisor’s session, without keeping the password', async () => {
    const { store, backend: b } = await loadedStore();
    store.getState().chooseUnit(HONG_GAI_2020);
    store.getState().setField('station', '3');
    fillSupervisor(store);
    expect(await store.getState().submit()).toEqual({ officer: OFFICER });
    expect(b.callsOf('setup.initialise')[0]).toMatchObject({ unitGsoCode: '06691', unitId: HONG_GAI_2020, station: 3, supervisor: { username: 'truongbp', password: 'mat-khau-du-dai' } });
    expect(store.getState().form.password).toBe('');
  });

  it('keeps what was typed when the core refuses', async () => {
    const { store, backend: b } = await loadedStore();
    b.script['setup.initialise'] = () => fail('conflict', 'Bàn làm việc đã được khởi tạo; hãy đăng nhập.');
    store.getState().chooseUnit(HONG_GAI_2020);
    fillSupervisor(store);
    expect(await store.getState().submit()).toBeNull();
    expect(store.getState().submitError?.code).toBe('conflict');
    expect(store.getState().form.username).toBe('truongbp');
  });
});
