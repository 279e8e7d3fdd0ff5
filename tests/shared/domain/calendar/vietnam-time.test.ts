import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import {
  addDaysToLocalDate,
  daysBetweenLocalDates,
  instantOfLocal,
  instantToMs,
  isLocalDate,
  isLocalTime,
  localDateOf,
  localTimeOf,
  weekdayOf,
} from '../../../../shared/domain/calendar/vietnam-time.js';

describe('Vietnam local date and time of an instant (fixed UTC+07:00)', () => {
  it('puts 17:00 UTC on the next Vietnam date, and 16:59:59.999 UTC on the same one', () => {
    expect(localDateOf('2025-03-02T17:00:00Z')).toBe('2025-03-03');
    expect(localTimeOf('2025-03-02T17:00:00Z')).toBe('00:00');
    expect(localDateOf('2025-03-02T16:59:59.999Z')).toBe('2025-03-02');
    expect(localTimeOf('2025-03-02T16:59:59.999Z')).toBe('23:59');
  });

  it('crosses the year at 17:00 UTC on 31 December', () => {
    expect(localDateOf('2025-12-31T16:59:59Z')).toBe('2025-12-31');
    expect(localDateOf('2025-12-31T17:00:00Z')).toBe('2026-01-01');
  });

  it('reads offsets other than Z and epoch milliseconds', () => {
    expect(localTimeOf('2025-03-03T10:00:00+07:00')).toBe('10:00');
    expect(localTimeOf('2025-03-03T10:00:00-05:00')).toBe('22:00');
    expect(localDateOf(Date.UTC(2025, 2, 2, 17))).toBe('2025-03-03');
  });

  it('turns a Vietnam wall-clock time back into the UTC instant', () => {
    expect(instantOfLocal('2025-03-03', '07:00')).toBe('2025-03-03T00:00:00.000Z');
    expect(instantOfLocal('2026-01-01', '00:30')).toBe('2025-12-31T17:30:00.000Z');
  });

  it('refuses instants without a zone, malformed ones and non-finite numbers', () => {
    for (const bad of ['2025-03-03T10:00:00', '2025-03-03', 'hôm qua', '2025-02-30T10:00:00Z', Number.NaN]) {
      expect(() => instantToMs(bad)).toThrow(CommandError);
    }
  });
});

describe('local dates', () => {
  it('accepts real dates only', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-1-01')).toBe(false);
    expect(isLocalDate('0025-01-01')).toBe(false);
  });

  it('adds days across months and years, and counts days between', () => {
    expect(addDaysToLocalDate('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDaysToLocalDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToLocalDate('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetweenLocalDates('2025-12-29', '2026-01-06')).toBe(8);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekdayOf('2025-01-29')).toBe(3); // Tết Ất Tỵ, a Wednesday
    expect(weekdayOf('2026-02-17')).toBe(2); // Tết Bính Ngọ, a Tuesday
    expect(weekdayOf('2025-02-08')).toBe(6);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-28')).toBe(0);
  });

  it('accepts HH:mm between 00:00 and 23:59', () => {
    expect(isLocalTime('07:00')).toBe(true);
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('7:00')).toBe(false);
  });
});
