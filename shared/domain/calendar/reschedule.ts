// Form 04 (phiếu xin lỗi và hẹn lại ngày trả kết quả — apology with a new appointment): which new
// date a desk may promise, and until when the apology is on time. One rule for the desk's core and
// the centre's staff, who both record the same event.
//
// - The new appointment is a time the desk can keep: a whole minute, inside a working session of a
//   working day of the calendar (17:00 itself included, as the deadlines end there), strictly after
//   the current appointment and after now.
// - DOMAIN.md: the apology comes at least one day before the due date — calendar days, by Vietnam
//   date, so for an appointment on Thursday the last day is Wednesday. Later than that an officer is
//   refused; a supervisor may still apologise, but must say so explicitly (the form's "đồng ý hẹn
//   lại sau thời hạn"), so a late apology is always a decision someone took, never an oversight.
import type { ErrorCode } from '../../contract/errors.js';
import type { WorkCalendar } from './work-calendar.js';
import { dayOffReason, nextWorkingDay } from './working-days.js';
import { isWithinWorkingTime, sessionSpansOn } from './working-time.js';
import {
  addDaysToLocalDate,
  formatLocalDate,
  instantOfLocal,
  instantToMs,
  isWholeMinute,
  localDateOf,
  localTimeOf,
  msToInstant,
  type Instant,
  type LocalDate,
} from './vietnam-time.js';

/** How many days before the due date the apology must come, at the latest. */
export const APOLOGY_LEAD_DAYS = 1;

export interface RescheduleRequest {
  readonly currentAppointment: Instant;
  readonly newAppointment: Instant;
  readonly now: Instant;
  /** Who may approve a late apology, as the refusal names them ("cán bộ giám sát"). */
  readonly lateApprover: string;
  /** The one asking is such a person… */
  readonly mayApproveLate: boolean;
  /** …and approved this late apology explicitly. */
  readonly approveLate: boolean;
}

export interface RescheduleRefusal {
  readonly code: Extract<ErrorCode, 'invalid_argument' | 'forbidden'>;
  readonly message: string;
}

/** What the form-04 dialog offers: a new appointment that passes, and whether it is already late. */
export interface RescheduleHint {
  readonly suggestedAt: string;
  /** The last day (yyyy-MM-dd) an apology is on time. */
  readonly lastApologyDay: LocalDate;
  readonly late: boolean;
}

/** "07:00–11:30, 13:30–17:00": the sessions, as a message names them. */
export function workingHoursText(calendar: WorkCalendar): string {
  return calendar.sessions.map((session) => `${session.start}–${session.end}`).join(', ');
}

/** The last day an apology for an appointment is on time. */
export function lastApologyDay(currentAppointment: Instant): LocalDate {
  return addDaysToLocalDate(localDateOf(currentAppointment), -APOLOGY_LEAD_DAYS);
}

/** True when today (Vietnam date of `now`) is past the last day for the apology. */
export function isLateApology(currentAppointment: Instant, now: Instant): boolean {
  return localDateOf(now) > lastApologyDay(currentAppointment);
}

const at = (instant: Instant): string => `${localTimeOf(instant)} ngày ${formatLocalDate(localDateOf(instant))}`;

/** Why this new appointment may not be given now, or null when it may. */
export function rescheduleRefusal(request: RescheduleRequest, calendar: WorkCalendar): RescheduleRefusal | null {
  const { currentAppointment, newAppointment, now } = request;
  if (isLateApology(currentAppointment, now)) {
    const deadline =
      `Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) phải lập chậm nhất ngày ${formatLocalDate(lastApologyDay(currentAppointment))}, ` +
      `trước ngày hẹn trả ${formatLocalDate(localDateOf(currentAppointment))} ít nhất ${APOLOGY_LEAD_DAYS} ngày; nay đã quá thời hạn đó.`;
    if (!request.mayApproveLate) return { code: 'forbidden', message: `${deadline} Chỉ ${request.lateApprover} được hẹn lại sau thời hạn.` };
    if (!request.approveLate) {
      return { code: 'invalid_argument', message: `${deadline} Hãy xác nhận đồng ý hẹn lại sau thời hạn (với tư cách ${request.lateApprover}).` };
    }
  }
  const hours = workingHoursText(calendar);
  if (!isWholeMinute(newAppointment)) {
    return { code: 'invalid_argument', message: 'Ngày giờ hẹn mới phải tròn phút (giờ:phút, không có giây).' };
  }
  if (instantToMs(newAppointment) <= instantToMs(currentAppointment)) {
    return { code: 'invalid_argument', message: `Ngày hẹn mới phải sau ngày hẹn hiện tại (${at(currentAppointment)}).` };
  }
  if (instantToMs(newAppointment) <= instantToMs(now)) {
    return { code: 'invalid_argument', message: `Ngày hẹn mới phải sau thời điểm hiện tại (${at(now)}).` };
  }
  const date = localDateOf(newAppointment);
  const offReason = dayOffReason(date, calendar);
  if (offReason !== null) {
    return {
      code: 'invalid_argument',
      message:
        `Ngày hẹn mới phải là ngày làm việc, trong giờ làm việc (${hours}): ngày ${formatLocalDate(date)} là ngày nghỉ — ${offReason}. ` +
        `Ngày làm việc kế tiếp là ${formatLocalDate(nextWorkingDay(date, calendar))}.`,
    };
  }
  if (!isWithinWorkingTime(newAppointment, calendar)) {
    return {
      code: 'invalid_argument',
      message: `Giờ hẹn mới phải trong giờ làm việc (${hours}); ${localTimeOf(newAppointment)} ngày ${formatLocalDate(date)} ở ngoài giờ làm việc.`,
    };
  }
  return null;
}

/**
 * A new appointment that passes, for the dialog to start from: the current appointment's time of
 * day on the next working day after both it and today (the end of that day's last session when
 * the time falls outside working hours).
 */
export function suggestedNewAppointment(currentAppointment: Instant, now: Instant, calendar: WorkCalendar): string {
  const currentDate = localDateOf(currentAppointment);
  const today = localDateOf(now);
  const date = nextWorkingDay(currentDate > today ? currentDate : today, calendar);
  const sameTime = instantOfLocal(date, localTimeOf(currentAppointment));
  if (isWithinWorkingTime(sameTime, calendar)) return sameTime;
  const spans = sessionSpansOn(date, calendar);
  return msToInstant(spans[spans.length - 1]!.endMs);
}

/** The dialog's starting point for a dossier with this appointment, now. */
export function rescheduleHint(currentAppointment: Instant, now: Instant, calendar: WorkCalendar): RescheduleHint {
  return {
    suggestedAt: suggestedNewAppointment(currentAppointment, now, calendar),
    lastApologyDay: lastApologyDay(currentAppointment),
    late: isLateApology(currentAppointment, now),
  };
}
