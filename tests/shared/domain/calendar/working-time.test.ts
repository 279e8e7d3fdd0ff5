import { millisecondsInHour, millisecondsInMinute } from 'date-fns/constants';
import { describe, expect, it } from 'vitest';
import { SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import {
  addWorkingTime,
  countingStartOf,
  isWithinWorkingTime,
  sessionSpansOn,
  workingDayLengthMs,
  workingTimeBetween,
} from '../../../../shared/domain/calendar/working-time.js';
import { vn, wall } from './vietnam-clock.js';

const calendar = SEED_WORK_CALENDAR;
const hours = (n: number): number => n * millisecondsInHour;

describe('workingDayLengthMs', () => {
  it('is 8 hours with the default sessions', () => {
    expect(workingDayLengthMs(calendar)).toBe(hours(8));
  });
});

describe('sessionSpansOn', () => {
  it('lays the two sessions of a working day on the time line in Vietnam time', () => {
    const spans = sessionSpansOn('2025-03-03', calendar);
    expect(spans.map((span) => [wall(span.startMs), wall(span.endMs)])).toEqual([
      ['2025-03-03 07:00', '2025-03-03 11:30'],
      ['2025-03-03 13:30', '2025-03-03 17:00'],
    ]);
    // 07:00 in Vietnam is midnight UTC.
    expect(new Date(spans[0]?.startMs ?? 0).toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });

  it('has no sessions on a weekend or a holiday, and the normal ones on a make-up Saturday', () => {
    expect(sessionSpansOn('2025-03-08', calendar)).toEqual([]);
    expect(sessionSpansOn('2025-09-01', calendar)).toEqual([]);
    expect(sessionSpansOn('2025-02-08', calendar)).toHaveLength(2);
  });
});

describe('countingStartOf', () => {
  it.each([
    ['2025-03-03 09:15', '2025-03-03 09:15'], // inside the morning session
    ['2025-03-03 06:00', '2025-03-03 07:00'], // before opening
    ['2025-03-03 11:30', '2025-03-03 13:30'], // exactly at the end of the morning
    ['2025-03-03 12:00', '2025-03-03 13:30'], // at lunch
    ['2025-03-03 17:00', '2025-03-04 07:00'], // at closing
    ['2025-03-07 18:00', '2025-03-10 07:00'], // Friday evening
    ['2025-08-29 17:30', '2025-09-03 07:00'], // before the 2/9 break (30/8 – 2/9)
  ])('received %s → counting starts %s', (received, start) => {
    expect(wall(countingStartOf(vn(received), calendar))).toBe(start);
  });
});

describe('workingTimeBetween', () => {
  it('measures a full day as 8 h and leaves out lunch', () => {
    expect(workingTimeBetween(vn('2025-03-03 07:00'), vn('2025-03-03 17:00'), calendar)).toBe(hours(8));
    expect(workingTimeBetween(vn('2025-03-03 11:00'), vn('2025-03-03 14:00'), calendar)).toBe(hours(1));
    expect(workingTimeBetween(vn('2025-03-03 12:00'), vn('2025-03-03 13:00'), calendar)).toBe(0);
  });

  it('leaves out weekends and holidays and counts make-up days', () => {
    expect(workingTimeBetween(vn('2025-03-07 16:00'), vn('2025-03-10 08:00'), calendar)).toBe(hours(2));
    expect(workingTimeBetween(vn('2025-01-24 17:00'), vn('2025-02-03 07:00'), calendar)).toBe(0);
    expect(workingTimeBetween(vn('2025-02-07 17:00'), vn('2025-02-10 07:00'), calendar)).toBe(hours(8));
  });

  it('is negative when the end is before the start', () => {
    expect(workingTimeBetween(vn('2025-03-03 10:00'), vn('2025-03-03 09:30'), calendar)).toBe(-30 * millisecondsInMinute);
  });

  it('measures a week of the 2025→2026 boundary (four working days, 1/1 off)', () => {
    expect(workingTimeBetween(vn('2025-12-29 00:00'), vn('2026-01-04 00:00'), calendar)).toBe(hours(32));
  });
});

describe('addWorkingTime', () => {
  it('returns the start unchanged for zero and refuses a negative amount', () => {
    const start = vn('2025-03-08 10:00');
    expect(addWorkingTime(start, 0, calendar)).toBe(start);
    expect(() => addWorkingTime(start, -1, calendar)).toThrow(/không âm/u);
  });

  it('gives up on a calendar without working time instead of looping forever', () => {
    const noWork = { ...calendar, weekendDays: [0, 1, 2, 3, 4, 5, 6] as const, years: [] };
    expect(() => addWorkingTime(vn('2025-03-03 10:00'), hours(1), noWork)).toThrow(/không có giờ làm việc/u);
    expect(() => countingStartOf(vn('2025-03-03 10:00'), noWork)).toThrow(/không có giờ làm việc/u);
  });

  it('stops at a session end rather than at the next session start', () => {
    expect(wall(addWorkingTime(vn('2025-03-03 07:00'), hours(4.5), calendar))).toBe('2025-03-03 11:30');
  });
});

describe('isWithinWorkingTime', () => {
  it('includes both ends of a session and nothing on a day off', () => {
    expect(isWithinWorkingTime(vn('2025-03-03 07:00'), calendar)).toBe(true);
    expect(isWithinWorkingTime(vn('2025-03-03 17:00'), calendar)).toBe(true);
    expect(isWithinWorkingTime(vn('2025-03-03 12:00'), calendar)).toBe(false);
    expect(isWithinWorkingTime(vn('2025-03-08 10:00'), calendar)).toBe(false);
  });
});
