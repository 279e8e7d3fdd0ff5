import { describe, expect, it } from 'vitest';
import { CCCD_PROVINCES, cccdProvinceName } from '../../../../shared/domain/cccd/province-codes.js';

describe('CCCD province codes', () => {
  it('lists the 63 provinces once each, with three-digit codes in ascending order', () => {
    expect(CCCD_PROVINCES).toHaveLength(63);
    const codes = CCCD_PROVINCES.map((p) => p.code);
    expect(new Set(codes).size).toBe(63);
    expect([...codes].sort()).toEqual(codes);
    for (const p of CCCD_PROVINCES) {
      expect(p.code).toMatch(/^0\d{2}$/u);
      expect(p.name.normalize('NFC')).toBe(p.name);
    }
  });

  it('names the provinces by code', () => {
    expect(cccdProvinceName('022')).toBe('Quảng Ninh');
    expect(cccdProvinceName('001')).toBe('Hà Nội');
    expect(cccdProvinceName('079')).toBe('Hồ Chí Minh');
    expect(cccdProvinceName('096')).toBe('Cà Mau');
    expect(cccdProvinceName('003')).toBeNull();
    expect(cccdProvinceName('22')).toBeNull();
  });
});
