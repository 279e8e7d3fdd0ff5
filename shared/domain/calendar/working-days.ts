// Which local dates are worked: weekends, holidays (fixed rule + the year's list) and make-up days.
// Plain scans over small lists (a few dozen entries a year): cheap enough per call that no index or
// cache is needed, so a changed calendar takes effect on the very next call.
import type { CalendarEntry, CalendarYear, WorkCalendar } from './work-calendar.js';
import { addDaysToLocalDate, isLocalDate, weekdayName, weekdayOf, type LocalDate } from './vietnam-time.js';

// A calendar where no day is worked for this long is broken; stop instead of looping forever.
const MAX_DAYS_WITHOUT_WORK = 366;

function yearOf(calendar: WorkCalendar, date: LocalDate): CalendarYear | undefined {
  const year = Number(date.slice(0, 4));
  return calendar.years.find((entry) => entry.year === year);
}

/** The holiday a date is (the year's list first, then the fixed rule), or null. Weekends are not holidays. */
export function holidayOn(date: LocalDate, calendar: WorkCalendar): CalendarEntry | null {
  const listed = yearOf(calendar, date)?.holidays.find((entry) => entry.date === date);
  if (listed !== undefined) return listed;
  const monthDay = date.slice(5);
  const fixed = calendar.fixedHolidays.find((entry) => entry.monthDay === monthDay);
  return fixed === undefined ? null : { date, name: fixed.name };
}

/** The make-up working day a date is, or null. */
export function makeUpDayOn(date: LocalDate, calendar: WorkCalendar): CalendarEntry | null {
  return yearOf(calendar, date)?.makeUpDays.find((entry) => entry.date === date) ?? null;
}

/** Why a date is not worked (holiday name, or the weekday for a weekend), or null when it is worked. */
export function dayOffReason(date: LocalDate, calendar: WorkCalendar): string | null {
  // A holiday wins over a make-up day; the validator refuses a date that is both, so this only
  // decides the safe side for data that skipped validation.
  const holiday = holidayOn(date, calendar);
  if (holiday !== null) return holiday.name;
  if (makeUpDayOn(date, calendar) !== null) return null;
  const weekday = weekdayOf(date);
  return calendar.weekendDays.includes(weekday) ? `Nghỉ hằng tuần (${weekdayName(weekday)})` : null;
}

/** True when the desk works on this local date. */
export function isWorkingDay(date: LocalDate, calendar: WorkCalendar): boolean {
  return dayOffReason(date, calendar) === null;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate, calendar: WorkCalendar): LocalDate {
  return firstWorkingDayFrom(addDaysToLocalDate(date, 1), calendar);
}

/** `date` itself if it is worked, otherwise the next working day. */
export function firstWorkingDayFrom(date: LocalDate, calendar: WorkCalendar): LocalDate {
  let candidate = date;
  for (let step = 0; step <= MAX_DAYS_WITHOUT_WORK; step += 1) {
    if (isWorkingDay(candidate, calendar)) return candidate;
    candidate = addDaysToLocalDate(candidate, 1);
  }
  throw new Error(`Lịch làm việc không có ngày làm việc nào trong ${MAX_DAYS_WITHOUT_WORK} ngày kể từ ${date}.`);
}

/**
 * Every holiday of a year, fixed rule and the year's list merged and sorted by date (for
 * `calendar.get`). A date in both keeps the year's name, which is the more specific one.
 */
export function holidaysOfYear(calendar: WorkCalendar, year: number): CalendarEntry[] {
  const listed = calendar.years.find((entry) => entry.year === year)?.holidays ?? [];
  const byDate = new Map<LocalDate, CalendarEntry>();
  for (const fixed of calendar.fixedHolidays) {
    const date = `${String(year).padStart(4, '0')}-${fixed.monthDay}`;
    // A 29 February rule has no date in a common year.
    if (isLocalDate(date)) byDate.set(date, { date, name: fixed.name });
  }
  for (const entry of listed) byDate.set(entry.date, entry);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
