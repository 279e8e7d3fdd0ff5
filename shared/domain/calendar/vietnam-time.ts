// Instants and Vietnam-local dates/times, computed without ever reading the process time zone.
//
// Vietnam (tz database zone Asia/Ho_Chi_Minh) has kept a fixed UTC+07:00 with no daylight saving
// since 1975, so local wall time is exactly UTC + 7 h for every date the desk will ever see. All
// arithmetic here is therefore plain epoch-millisecond math plus that constant, read back with the
// UTC getters. date-fns' calendar helpers (addDays, getDay, format, startOfDay, …) work in the
// *machine's* zone, which is why they are not used for local dates; date-fns parses the ISO
// instants (strictly, unlike Date.parse) and supplies the unit constants.
import { isValid, parseISO } from 'date-fns';
import { millisecondsInDay, millisecondsInHour, millisecondsInMinute } from 'date-fns/constants';
import { CommandError } from '../../contract/errors.js';

export const VIETNAM_UTC_OFFSET_MS = 7 * millisecondsInHour;

/** An instant: ISO-8601 text with `Z` or a ±hh:mm offset (as stored), or epoch milliseconds. */
export type Instant = string | number;
/** A civil date in Vietnam, 'yyyy-MM-dd'. */
export type LocalDate = string;
/** A wall-clock time in Vietnam, 'HH:mm' (00:00–23:59). */
export type LocalTime = string;
/** Day of the week as Date#getUTCDay numbers it: 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/u;
// An instant without an offset would be read in the machine's zone: refuse it rather than guess.
const HAS_OFFSET = /T.*(?:Z|[+-]\d{2}(?::?\d{2})?)$/iu;

const WEEKDAY_NAMES: Record<Weekday, string> = {
  0: 'Chủ nhật',
  1: 'Thứ Hai',
  2: 'Thứ Ba',
  3: 'Thứ Tư',
  4: 'Thứ Năm',
  5: 'Thứ Sáu',
  6: 'Thứ Bảy',
};

/** Epoch milliseconds of an instant; a malformed one is an `invalid_argument` error. */
export function instantToMs(instant: Instant): number {
  if (typeof instant === 'number') {
    if (Number.isFinite(instant)) return instant;
    throw new CommandError('invalid_argument', `Thời điểm không hợp lệ: ${String(instant)}.`);
  }
  const parsed = HAS_OFFSET.test(instant) ? parseISO(instant) : new Date(Number.NaN);
  if (!isValid(parsed)) {
    throw new CommandError(
      'invalid_argument',
      `Thời điểm "${instant}" không hợp lệ (cần dạng ISO-8601 có múi giờ, ví dụ 2025-01-29T03:00:00Z).`,
    );
  }
  return parsed.getTime();
}

/** The stored form of an instant: ISO-8601 in UTC with milliseconds, e.g. '2025-01-29T03:00:00.000Z'. */
export function msToInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The first whole minute at or after `ms` (`ms` itself when it is one). UTC+7 is a whole number of
 *  hours, so a whole minute in UTC is a whole minute on the desk's wall clock too. */
export function ceilToMinuteMs(ms: number): number {
  return Math.ceil(ms / millisecondsInMinute) * millisecondsInMinute;
}

/** The whole minute at or before `ms`. */
export function floorToMinuteMs(ms: number): number {
  return Math.floor(ms / millisecondsInMinute) * millisecondsInMinute;
}

/** True when an instant has no seconds or milliseconds. */
export function isWholeMinute(instant: Instant): boolean {
  const ms = instantToMs(instant);
  return floorToMinuteMs(ms) === ms;
}

/** Vietnam wall-clock reading of an instant, as a Date whose UTC fields are the local fields. */
function wallClock(instant: Instant): Date {
  return new Date(instantToMs(instant) + VIETNAM_UTC_OFFSET_MS);
}

/** The Vietnam civil date an instant falls on. */
export function localDateOf(instant: Instant): LocalDate {
  return wallClock(instant).toISOString().slice(0, 10);
}

/** The Vietnam wall-clock time of an instant, to the minute (seconds dropped, not rounded). */
export function localTimeOf(instant: Instant): LocalTime {
  return wallClock(instant).toISOString().slice(11, 16);
}

/** 'dd/MM/yyyy', as dates are written on the forms and in messages to the officer. */
export function formatLocalDate(date: LocalDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** True for 'yyyy-MM-dd' text naming a date that exists (no 2025-02-29, no 2025-13-01). */
export function isLocalDate(text: string): boolean {
  return dayNumberOrNull(text) !== null;
}

/** True for 'HH:mm' text between 00:00 and 23:59. */
export function isLocalTime(text: string): boolean {
  return LOCAL_TIME.test(text);
}

/** Days since 1970-01-01 of a local date, or null if the text is not a real date. */
function dayNumberOrNull(text: string): number | null {
  const match = LOCAL_DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC silently rolls 02-30 into March, and maps years 0–99 to 1900s: compare the fields back.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / millisecondsInDay;
}

function dayNumberOf(date: LocalDate): number {
  const dayNumber = dayNumberOrNull(date);
  if (dayNumber === null) {
    throw new CommandError('invalid_argument', `Ngày "${date}" không có thật hoặc sai dạng yyyy-MM-dd.`);
  }
  return dayNumber;
}

function localDateOfDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * millisecondsInDay).toISOString().slice(0, 10);
}

/** Minutes after local midnight of an 'HH:mm' time. */
export function minutesOfLocalTime(time: LocalTime): number {
  const match = LOCAL_TIME.exec(time);
  if (match === null) {
    throw new CommandError('invalid_argument', `Giờ "${time}" không hợp lệ (cần dạng HH:mm, từ 00:00 đến 23:59).`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Epoch ms of 00:00 Vietnam time on a local date. */
export function localMidnightMs(date: LocalDate): number {
  return dayNumberOf(date) * millisecondsInDay - VIETNAM_UTC_OFFSET_MS;
}

/** Epoch ms of a Vietnam wall-clock time on a local date. */
export function localDateTimeMs(date: LocalDate, time: LocalTime): number {
  return localMidnightMs(date) + minutesOfLocalTime(time) * millisecondsInMinute;
}

/** The stored instant (ISO UTC) of a Vietnam wall-clock time on a local date. */
export function instantOfLocal(date: LocalDate, time: LocalTime): string {
  return msToInstant(localDateTimeMs(date, time));
}

/** The local date `days` days after (or before, if negative) `date`. */
export function addDaysToLocalDate(date: LocalDate, days: number): LocalDate {
  return localDateOfDayNumber(dayNumberOf(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetweenLocalDates(from: LocalDate, to: LocalDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** Day of the week of a local date (0 = Sunday … 6 = Saturday). */
export function weekdayOf(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumberOf(date) + 4) % 7) + 7) % 7) as Weekday;
}

/** Vietnamese name of a weekday, for messages: 'Chủ nhật', 'Thứ Hai', … */
export function weekdayName(weekday: Weekday): string {
  return WEEKDAY_NAMES[weekday];
}
