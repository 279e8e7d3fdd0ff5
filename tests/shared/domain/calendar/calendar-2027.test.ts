import { describe, expect, it } from 'vitest';
import { missingCalendarYears, nextYearCalendarWarning, unloadedCalendarNote } from '../../../../shared/domain/calendar/calendar-coverage.js';
import { parseCalendarYear } from '../../../../shared/domain/calendar/calendar-validation.js';
import { appointmentAt } from '../../../../shared/domain/calendar/deadlines.js';
import { CALENDAR_YEAR_2027, SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import type { WorkCalendar } from '../../../../shared/domain/calendar/work-calendar.js';
import { addDaysToLocalDate, weekdayOf } from '../../../../shared/domain/calendar/vietnam-time.js';
import { holidayOn, isWorkingDay } from '../../../../shared/domain/calendar/working-days.js';
import { vn, wall } from './vietnam-clock.js';

const calendar = SEED_WORK_CALENDAR;
const without = (...years: number[]): WorkCalendar => ({ ...calendar, years: calendar.years.filter((y) => !years.includes(y.year)) });

function offWeekdays(from: string, to: string, on: WorkCalendar = calendar): string[] {
  const days: string[] = [];
  for (let date = from; date <= to; date = addDaysToLocalDate(date, 1)) {
    if (!isWorkingDay(date, on) && weekdayOf(date) !== 0 && weekdayOf(date) !== 6) days.push(date);
  }
  return days;
}

describe('seed calendar 2027', () => {
  it('passes the year validator, with its source', () => {
    expect(parseCalendarYear(CALENDAR_YEAR_2027)).toEqual(CALENDAR_YEAR_2027);
    expect(CALENDAR_YEAR_2027.source).toContain('Bộ luật Lao động 2019');
  });

  it('is off for Tết Đinh Mùi (mùng 1 = Saturday 06/02/2027): Fri 5/2 and Mon 8/2 – Thu 11/2, each marked to verify', () => {
    expect(weekdayOf('2027-02-06')).toBe(6);
    expect(holidayOn('2027-02-06', calendar)?.name).toContain('mùng 1');
    expect(offWeekdays('2027-02-01', '2027-02-19')).toEqual(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
    for (const date of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) {
      expect(holidayOn(date, calendar)?.unconfirmed).toBe(true);
    }
  });

  it("is off on Hùng Kings' day, 10/3 Đinh Mùi = Friday 16/04/2027, and around 30/4, 1/5 and 2/9", () => {
    expect(weekdayOf('2027-04-16')).toBe(5);
    expect(holidayOn('2027-04-16', calendar)?.name).toContain('Giỗ Tổ Hùng Vương');
    expect(offWeekdays('2027-04-12', '2027-04-23')).toEqual(['2027-04-16']);
    expect(offWeekdays('2027-04-26', '2027-05-07')).toEqual(['2027-04-30', '2027-05-03']);
    expect(offWeekdays('2027-08-30', '2027-09-10')).toEqual(['2027-09-02', '2027-09-03']);
    expect(offWeekdays('2027-01-01', '2027-01-08')).toEqual(['2027-01-01']);
  });

  it('puts a 7-working-day dossier received 01/02/2027 09:00 after Tết, not inside it (10/02 without the year)', () => {
    const received = vn('2027-02-01 09:00');
    expect(wall(appointmentAt(received, { kind: 'working_days', amount: 7 }, {}, calendar))).toBe('2027-02-17 09:00');
    expect(wall(appointmentAt(received, { kind: 'working_days', amount: 7 }, {}, without(2027)))).toBe('2027-02-10 09:00');
  });
});

describe('calendar coverage', () => {
  it('names the years a period crosses that the calendar lacks', () => {
    expect(missingCalendarYears('2026-12-20', '2027-01-10', calendar)).toEqual([]);
    expect(missingCalendarYears('2027-12-20', '2028-01-10', calendar)).toEqual([2028]);
  });

  it('flags a due date counted past the last loaded year, and only then', () => {
    const received = vn('2027-12-24 09:00');
    const due = appointmentAt(received, { kind: 'working_days', amount: 7 }, {}, calendar);
    expect(wall(due)).toBe('2028-01-04 09:00'); // weekends only (1/1/2028 is a Saturday): computed, then flagged
    expect(unloadedCalendarNote(received, due, calendar)).toContain('Lịch chưa có năm 2028');
    expect(unloadedCalendarNote(vn('2027-02-01 09:00'), vn('2027-02-17 09:00'), calendar)).toBeNull();
  });

  it('warns from 1 November when next year is missing, not on 31 October, and not once it is loaded', () => {
    expect(nextYearCalendarWarning('2027-10-31', calendar)).toBeNull();
    expect(nextYearCalendarWarning('2027-11-01', calendar)).toContain('Chưa có lịch làm việc năm 2028');
    expect(nextYearCalendarWarning('2027-12-31', calendar)).toContain('năm 2028');
    expect(nextYearCalendarWarning('2026-11-01', calendar)).toBeNull();
    expect(nextYearCalendarWarning('2026-11-01', without(2027))).toContain('năm 2027');
    const with2028: WorkCalendar = { ...calendar, years: [...calendar.years, { year: 2028, holidays: [], makeUpDays: [] }] };
    expect(nextYearCalendarWarning('2027-11-01', with2028)).toBeNull();
  });
});
