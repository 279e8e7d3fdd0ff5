import { localDateOf, type Instant, type LocalDate } from './vietnam-time.js';

// How an administrative paper writes the day it is signed, shared by the printed forms and the
// exported reports so the two never disagree.

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
