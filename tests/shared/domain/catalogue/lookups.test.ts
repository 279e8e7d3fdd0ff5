import { describe, expect, it } from 'vitest';
import { catalogueVersion } from '../../../../shared/domain/catalogue/catalogue-version.js';
import { IsoDateSchema } from '../../../../shared/domain/catalogue/iso-date.js';
import { findProcedure, proceduresBySector } from '../../../../shared/domain/catalogue/lookups.js';
import { PROCEDURES } from '../../../../shared/domain/catalogue/seed/procedures.js';
import { SECTORS } from '../../../../shared/domain/catalogue/seed/sectors.js';

describe('proceduresBySector', () => {
  it('groups every seed procedure once, in sector order', () => {
    const groups = proceduresBySector();
    expect(groups.map((g) => g.sector.id)).toEqual(SECTORS.map((s) => s.id));
    expect(groups.flatMap((g) => g.procedures)).toHaveLength(PROCEDURES.length);
    for (const group of groups) {
      expect(group.procedures.length).toBeGreaterThan(0);
      for (const p of group.procedures) expect(p.sectorId).toBe(group.sector.id);
    }
    expect(groups[0]).toMatchObject({ sector: { id: 'ho-tich', name: 'Hộ tịch' } });
  });

  it('leaves out sectors with no procedures and keeps procedures of unlisted sectors', () => {
    const khaiSinh = findProcedure('ho-tich.dang-ky-khai-sinh')!;
    const orphan = { ...khaiSinh, id: 'giao-duc.x', sectorId: 'giao-duc' };
    const groups = proceduresBySector([khaiSinh, orphan], SECTORS);
    expect(groups.map((g) => g.sector)).toEqual([
      { id: 'ho-tich', name: 'Hộ tịch' },
      { id: 'giao-duc', name: 'giao-duc' },
    ]);
  });
});

describe('findProcedure', () => {
  it('finds a procedure by its stable id', () => {
    expect(findProcedure('chung-thuc.ban-sao-tu-ban-chinh')?.code).toBe('2.000815');
    expect(findProcedure('cu-tru.dang-ky-thuong-tru')?.name).toBe('Đăng ký thường trú');
  });

  it('answers undefined for an unknown id', () => {
    expect(findProcedure('ho-tich.khong-co')).toBeUndefined();
  });
});

describe('catalogueVersion', () => {
  it('is a real date the centre can compare with later versions', () => {
    expect(IsoDateSchema.safeParse(catalogueVersion).success).toBe(true);
  });
});
