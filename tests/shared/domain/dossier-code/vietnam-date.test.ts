import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { instantToEpochMs, isDateKey, vietnamDateKey, vietnamIsoDate } from '../../../../shared/domain/dossier-code/vietnam-date.js';

describe('vietnamDateKey', () => {
  it('uses the Vietnam date: 17:00 UTC is already the next day', () => {
    expect(vietnamDateKey('2026-11-28T17:00:00Z')).toBe('261129');
    expect(vietnamDateKey('2026-11-28T16:59:59.999Z')).toBe('261128');
    expect(vietnamDateKey('2026-11-29T00:00:00+07:00')).toBe('261129');
    expect(vietnamDateKey('2026-11-28T23:59:59+07:00')).toBe('261128');
    expect(vietnamDateKey('2025-12-31T17:00:00.000Z')).toBe('260101');
  });

  describe('whatever the machine time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it('gives the same key in New York as in Ho Chi Minh City', () => {
      for (const tz of ['America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(vietnamDateKey('2026-11-28T17:00:00Z')).toBe('261129');
        expect(vietnamDateKey('2026-11-28T16:59:00Z')).toBe('261128');
      }
    });
  });

  it('agrees with the UTC date of the instant shifted by seven hours', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T16:59:59Z'), noInvalidDate: true }), (date) => {
        const shifted = new Date(date.getTime() + 7 * 3600 * 1000).toISOString();
        const key = vietnamDateKey(date.toISOString());
        expect(key).toBe(shifted.slice(2, 10).replaceAll('-', ''));
        expect(isDateKey(key)).toBe(true);
        expect(vietnamIsoDate(date.toISOString())).toBe(shifted.slice(0, 10));
      }),
    );
  });

  it('refuses strings that are not instants with a zone', () => {
    for (const text of ['2026-11-28T17:00:00', '2026-11-28', '2026-02-30T00:00:00Z', '2026-11-28T24:00:00Z', '28/11/2026', '', 'now']) {
      expect(() => vietnamDateKey(text), text).toThrow(RangeError);
    }
  });
});

describe('instantToEpochMs', () => {
  it('honours offsets and fractions', () => {
    expect(instantToEpochMs('2026-11-29T00:00:00+07:00')).toBe(Date.parse('2026-11-28T17:00:00Z'));
    expect(instantToEpochMs('2026-11-28T12:00:00-05:00')).toBe(Date.parse('2026-11-28T17:00:00Z'));
    expect(instantToEpochMs('2026-11-28T17:00:00.123456Z')).toBe(Date.parse('2026-11-28T17:00:00.123Z'));
    expect(instantToEpochMs('2026-11-28T17:00Z')).toBe(Date.parse('2026-11-28T17:00:00Z'));
  });
});

describe('vietnamIsoDate and isDateKey', () => {
  it('gives the Vietnam calendar date as yyyy-MM-dd', () => {
    expect(vietnamIsoDate('2026-11-28T17:00:00Z')).toBe('2026-11-29');
  });

  it('accepts only real yyMMdd dates', () => {
    expect(isDateKey('261129')).toBe(true);
    expect(isDateKey('240229')).toBe(true);
    expect(isDateKey('260229')).toBe(false);
    expect(isDateKey('261131')).toBe(false);
    expect(isDateKey('2611290')).toBe(false);
  });
});
