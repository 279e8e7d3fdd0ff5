// The working calendar of a desk, as plain data: an administrator edits it (`calendar.set`) and every
// deadline computed afterwards follows it. Functions take it as an argument; nothing caches it.
import type { LocalDate, LocalTime, Weekday } from './vietnam-time.js';

/** One working session of a day, e.g. the morning 07:00–11:30. `end` is exclusive of further work. */
export interface WorkSession {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** A dated entry of a year's calendar; `name` says why (the holiday, or what the make-up day repays). */
export interface CalendarEntry {
  readonly date: LocalDate;
  readonly name: string;
  /**
   * True while the day rests on a rule or a computation, not on the year's official notice (Tết's
   * exact days, a swap, the day adjacent to 2/9): shown as "cần kiểm tra", as the catalogue marks its
   * unconfirmed facts. Left out once the Government's announcement confirms it.
   */
  readonly unconfirmed?: boolean;
}

/** One year's days off and make-up working days, as the government announces them. */
export interface CalendarYear {
  readonly year: number;
  /** Days off besides weekends: public holidays, compensatory days, swapped bridging days. */
  readonly holidays: readonly CalendarEntry[];
  /** Weekend days that are worked (làm bù), usually a Saturday repaying a swapped weekday. */
  readonly makeUpDays: readonly CalendarEntry[];
  /** Where the year comes from (the law and the notice, or how the lunar dates were computed); optional. */
  readonly source?: string;
}

/** A holiday on the same solar date every year (Labour Code 2019 art. 112), 'MM-dd'. */
export interface FixedHoliday {
  readonly monthDay: string;
  readonly name: string;
}

export interface WorkCalendar {
  /** The sessions of every working day, in order, not overlapping. */
  readonly sessions: readonly WorkSession[];
  /** Weekly days off (0 = Sunday … 6 = Saturday). */
  readonly weekendDays: readonly Weekday[];
  /** Applied to every year, whether or not the year has its own entry. */
  readonly fixedHolidays: readonly FixedHoliday[];
  /** Per-year holidays and make-up days; a year may be absent (then only the fixed rule applies). */
  readonly years: readonly CalendarYear[];
}

// Production systems count 07:00–11:30 and 13:30–17:00: 4 h 30 + 3 h 30 = the 8-hour working day.
export const DEFAULT_SESSIONS: readonly WorkSession[] = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

// State agencies work Monday to Friday: the 40-hour week of Decision 188/1999/QĐ-TTg.
export const DEFAULT_WEEKEND_DAYS: readonly Weekday[] = [6, 0];
