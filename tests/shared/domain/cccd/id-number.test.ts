import { describe, expect, it } from 'vitest';
import { decodeIdNumber, validateIdNumber } from '../../../../shared/domain/cccd/id-number.js';

describe('validateIdNumber (an ID typed by the officer)', () => {
  it('accepts 12 digits, trimmed, with no warning when nothing contradicts them', () => {
    expect(validateIdNumber(' 022190000123\n')).toEqual({ ok: true, idNumber: '022190000123', warnings: [] });
  });

  it('folds full-width digits', () => {
    expect(validateIdNumber('０２２１９００００１２３')).toMatchObject({ ok: true, idNumber: '022190000123' });
  });

  it('refuses anything that is not exactly 12 digits, without echoing it', () => {
    for (const value of ['', '02219000012', '0221900001234', '022-190-000-123', '02219000012O', '022 190000123']) {
      const result = validateIdNumber(value);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('id_number_invalid');
        expect(result.error.message).toContain('12 chữ số');
        if (value.length > 3) expect(result.error.message).not.toContain(value);
      }
    }
  });

  it('warns about an unknown province even without other facts', () => {
    const result = validateIdNumber('000190000123');
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['province_code_unknown']);
  });

  it('cross-checks sex and birth year when they are known', () => {
    const mismatched = validateIdNumber('022190000123', { sex: 'male', birthDate: '2001-03-04' });
    expect(mismatched.ok && mismatched.warnings.map((w) => w.code)).toEqual([
      'sex_digit_mismatch',
      'century_digit_mismatch',
      'birth_year_digits_mismatch',
    ]);
    expect(validateIdNumber('022190000123', { sex: 'female', birthDate: '1990-06-05' })).toMatchObject({ warnings: [] });
    expect(validateIdNumber('022190000123', { sex: null, birthDate: null })).toMatchObject({ warnings: [] });
  });
});

describe('decodeIdNumber', () => {
  it('reads province, sex and century from the first six digits', () => {
    expect(decodeIdNumber('022190000123')).toEqual({ provinceCode: '022', provinceName: 'Quảng Ninh', sex: 'female', birthYear: 1990 });
    expect(decodeIdNumber('001205000123')).toEqual({ provinceCode: '001', provinceName: 'Hà Nội', sex: 'male', birthYear: 2005 });
    expect(decodeIdNumber('096400000123')).toMatchObject({ provinceName: 'Cà Mau', sex: 'male', birthYear: 2100 });
    expect(decodeIdNumber('003999000123')).toMatchObject({ provinceName: null, sex: 'female', birthYear: 2399 });
    expect(decodeIdNumber('02219000012')).toBeNull();
  });
});
