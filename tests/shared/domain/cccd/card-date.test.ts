import { describe, expect, it } from 'vitest';
import { isIsoCalendarDate, parseCardDate } from '../../../../shared/domain/cccd/card-date.js';
import { birthDateProblem } from '../../../../shared/domain/cccd/birth-date.js';

describe('card dates', () => {
  it('turns ddMMyyyy into yyyy-MM-dd for real dates only', () => {
    expect(parseCardDate('05061990')).toBe('1990-06-05');
    expect(parseCardDate('31122099')).toBe('2099-12-31');
    expect(parseCardDate('29022024')).toBe('2024-02-29');
    expect(parseCardDate('29022000')).toBe('2000-02-29');
    expect(parseCardDate('29021900')).toBeNull();
    expect(parseCardDate('29022100')).toBeNull();
    expect(parseCardDate('31062021')).toBeNull();
    expect(parseCardDate('0506199')).toBeNull();
    expect(parseCardDate('05061899')).toBeNull();
  });

  it('checks yyyy-MM-dd', () => {
    expect(isIsoCalendarDate('2026-11-29')).toBe(true);
    expect(isIsoCalendarDate('2026-02-29')).toBe(false);
    expect(isIsoCalendarDate('2026-11-29T00:00:00Z')).toBe(false);
    expect(isIsoCalendarDate('20261129')).toBe(false);
  });
});

describe('birthDateProblem (the QR parser and the core share it)', () => {
  it('refuses a birth date before 1900 or after today; today itself is fine', () => {
    expect(birthDateProblem('1899-12-31', '2026-11-29')).toBe('before_1900');
    expect(birthDateProblem('1900-01-01', '2026-11-29')).toBeNull();
    expect(birthDateProblem('2026-11-29', '2026-11-29')).toBeNull();
    expect(birthDateProblem('2026-11-30', '2026-11-29')).toBe('in_future');
  });
});
