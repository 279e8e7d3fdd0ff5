import { describe, expect, it } from 'vitest';
import { canonicalPhone } from '../../../../shared/domain/contact/phone-number.js';

describe('canonicalPhone', () => {
  it('writes every way of grouping a Vietnamese number as its domestic digits', () => {
    for (const written of ['0912345222', '0912.345.222', '0912 345 222', '0912-345-222', '+84912345222', '+84 912 345 222', '84912345222', '0084912345222', '+84 (0) 912 345 222']) {
      expect(canonicalPhone(written), written).toBe('0912345222');
    }
    expect(canonicalPhone('(0203) 3825 123')).toBe('02033825123');
    expect(canonicalPhone('+84 203 3825 123')).toBe('02033825123');
  });

  it('keeps numbers that are not Vietnam’s country code as they are', () => {
    expect(canonicalPhone('+1 415 555 0100')).toBe('+14155550100');
    expect(canonicalPhone('84123456')).toBe('84123456'); // 8 digits: a local number, not +84
    expect(canonicalPhone('0912 abc')).toBe('0912abc'); // left for validation to refuse
  });
});
