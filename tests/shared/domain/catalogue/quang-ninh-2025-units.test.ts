import { describe, expect, it } from 'vitest';
import { otherUnitHoldingAgency } from '../../../../shared/domain/catalogue/agency-ownership.js';
import { findUnitByGso, unitsValidOn } from '../../../../shared/domain/catalogue/lookups.js';
import { HA_LONG_UNITS } from '../../../../shared/domain/catalogue/seed/ha-long-units.js';
import { QUANG_NINH_2025_UNITS } from '../../../../shared/domain/catalogue/seed/quang-ninh-2025-units.js';
import { CATALOGUE_UNITS } from '../../../../shared/domain/catalogue/seed/units.js';
import { isUnitValidOn, UnitSchema, type Unit } from '../../../../shared/domain/catalogue/unit.js';
import { stringsIn } from './strings-in.js';

const byId = new Map(CATALOGUE_UNITS.map((u) => [u.id, u]));
const named = (name: string): Unit => QUANG_NINH_2025_UNITS.find((u) => u.name === name)!;
const former = (slug: string): Unit => byId.get(`ha-long-2020-${slug}`)!;

describe('Quảng Ninh units from 1/7/2025', () => {
  it('parses every unit of the catalogue with its schema', () => {
    for (const unit of CATALOGUE_UNITS) expect(UnitSchema.safeParse(unit).error, unit.id).toBeUndefined();
  });

  it('has the resolution’s 54 units on 2025-07-01: 30 wards, 22 communes, 2 special zones, none the day before', () => {
    const units = unitsValidOn('2026-11-25');
    expect(units).toHaveLength(54);
    expect(units.every((u) => u.validFrom === '2025-07-01' && u.validTo === null)).toBe(true);
    const count = (kind: Unit['kind']) => units.filter((u) => u.kind === kind).length;
    expect([count('ward'), count('commune'), count('special-zone')]).toEqual([30, 22, 2]);
    expect(unitsValidOn('2025-06-30').map((u) => u.id).filter((id) => id.startsWith('quang-ninh-2025-'))).toEqual([]);
    expect(named('Đặc khu Vân Đồn').kind).toBe('special-zone');
    expect(named('Phường Hạ Long').gsoCode).toBe('06688');
  });

  it('holds no duplicate: ids, GSO codes among units in force together, agency identifiers across every era', () => {
    expect(new Set(CATALOGUE_UNITS.map((u) => u.id)).size).toBe(CATALOGUE_UNITS.length);
    expect(new Set(QUANG_NINH_2025_UNITS.map((u) => u.gsoCode)).size).toBe(54);
    expect(new Set(CATALOGUE_UNITS.map((u) => u.agencyId)).size).toBe(CATALOGUE_UNITS.length);
    for (const unit of CATALOGUE_UNITS) {
      expect(unit.agencyId).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H49$/u);
      expect(otherUnitHoldingAgency(unit.agencyId, (u) => u.id === unit.id, CATALOGUE_UNITS)).toBeNull();
    }
  });

  it('finds the unit a reused GSO code names on each side of 1/7/2025', () => {
    expect(findUnitByGso('06673', '2025-06-30')?.id).toBe('ha-long-2020-phuong-bai-chay');
    expect(findUnitByGso('06673', '2025-07-01')?.id).toBe('quang-ninh-2025-phuong-bai-chay');
    expect(findUnitByGso('06685', '2025-06-30')?.name).toBe('Phường Trần Hưng Đạo');
    expect(findUnitByGso('06685', '2025-07-01')?.name).toBe('Phường Hồng Gai');
    expect(findUnitByGso('06691', '2026-11-25')).toBeUndefined();
  });

  it('links former and new units both ways, and only to units that had ended the day before', () => {
    for (const unit of QUANG_NINH_2025_UNITS) {
      for (const { unitId } of unit.formedFrom) {
        const predecessor = byId.get(unitId);
        expect(predecessor?.validTo, `${unit.id} ← ${unitId}`).toBe('2025-06-30');
        expect(predecessor?.successorIds).toContain(unit.id);
      }
    }
    for (const unit of HA_LONG_UNITS) {
      for (const successorId of unit.successorIds) {
        // A successor exists on the day after the unit's last day (a new unit, or one that absorbed it).
        const dayAfter = new Date(Date.parse(`${unit.validTo!}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(isUnitValidOn(byId.get(successorId)!, dayAfter), `${unit.id} → ${successorId}`).toBe(true);
      }
    }
    expect(former('phuong-yet-kieu').successorIds).toEqual(['ha-long-2020-phuong-tran-hung-dao']);
    expect(former('phuong-hung-thang').successorIds).toEqual(['quang-ninh-2025-phuong-bai-chay']);
    expect(former('xa-dong-lam').successorIds).toEqual(['quang-ninh-2025-xa-thong-nhat']);
  });

  it('takes the resolution’s own text where it was read: Quảng La and Thống Nhất', () => {
    expect(named('Xã Quảng La').formedFrom.map((p) => `${byId.get(p.unitId)!.name} ${p.share}`)).toEqual([
      'Xã Bằng Cả whole',
      'Xã Dân Chủ whole',
      'Xã Tân Dân whole',
      'Xã Quảng La whole',
    ]);
    expect(named('Xã Thống Nhất').formedFrom.find((p) => p.unitId === 'ha-long-2020-xa-dong-lam')?.share).toBe('part');
    expect(named('Xã Quảng La').unconfirmed).not.toContain('formedFrom');
  });

  it('marks what no official text confirmed: every placeholder identifier, every GSO code, every inferred link', () => {
    for (const unit of CATALOGUE_UNITS) expect(unit.unconfirmed, unit.id).toContain('agencyId');
    for (const unit of QUANG_NINH_2025_UNITS) expect(unit.unconfirmed, unit.id).toContain('gsoCode');
    expect(named('Phường Hà Tu').unconfirmed).toContain('formedFrom');
    expect(former('phuong-yet-kieu').unconfirmed).toContain('validTo');
  });

  it('gives every one of Hạ Long’s 33 former units the successors the sources name, and says which are unknown', () => {
    const unknown = HA_LONG_UNITS.filter((u) => u.successorIds.length === 0).map((u) => u.shortName);
    expect(unknown.sort()).toEqual(['Đồng Sơn', 'Hà Khánh', 'Hà Khẩu', 'Lê Lợi', 'Sơn Dương'].sort());
    const successors = new Set(HA_LONG_UNITS.flatMap((u) => u.successorIds).filter((id) => id.startsWith('quang-ninh-2025-')));
    expect(successors.size).toBe(12);
  });

  it('stores Vietnamese text in NFC and cannot be changed at run time', () => {
    for (const { path, text } of stringsIn(QUANG_NINH_2025_UNITS)) expect(text.normalize('NFC'), path).toBe(text);
    expect(() => {
      (QUANG_NINH_2025_UNITS[0] as { name: string }).name = 'Phường Khác';
    }).toThrow(TypeError);
  });
});
