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

/**
 * 'ngày 05 tháng 02 năm 2026', 'ngày 23 tháng 11 năm 2026', 'ngày 15 tháng 3 năm 2026'. Decree
 * 30/2020/NĐ-CP (administrative documents) pads a day below 10 and the months 1 and 2 with a zero, and
 * no other month: the zero stops "1" being turned into "11" or "12" by hand.
 */
export function writtenDate(date: LocalDate): string {
  const [year = '', month = '', day = ''] = date.split('-');
  const monthNumber = Number(month);
  const monthText = monthNumber <= 2 ? month : String(monthNumber);
  return `ngày ${day} tháng ${monthText} năm ${year}`;
}

/** 'Hạ Long, ngày 23 tháng 11 năm 2026': the place-and-date line under the national motto. */
export function placeAndDate(place: string, instant: Instant): string {
  return `${place}, ${writtenDate(localDateOf(instant))}`;
}
