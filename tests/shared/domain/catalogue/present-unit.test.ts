import { describe, expect, it } from 'vitest';
import { presentUnitOf } from '../../../../shared/domain/catalogue/present-unit.js';
import { CATALOGUE_UNITS } from '../../../../shared/domain/catalogue/seed/units.js';

const present = (id: string, date: string) => presentUnitOf(id, date, CATALOGUE_UNITS)?.id ?? null;

describe('presentUnitOf', () => {
  it('is the unit itself while it is in force', () => {
    expect(present('ha-long-2020-phuong-hong-gai', '2025-06-30')).toBe('ha-long-2020-phuong-hong-gai');
    expect(present('quang-ninh-2025-phuong-hong-gai', '2026-11-25')).toBe('quang-ninh-2025-phuong-hong-gai');
  });

  it('follows a former unit to the unit of today that took it over, through every arrangement', () => {
    expect(present('ha-long-2020-phuong-hung-thang', '2026-11-25')).toBe('quang-ninh-2025-phuong-bai-chay');
    expect(present('ha-long-2020-phuong-yet-kieu', '2025-03-01')).toBe('ha-long-2020-phuong-tran-hung-dao');
    expect(present('ha-long-2020-phuong-yet-kieu', '2026-11-25')).toBe('quang-ninh-2025-phuong-hong-gai');
  });

  it('has none for a unit passed on only in part, with unknown successors, or not yet in force', () => {
    expect(present('ha-long-2020-xa-dong-lam', '2026-11-25')).toBeNull();
    expect(present('ha-long-2020-phuong-ha-khanh', '2026-11-25')).toBeNull();
    expect(present('quang-ninh-2025-phuong-hong-gai', '2025-02-09')).toBeNull();
    expect(present('khong-co', '2026-11-25')).toBeNull();
  });
});
