import { describe, expect, it } from 'vitest';
import { HA_LONG_UNITS } from '../../../../shared/domain/catalogue/seed/ha-long-units.js';
import { createSetupStore } from '../../../../renderer/features/setup/store/setup-store.js';
import { describeValidity, filterUnitChoices } from '../../../../renderer/features/setup/store/unit-choices.js';
import { createScriptedBackend, fail, ok } from '../../support/scripted-backend.js';

const OFFICER = { id: 'o-1', username: 'truongbp', fullName: 'Phạm Thu Trang', role: 'supervisor' as const, active: true };

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

  it('says whether each unit is still valid', () => {
    const yetKieu = HA_LONG_UNITS.find((u) => u.gsoCode === '06682')!;
    expect(describeValidity(yetKieu, '2024-06-01')).toEqual({ validToday: true, validityText: 'Hiệu lực 01/01/2020 – 31/12/2024' });
    expect(describeValidity(yetKieu, '2025-03-01')).toEqual({ validToday: false, validityText: 'Đã hết hiệu lực (01/01/2020 – 31/12/2024)' });
  });
});

describe('setup store', () => {
  it('fills the agency identifier from the unit until the officer edits it', async () => {
    const { store } = await loadedStore();
    store.getState().chooseUnit('06691');
    const catalogued = HA_LONG_UNITS.find((u) => u.gsoCode === '06691')!.agencyId;
    expect(store.getState().form.agencyId).toBe(catalogued);
    store.getState().setField('agencyId', '000.15.20.H49');
    store.getState().chooseUnit('06688');
    expect(store.getState().form).toMatchObject({ unitGsoCode: '06688', agencyId: '000.15.20.H49' });
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
    store.getState().chooseUnit('06691');
    store.getState().setField('station', '3');
    fillSupervisor(store);
    expect(await store.getState().submit()).toEqual({ officer: OFFICER });
    expect(b.callsOf('setup.initialise')[0]).toMatchObject({ unitGsoCode: '06691', station: 3, supervisor: { username: 'truongbp', password: 'mat-khau-du-dai' } });
    expect(store.getState().form.password).toBe('');
  });

  it('keeps what was typed when the core refuses', async () => {
    const { store, backend: b } = await loadedStore();
    b.script['setup.initialise'] = () => fail('conflict', 'Bàn làm việc đã được khởi tạo; hãy đăng nhập.');
    store.getState().chooseUnit('06691');
    fillSupervisor(store);
    expect(await store.getState().submit()).toBeNull();
    expect(store.getState().submitError?.code).toBe('conflict');
    expect(store.getState().form.username).toBe('truongbp');
  });
});
