// Working time: the sessions of working days laid on the time line, measured and walked in ms.
import { millisecondsInMinute } from 'date-fns/constants';
import { CommandError } from '../../contract/errors.js';
import type { WorkCalendar } from './work-calendar.js';
import { isWorkingDay } from './working-days.js';
import {
  addDaysToLocalDate,
  instantToMs,
  localDateOf,
  localMidnightMs,
  minutesOfLocalTime,
  msToInstant,
  type Instant,
  type LocalDate,
} from './vietnam-time.js';

/** One session of one working day, as epoch ms: [startMs, endMs). */
export interface SessionSpan {
  readonly startMs: number;
  readonly endMs: number;
}

// A calendar with no working session for this long is broken; stop instead of looping forever.
const MAX_IDLE_DAYS = 366;

/** Length of one working day: the sum of the sessions (8 h with the default 07:00–11:30, 13:30–17:00). */
export function workingDayLengthMs(calendar: WorkCalendar): number {
  return calendar.sessions.reduce(
    (total, session) => total + (minutesOfLocalTime(session.end) - minutesOfLocalTime(session.start)) * millisecondsInMinute,
    0,
  );
}

/** The sessions of a local date on the time line; none on a day off. */
export function sessionSpansOn(date: LocalDate, calendar: WorkCalendar): SessionSpan[] {
  if (!isWorkingDay(date, calendar)) return [];
  const midnight = localMidnightMs(date);
  return calendar.sessions.map((session) => ({
    startMs: midnight + minutesOfLocalTime(session.start) * millisecondsInMinute,
    endMs: midnight + minutesOfLocalTime(session.end) * millisecondsInMinute,
  }));
}

function noWorkError(fromMs: number): Error {
  return new Error(`Lịch làm việc không có giờ làm việc nào trong ${MAX_IDLE_DAYS} ngày kể từ ${msToInstant(fromMs)}.`);
}

/**
 * When counting starts for something received at `fromMs`: that instant if it is inside a session
 * of a working day; the next session's start if it falls before the morning, at lunch, after the
 * afternoon session or on a day off. An instant exactly at a session's end has no time left in it,
 * so counting starts at the next session.
 */
export function countingStartMs(fromMs: number, calendar: WorkCalendar): number {
  let date = localDateOf(fromMs);
  for (let step = 0; step <= MAX_IDLE_DAYS; step += 1) {
    for (const span of sessionSpansOn(date, calendar)) {
      if (fromMs < span.endMs) return Math.max(span.startMs, fromMs);
    }
    date = addDaysToLocalDate(date, 1);
  }
  throw noWorkError(fromMs);
}

/**
 * The earliest instant by which `amountMs` of working time has elapsed since `fromMs`.
 * Rounding rule: an amount that runs out exactly at a session's end stays there (11:30 or 17:00),
 * never jumping to the next session's start — so a whole number of working days counted from a
 * morning start ends at 17:00 of the last day. Zero returns `fromMs` unchanged.
 */
export function addWorkingTimeMs(fromMs: number, amountMs: number, calendar: WorkCalendar): number {
  if (!Number.isFinite(amountMs) || amountMs < 0) {
    throw new CommandError('invalid_argument', `Thời lượng làm việc phải là số không âm (nhận được ${String(amountMs)}).`);
  }
  if (amountMs === 0) return fromMs;
  let remaining = amountMs;
  let date = localDateOf(fromMs);
  let idleDays = 0;
  for (;;) {
    const spans = sessionSpansOn(date, calendar);
    idleDays = spans.length === 0 ? idleDays + 1 : 0;
    if (idleDays > MAX_IDLE_DAYS) throw noWorkError(fromMs);
    for (const span of spans) {
      if (span.endMs <= fromMs) continue;
      const begin = Math.max(span.startMs, fromMs);
      const available = span.endMs - begin;
      if (remaining <= available) return begin + remaining;
      remaining -= available;
    }
    date = addDaysToLocalDate(date, 1);
  }
}

/** Working time in ms between two instants; negative when `toMs` is before `fromMs`. */
export function workingTimeBetweenMs(fromMs: number, toMs: number, calendar: WorkCalendar): number {
  if (toMs < fromMs) return -workingTimeBetweenMs(toMs, fromMs, calendar);
  const lastDate = localDateOf(toMs);
  let total = 0;
  // 'yyyy-MM-dd' strings order like the dates they name.
  for (let date = localDateOf(fromMs); date <= lastDate; date = addDaysToLocalDate(date, 1)) {
    for (const span of sessionSpansOn(date, calendar)) {
      const overlap = Math.min(span.endMs, toMs) - Math.max(span.startMs, fromMs);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** True when the instant lies in a session of a working day, both ends included. */
export function isWithinWorkingTime(instant: Instant, calendar: WorkCalendar): boolean {
  const ms = instantToMs(instant);
  return sessionSpansOn(localDateOf(ms), calendar).some((span) => span.startMs <= ms && ms <= span.endMs);
}

/** `countingStartMs` for stored instants: returns the ISO UTC instant. */
export function countingStartOf(receivedAt: Instant, calendar: WorkCalendar): string {
  return msToInstant(countingStartMs(instantToMs(receivedAt), calendar));
}

/** `addWorkingTimeMs` for stored instants: returns the ISO UTC instant. */
export function addWorkingTime(from: Instant, amountMs: number, calendar: WorkCalendar): string {
  return msToInstant(addWorkingTimeMs(instantToMs(from), amountMs, calendar));
}

/** Working time in ms between two stored instants; negative when `to` is before `from`. */
export function workingTimeBetween(from: Instant, to: Instant, calendar: WorkCalendar): number {
  return workingTimeBetweenMs(instantToMs(from), instantToMs(to), calendar);
}
