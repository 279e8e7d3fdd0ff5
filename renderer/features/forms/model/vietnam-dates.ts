import { localDateOf, localTimeOf, type Instant, type LocalDate } from '../../../../shared/domain/calendar/vietnam-time.js';

// Every date on a form is Vietnam time (fixed UTC+7, no daylight saving), whatever zone the machine
// is set to: a desk PC left on UTC must still print the hour the citizen stood at the counter. The
// shared vietnam-time module computes the local fields without reading the machine's zone.

/** 'dd/MM/yyyy' from a Vietnam date 'yyyy-MM-dd'. */
export function formatLocalDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** 'dd/MM/yyyy' of an instant, in Vietnam. */
export function formatVietnamDate(instant: Instant): string {
  return formatLocalDate(localDateOf(instant));
}

/** 'dd/MM/yyyy HH:mm' of an instant, in Vietnam: the desk's one date-time format. */
export function formatVietnamDateTime(instant: Instant): string {
  return `${formatVietnamDate(instant)} ${localTimeOf(instant)}`;
}

/** '09 giờ 05 phút, ngày 23/11/2026': how form 01 writes the time received and the appointment. */
export function formatHourMinuteDay(instant: Instant): string {
  const [hour, minute] = localTimeOf(instant).split(':');
  return `${hour} giờ ${minute} phút, ngày ${formatVietnamDate(instant)}`;
}
