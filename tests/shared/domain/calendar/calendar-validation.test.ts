import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import {
  calendarIssueMessages,
  calendarYearProblems,
  calendarYearSchema,
  parseCalendarYear,
  parseWorkCalendar,
  replaceCalendarYear,
  workCalendarSchema,
} from '../../../../shared/domain/calendar/calendar-validation.js';
import { CALENDAR_YEAR_2025, SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';

/** The `invalid_argument` message a call throws (fails the test if it does not throw one). */
function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).code).toBe('invalid_argument');
    return (error as CommandError).message;
  }
  throw new Error('expected an invalid_argument CommandError');
}

const year = (holidays: unknown[], makeUpDays: unknown[] = [], y = 2025): unknown => ({ year: y, holidays, makeUpDays });

describe('calendarYearSchema / parseCalendarYear', () => {
  it('accepts the seed years and trims names', () => {
    expect(parseCalendarYear(CALENDAR_YEAR_2025)).toEqual(CALENDAR_YEAR_2025);
    expect(parseCalendarYear(year([{ date: '2025-03-04', name: '  Nghỉ thử  ' }])).holidays[0]?.name).toBe('Nghỉ thử');
  });

  it('refuses a date that does not exist, saying which entry', () => {
    expect(messageOf(() => parseCalendarYear(year([{ date: '2025-02-29', name: 'x' }])))).toContain(
      'Ngày nghỉ thứ 1 › ngày: Ngày "2025-02-29" không có thật hoặc sai dạng yyyy-MM-dd.',
    );
    expect(messageOf(() => parseCalendarYear(year([], [{ date: '29/02/2025', name: 'x' }])))).toContain('Ngày làm bù thứ 1 › ngày');
  });

  it('refuses a date outside the year', () => {
    expect(messageOf(() => parseCalendarYear(year([{ date: '2026-01-01', name: 'x' }])))).toContain(
      'Ngày 2026-01-01 không thuộc năm 2025.',
    );
  });

  it('refuses a day that is both off and a make-up day', () => {
    const both = year([{ date: '2025-02-08', name: 'Nghỉ' }], [{ date: '2025-02-08', name: 'Làm bù' }]);
    expect(messageOf(() => parseCalendarYear(both))).toContain('Ngày 2025-02-08 vừa là ngày nghỉ vừa là ngày làm bù.');
  });

  it('refuses duplicates, empty names, unknown fields and a wrong year', () => {
    const duplicate = year([
      { date: '2025-03-04', name: 'a' },
      { date: '2025-03-04', name: 'b' },
    ]);
    expect(messageOf(() => parseCalendarYear(duplicate))).toContain('Ngày 2025-03-04 bị lặp lại trong danh sách ngày nghỉ.');
    expect(messageOf(() => parseCalendarYear(year([{ date: '2025-03-04', name: '   ' }])))).toContain(
      'Tên (lý do) không được để trống.',
    );
    expect(calendarYearSchema.safeParse({ ...CALENDAR_YEAR_2025, note: 'x' }).success).toBe(false);
    expect(messageOf(() => parseCalendarYear(year([], [], 2025.5)))).toContain('Năm phải là số nguyên.');
  });
});

