// The appointment (ngày hẹn trả kết quả — when the result is due) of a dossier, from when it was
// received, the procedure's time limit and the working calendar; and its extension after a supplement.
//
// Appointments are whole minutes: they are printed and read as HH:mm, and one with seconds
// ("07:00:04") is a promise nobody can read. The rule: counting starts at the first whole minute
// at or after receipt (a dossier received at 09:13:27 counts from 09:14; the cut-off still compares
// the exact instant), limits are counted in whole minutes, and a supplement wait in whole minutes
// only (the part of a minute the citizen kept the desk waiting is not added). Sessions start and
// end on whole minutes, so every appointment computed here has zero seconds and milliseconds.
import { millisecondsInHour, millisecondsInMinute } from 'date-fns/constants';
import { CommandError } from '../../contract/errors.js';
import type { WorkCalendar } from './work-calendar.js';
import { firstWorkingDayFrom, isWorkingDay, nextWorkingDay } from './working-days.js';
import { addWorkingTimeMs, countingStartMs, sessionSpansOn, workingDayLengthMs, workingTimeBetweenMs } from './working-time.js';
import {
  addDaysToLocalDate,
  ceilToMinuteMs,
  floorToMinuteMs,
  instantToMs,
  isLocalTime,
  localDateOf,
  localDateTimeMs,
  msToInstant,
  type Instant,
  type LocalDate,
  type LocalTime,
} from './vietnam-time.js';

export const DEADLINE_LIMIT_KINDS = ['working_days', 'calendar_days', 'hours', 'same_day'] as const;
export type DeadlineLimitKind = (typeof DEADLINE_LIMIT_KINDS)[number];

/**
 * A procedure's time limit, already chosen by the caller (some procedures have a shorter limit for
 * online submissions). `amount` is ignored for 'same_day'; for 'calendar_days' it is a whole number.
 */
export interface DeadlineLimit {
  readonly kind: DeadlineLimitKind;
  readonly amount: number;
}

/**
 * Per-procedure rules. `cutoff` ('HH:mm'): a dossier received after it on its day is treated as
 * received on the next working day. Left out, it is 15:00 for same-day procedures and absent for the
 * others; `null` means no cut-off at all.
 */
export interface DeadlineRules {
  readonly cutoff?: LocalTime | null;
}

// Certification (chứng thực) and civil status (hộ tịch) desks: received after 15:00 → next working day.
export const DEFAULT_SAME_DAY_CUTOFF: LocalTime = '15:00';

/**
 * When the result of a dossier received at `receivedAt` is due, as an ISO UTC instant.
 *
 * - working_days: counting starts at the first working whole minute at or after receipt (at lunch →
 *   13:30; after the afternoon session or on a day off → the next working morning; before 07:00 →
 *   07:00), then runs `amount` × the working-day length (8 h by default) through the sessions,
 *   skipping weekends and holidays and working make-up days. The appointment is the earliest
 *   instant at which that time has run out, so it is always inside working time, and one that runs
 *   out exactly at a session's end stays at 11:30 or 17:00 (a dossier received at 07:00 with a
 *   1-day limit is due 17:00 the same day, not 07:00 the next).
 * - hours: the same with `amount` working hours.
 * - calendar_days: due at the end of the working day (17:00 by default) on the date `amount` days
 *   after the receipt date; if that date is a day off, at the end of the next working day (as the
 *   Civil Code 2015, art. 147–148 counts periods in days, with the desk's closing time in place of
 *   midnight). Never before receipt: a 0-day limit received after closing moves to the next working day.
 * - same_day: received on a working day by the cut-off (inclusive) → due at the end of that day's
 *   last session; after it, or on a day off → the end of the next working day.
 */
export function appointmentAt(
  receivedAt: Instant,
  limit: DeadlineLimit,
  rules: DeadlineRules,
  calendar: WorkCalendar,
): string {
  const receivedMs = instantToMs(receivedAt);
  checkLimit(limit);
  const cutoff = cutoffOf(limit, rules);
  switch (limit.kind) {
    case 'working_days':
      return msToInstant(
        addWorkingTimeMs(countingStartAfterCutoff(receivedMs, cutoff, calendar), wholeMinutes(limit.amount * workingDayLengthMs(calendar)), calendar),
      );
    case 'hours':
      return msToInstant(
        addWorkingTimeMs(countingStartAfterCutoff(receivedMs, cutoff, calendar), wholeMinutes(limit.amount * millisecondsInHour), calendar),
      );
    case 'calendar_days':
      return msToInstant(calendarDaysAppointmentMs(receivedMs, limit.amount, cutoff, calendar));
    case 'same_day':
      return msToInstant(sameDayAppointmentMs(receivedMs, cutoff, calendar));
  }
}

