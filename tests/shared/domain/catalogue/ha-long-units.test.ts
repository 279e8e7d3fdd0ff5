import { describe, expect, it } from 'vitest';
import { findUnitByGso, unitsValidOn } from '../../../../shared/domain/catalogue/lookups.js';
import { HA_LONG_UNITS } from '../../../../shared/domain/catalogue/seed/ha-long-units.js';
import { UnitSchema } from '../../../../shared/domain/catalogue/unit.js';
import { stringsIn } from './strings-in.js';

const countKinds = (units: readonly { kind: string }[]) => ({
  wards: units.filter((u) => u.kind === 'ward').length,
  communes: units.filter((u) => u.kind === 'commune').length,
});

describe('Hạ Long units seed', () => {
  it('parses every unit with its schema', () => {
    for (const unit of HA_LONG_UNITS) expect(UnitSchema.safeParse(unit).error).toBeUndefined();
  });

  it('has 33 units on 2024-06-01: 21 wards and 12 communes', () => {
    const units = unitsValidOn('2024-06-01');
    expect(units).toHaveLength(33);
    expect(countKinds(units)).toEqual({ wards: 21, communes: 12 });
  });

  it('has 32 units on 2025-03-01, Yết Kiêu gone', () => {
    const units = unitsValidOn('2025-03-01');
    expect(units).toHaveLength(32);
    expect(countKinds(units)).toEqual({ wards: 20, communes: 12 });
    expect(units.map((u) => u.shortName)).not.toContain('Yết Kiêu');
  });

  it('treats validity dates as inclusive days at both ends', () => {
    expect(unitsValidOn('2019-12-31')).toHaveLength(0);
    expect(unitsValidOn('2020-01-01')).toHaveLength(33);
    expect(unitsValidOn('2024-12-31')).toHaveLength(33);
    expect(unitsValidOn('2025-01-01')).toHaveLength(32);
    expect(unitsValidOn('2025-06-30')).toHaveLength(32);
    expect(unitsValidOn('2025-07-01', HA_LONG_UNITS)).toHaveLength(0);
  });

  it('has unique five-digit GSO codes', () => {
    const codes = HA_LONG_UNITS.map((u) => u.gsoCode);
    expect(new Set(codes).size).toBe(33);
    for (const code of codes) expect(code).toMatch(/^\d{5}$/u);
  });

  it('has unique, well-formed Quảng Ninh agency identifiers', () => {
    const ids = HA_LONG_UNITS.map((u) => u.agencyId);
    expect(new Set(ids).size).toBe(33);
    for (const id of ids) expect(id).toMatch(/^000\.\d{2}\.\d{2}\.H49$/u);
  });

  it('has unique slug ids and names made of the kind and the short name', () => {
    expect(new Set(HA_LONG_UNITS.map((u) => u.id)).size).toBe(33);
    for (const unit of HA_LONG_UNITS) {
      expect(unit.name).toBe(`${unit.kind === 'ward' ? 'Phường' : 'Xã'} ${unit.shortName}`);
    }
    expect(HA_LONG_UNITS.map((u) => u.name)).toContain('Phường Hồng Gai');
    expect(HA_LONG_UNITS.map((u) => u.name)).toContain('Xã Lê Lợi');
  });

  it('keeps the DOMAIN.md list: Hoành Bồ is a ward, the 070xx codes after it are communes', () => {
    expect(findUnitByGso('07030', '2024-06-01')).toMatchObject({ name: 'Phường Hoành Bồ', kind: 'ward' });
    expect(findUnitByGso('07033', '2024-06-01')).toMatchObject({ name: 'Xã Kỳ Thượng', kind: 'commune' });
    expect(findUnitByGso('06691', '2024-06-01')).toMatchObject({ name: 'Phường Hồng Gai', kind: 'ward' });
  });

  it('stores Vietnamese text in NFC, so search and comparison agree', () => {
    for (const { path, text } of stringsIn(HA_LONG_UNITS)) expect(text.normalize('NFC'), path).toBe(text);
  });

  it('cannot be changed by accident at run time', () => {
    const unit = HA_LONG_UNITS[0];
    expect(() => {
      (unit as { name: string }).name = 'Phường Khác';
    }).toThrow(TypeError);
  });
});

describe('findUnitByGso', () => {
  it('finds Yết Kiêu until its last day and not after', () => {
    expect(findUnitByGso('06682', '2024-12-31')?.name).toBe('Phường Yết Kiêu');
    expect(findUnitByGso('06682', '2025-01-01')).toBeUndefined();
  });

  it('answers undefined for an unknown code', () => {
    expect(findUnitByGso('99999', '2024-06-01')).toBeUndefined();
  });

  it('searches the units it is given, e.g. a catalogue update', () => {
    const updated = [{ ...HA_LONG_UNITS[0]!, id: 'ha-long-2025-phuong-x', validFrom: '2025-07-01', validTo: null }];
    expect(findUnitByGso(HA_LONG_UNITS[0]!.gsoCode, '2030-01-01', updated)?.id).toBe('ha-long-2025-phuong-x');
    expect(unitsValidOn('2030-01-01', updated)).toHaveLength(1);
  });

  it('refuses a date that is not a real yyyy-MM-dd day', () => {
    expect(() => findUnitByGso('06691', '2024-02-30')).toThrow(RangeError);
    expect(() => unitsValidOn('01/06/2024')).toThrow(RangeError);
    expect(() => unitsValidOn('2024-6-1')).toThrow(RangeError);
  });
});
