import { describe, expect, it } from 'vitest';
import { parseWorkCalendar } from '../../../../shared/domain/calendar/calendar-validation.js';
import { SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import { addDaysToLocalDate, weekdayOf } from '../../../../shared/domain/calendar/vietnam-time.js';
import { isWorkingDay } from '../../../../shared/domain/calendar/working-days.js';

const calendar = SEED_WORK_CALENDAR;

function offDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let date = from; date <= to; date = addDaysToLocalDate(date, 1)) if (!isWorkingDay(date, calendar)) days.push(date);
  return days;
}

describe('seed calendar', () => {
  it('passes its own validator', () => {
    expect(() => parseWorkCalendar(calendar)).not.toThrow();
  });

  it('gives the 2025 Tết break 25/1–2/2 and works Saturday 8/2 in exchange', () => {
    expect(offDays('2025-01-24', '2025-02-09')).toEqual([
      '2025-01-25',
      '2025-01-26',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-09',
    ]);
  });

  it('gives the 2026 Tết break 14/2–22/2, nine days with Tết day 1 on 17/2', () => {
    expect(offDays('2026-02-13', '2026-02-23')).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
  });

  it("has Hùng Kings' day off (2026: Sunday, so Monday 27/4 compensates)", () => {
    expect(isWorkingDay('2025-04-07', calendar)).toBe(false);
    expect(weekdayOf('2026-04-26')).toBe(0);
    expect(isWorkingDay('2026-04-27', calendar)).toBe(false);
  });

  it('has 2/9 with its adjacent day in both years', () => {
    expect(offDays('2025-08-29', '2025-09-03')).toEqual(['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02']);
    expect(isWorkingDay('2026-09-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-09-02', calendar)).toBe(false);
  });

  it('gives the 2025 30/4–1/5 break 30/4–4/5 with Saturday 26/4 worked', () => {
    expect(offDays('2025-04-26', '2025-05-05')).toEqual(['2025-04-27', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04']);
  });
});