describe('workCalendarSchema / parseWorkCalendar', () => {
  it('accepts the seed calendar', () => {
    expect(parseWorkCalendar(SEED_WORK_CALENDAR)).toEqual(SEED_WORK_CALENDAR);
  });

  it('refuses sessions out of order, overlapping, or ending before they start', () => {
    const outOfOrder = {
      ...SEED_WORK_CALENDAR,
      sessions: [
        { start: '13:30', end: '17:00' },
        { start: '07:00', end: '11:30' },
      ],
    };
    expect(messageOf(() => parseWorkCalendar(outOfOrder))).toContain('Ca làm việc thứ 2 › giờ bắt đầu: Ca 07:00–11:30 chồng lên');
    const overlapping = {
      ...SEED_WORK_CALENDAR,
      sessions: [
        { start: '07:00', end: '12:00' },
        { start: '11:30', end: '17:00' },
      ],
    };
    expect(messageOf(() => parseWorkCalendar(overlapping))).toContain('không chồng nhau');
    const backwards = { ...SEED_WORK_CALENDAR, sessions: [{ start: '17:00', end: '07:00' }] };
    expect(messageOf(() => parseWorkCalendar(backwards))).toContain('giờ bắt đầu phải trước giờ kết thúc');
    expect(messageOf(() => parseWorkCalendar({ ...SEED_WORK_CALENDAR, sessions: [] }))).toContain('Cần ít nhất một ca làm việc.');
    const badTime = { ...SEED_WORK_CALENDAR, sessions: [{ start: '07:00', end: '25:00' }] };
    expect(messageOf(() => parseWorkCalendar(badTime))).toContain('Giờ "25:00" không hợp lệ');
  });

  it('refuses a make-up day that is already a working weekday, or a fixed holiday', () => {
    const friday = { ...SEED_WORK_CALENDAR, years: [year([], [{ date: '2025-02-07', name: 'x' }])] };
    expect(messageOf(() => parseWorkCalendar(friday))).toContain('Ngày làm bù 2025-02-07 là Thứ Sáu');
    const onNewYear = { ...SEED_WORK_CALENDAR, years: [year([], [{ date: '2028-01-01', name: 'x' }], 2028)] };
    expect(messageOf(() => parseWorkCalendar(onNewYear))).toContain('là ngày lễ (Tết Dương lịch), không thể là ngày làm bù');
  });

  it('refuses bad weekends, duplicate years and impossible fixed holidays', () => {
    expect(messageOf(() => parseWorkCalendar({ ...SEED_WORK_CALENDAR, weekendDays: [0, 1, 2, 3, 4, 5, 6] }))).toContain(
      'Không thể nghỉ cả 7 ngày trong tuần.',
    );
    expect(messageOf(() => parseWorkCalendar({ ...SEED_WORK_CALENDAR, weekendDays: [7] }))).toContain('từ 0 (Chủ nhật) đến 6');
    const twice = { ...SEED_WORK_CALENDAR, years: [CALENDAR_YEAR_2025, CALENDAR_YEAR_2025] };
    expect(messageOf(() => parseWorkCalendar(twice))).toContain('Năm 2025 xuất hiện hai lần.');
    const fixed = { ...SEED_WORK_CALENDAR, fixedHolidays: [{ monthDay: '02-30', name: 'x' }] };
    expect(messageOf(() => parseWorkCalendar(fixed))).toContain('Ngày-tháng "02-30" không có thật');
  });

  it('lists every problem on its own line', () => {
    const result = workCalendarSchema.safeParse({
      ...SEED_WORK_CALENDAR,
      sessions: [{ start: '7h', end: '11:30' }],
      weekendDays: [9],
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(calendarIssueMessages(result.error)).toHaveLength(2);
  });
});

describe('replaceCalendarYear (what calendar.set stores)', () => {
  it('replaces one year and keeps the others, without touching the calendar passed in', () => {
    const edited = replaceCalendarYear(SEED_WORK_CALENDAR, year([{ date: '2025-03-04', name: 'Nghỉ thử' }]));
    expect(edited.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(edited.years[0]?.holidays).toEqual([{ date: '2025-03-04', name: 'Nghỉ thử' }]);
    expect(SEED_WORK_CALENDAR.years[0]).toBe(CALENDAR_YEAR_2025);
  });

  it('adds a new year in order', () => {
    const edited = replaceCalendarYear(SEED_WORK_CALENDAR, year([], [], 2027));
    expect(edited.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
  });

  it('checks the year against the calendar’s weekend', () => {
    expect(messageOf(() => replaceCalendarYear(SEED_WORK_CALENDAR, year([], [{ date: '2025-03-05', name: 'x' }])))).toContain(
      'Ngày làm bù 2025-03-05 là Thứ Tư',
    );
  });
});

describe('calendarYearProblems (what calendar.set, a pulled year and the centre check)', () => {
  it('lists problems of the year alone and against the calendar together, each saying where', () => {
    const problems = calendarYearProblems(
      SEED_WORK_CALENDAR,
      year(
        [
          { date: '2027-03-04', name: 'a' },
          { date: '2027-03-04', name: 'b' },
        ],
        [{ date: '2027-05-01', name: 'Làm bù' }],
        2027,
      ),
    );
    expect(problems).toEqual([
      'Ngày nghỉ thứ 2 › ngày: Ngày 2027-03-04 bị lặp lại trong danh sách ngày nghỉ.',
      'Ngày làm bù thứ 1 › ngày: Ngày 2027-05-01 là ngày lễ (Ngày Quốc tế Lao động (1/5)), không thể là ngày làm bù.',
    ]);
    expect(calendarYearProblems(SEED_WORK_CALENDAR, CALENDAR_YEAR_2025)).toEqual([]);
  });
});