/**
 * The appointment moved later by the working time the dossier spent waiting for the citizen's
 * supplement (from the request to the receipt of the missing papers). Time the desk was closed
 * does not count, so a wait over a weekend moves the deadline by the working hours only. The wait
 * counts whole minutes only, and an appointment stored with seconds (before this rule) is first
 * moved up to its next whole minute, so the result is a whole minute.
 */
export function extendBySupplementWait(
  appointment: Instant,
  waitedFrom: Instant,
  waitedTo: Instant,
  calendar: WorkCalendar,
): string {
  const fromMs = instantToMs(waitedFrom);
  const toMs = instantToMs(waitedTo);
  if (toMs < fromMs) {
    throw new CommandError('invalid_argument', 'Thời điểm nhận hồ sơ bổ sung không thể trước thời điểm yêu cầu bổ sung.');
  }
  const waitedMs = floorToMinuteMs(workingTimeBetweenMs(fromMs, toMs, calendar));
  return msToInstant(addWorkingTimeMs(ceilToMinuteMs(instantToMs(appointment)), waitedMs, calendar));
}

/** A duration rounded to the nearest whole minute: limits are whole minutes but may come as fractions (⅓ h). */
function wholeMinutes(ms: number): number {
  return Math.round(ms / millisecondsInMinute) * millisecondsInMinute;
}

function checkLimit(limit: DeadlineLimit): void {
  if (!(DEADLINE_LIMIT_KINDS as readonly string[]).includes(limit.kind)) {
    throw new CommandError('invalid_argument', `Loại thời hạn "${String(limit.kind)}" không được hỗ trợ.`);
  }
  if (limit.kind === 'same_day') return;
  if (!Number.isFinite(limit.amount) || limit.amount < 0) {
    throw new CommandError('invalid_argument', `Thời hạn phải là số không âm (nhận được ${String(limit.amount)}).`);
  }
  if (limit.kind === 'calendar_days' && !Number.isInteger(limit.amount)) {
    throw new CommandError('invalid_argument', `Thời hạn tính theo ngày lịch phải là số nguyên (nhận được ${String(limit.amount)}).`);
  }
}

function cutoffOf(limit: DeadlineLimit, rules: DeadlineRules): LocalTime | null {
  const cutoff = rules.cutoff === undefined ? (limit.kind === 'same_day' ? DEFAULT_SAME_DAY_CUTOFF : null) : rules.cutoff;
  if (cutoff !== null && !isLocalTime(cutoff)) {
    throw new CommandError('invalid_argument', `Giờ chốt nhận hồ sơ "${cutoff}" không hợp lệ (cần dạng HH:mm).`);
  }
  return cutoff;
}

function isAfterCutoff(receivedMs: number, cutoff: LocalTime | null): boolean {
  return cutoff !== null && receivedMs > localDateTimeMs(localDateOf(receivedMs), cutoff);
}

/** End of the last session of a working day. */
function endOfWorkingDayMs(date: LocalDate, calendar: WorkCalendar): number {
  const spans = sessionSpansOn(date, calendar);
  const last = spans[spans.length - 1];
  if (last === undefined) throw new Error(`${date} không phải ngày làm việc.`);
  return last.endMs;
}

function countingStartAfterCutoff(receivedMs: number, cutoff: LocalTime | null, calendar: WorkCalendar): number {
  if (!isAfterCutoff(receivedMs, cutoff)) return countingStartMs(ceilToMinuteMs(receivedMs), calendar);
  return countingStartMs(localDateTimeMs(nextWorkingDay(localDateOf(receivedMs), calendar), '00:00'), calendar);
}

function calendarDaysAppointmentMs(receivedMs: number, days: number, cutoff: LocalTime | null, calendar: WorkCalendar): number {
  const receivedDate = localDateOf(receivedMs);
  const countedFrom = isAfterCutoff(receivedMs, cutoff) ? nextWorkingDay(receivedDate, calendar) : receivedDate;
  const dueDate = firstWorkingDayFrom(addDaysToLocalDate(countedFrom, days), calendar);
  const due = endOfWorkingDayMs(dueDate, calendar);
  return due >= receivedMs ? due : endOfWorkingDayMs(nextWorkingDay(dueDate, calendar), calendar);
}

function sameDayAppointmentMs(receivedMs: number, cutoff: LocalTime | null, calendar: WorkCalendar): number {
  const receivedDate = localDateOf(receivedMs);
  if (isWorkingDay(receivedDate, calendar)) {
    const dayEnd = endOfWorkingDayMs(receivedDate, calendar);
    // A cut-off later than closing time cannot promise a result before the dossier arrived.
    const lastAccepted = cutoff === null ? dayEnd : Math.min(dayEnd, localDateTimeMs(receivedDate, cutoff));
    if (receivedMs <= lastAccepted) return dayEnd;
  }
  return endOfWorkingDayMs(nextWorkingDay(receivedDate, calendar), calendar);
}
