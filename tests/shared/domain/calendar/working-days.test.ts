import { describe, expect, it } from 'vitest';
import { SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import type { WorkCalendar } from '../../../../shared/domain/calendar/work-calendar.js';
import {
  dayOffReason,
  firstWorkingDayFrom,
  holidaysOfYear,
  isWorkingDay,
  nextWorkingDay,
} from '../../../../shared/domain/calendar/working-days.js';

const calendar = SEED_WORK_CALENDAR;

describe('isWorkingDay', () => {
  it('works Monday to Friday and not on Saturday or Sunday', () => {
    expect(['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'].every((d) => isWorkingDay(d, calendar))).toBe(
      true,
    );
    expect(isWorkingDay('2025-03-08', calendar)).toBe(false);
    expect(isWorkingDay('2025-03-09', calendar)).toBe(false);
  });

  it('does not work on fixed solar holidays, in any year (the rule needs no year entry)', () => {
    expect(isWorkingDay('2025-01-01', calendar)).toBe(false);
    expect(isWorkingDay('2025-04-30', calendar)).toBe(false);
    expect(isWorkingDay('2025-05-01', calendar)).toBe(false);
    expect(isWorkingDay('2025-09-02', calendar)).toBe(false);
    expect(isWorkingDay('2030-09-02', calendar)).toBe(false); // a Monday, in a year with no entry
    expect(isWorkingDay('2030-09-03', calendar)).toBe(true); // no adjacent day known for 2030
  });

  it('works a make-up Saturday', () => {
    expect(isWorkingDay('2025-02-08', calendar)).toBe(true);
    expect(isWorkingDay('2025-04-26', calendar)).toBe(true);
  });

  it('honours a configured weekend', () => {
    const sundayOnly: WorkCalendar = { ...calendar, weekendDays: [0] };
    expect(isWorkingDay('2025-03-08', sundayOnly)).toBe(true);
    expect(isWorkingDay('2025-03-09', sundayOnly)).toBe(false);
  });
});

describe('dayOffReason', () => {
  it('names the holiday, the weekend day, or nothing for a working day', () => {
    expect(dayOffReason('2025-01-29', calendar)).toMatch(/Tết Nguyên đán/u);
    expect(dayOffReason('2025-01-01', calendar)).toBe('Tết Dương lịch');
    expect(dayOffReason('2025-03-09', calendar)).toBe('Nghỉ hằng tuần (Chủ nhật)');
    expect(dayOffReason('2025-03-03', calendar)).toBeNull();
  });
});

describe('nextWorkingDay', () => {
  it('is strictly after the date and skips weekends, holidays and the Tết breaks', () => {
    expect(nextWorkingDay('2025-03-03', calendar)).toBe('2025-03-04');
    expect(nextWorkingDay('2025-03-07', calendar)).toBe('2025-03-10');
    expect(nextWorkingDay('2025-01-24', calendar)).toBe('2025-02-03');
    expect(nextWorkingDay('2025-02-07', calendar)).toBe('2025-02-08');
    expect(nextWorkingDay('2026-02-13', calendar)).toBe('2026-02-23');
    expect(nextWorkingDay('2025-12-31', calendar)).toBe('2026-01-02');
  });

  it('firstWorkingDayFrom keeps a working day', () => {
    expect(firstWorkingDayFrom('2025-03-03', calendar)).toBe('2025-03-03');
    expect(firstWorkingDayFrom('2025-03-08', calendar)).toBe('2025-03-10');
  });

  it('gives up on a calendar without any working day instead of looping forever', () => {
    const noWork: WorkCalendar = { ...calendar, weekendDays: [0, 1, 2, 3, 4, 5, 6], years: [] };
    expect(() => nextWorkingDay('2025-03-03', noWork)).toThrow(/không có ngày làm việc/u);
  });
});

describe('holidaysOfYear', () => {
  it('merges the fixed rule with the year list, sorted by date', () => {
    const dates = holidaysOfYear(calendar, 2026).map((entry) => entry.date);
    expect(dates).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('gives only the fixed rule for a year without an entry', () => {
    expect(holidaysOfYear(calendar, 2031).map((entry) => entry.date)).toEqual([
      '2031-01-01',
      '2031-04-30',
      '2031-05-01',
      '2031-09-02',
    ]);
  });
});
