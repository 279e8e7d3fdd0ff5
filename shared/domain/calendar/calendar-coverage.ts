// Which years the desk's calendar holds, and what to say when it does not hold one it needs. A year
// absent from the calendar still has weekends and the fixed solar holidays, but not Tết, Hùng Kings'
// day, compensatory days or swaps: a deadline counted through such a year is a guess, and the officer
// and the supervisor must see that it is.
import type { WorkCalendar } from './work-calendar.js';
import { localDateOf, type Instant, type LocalDate } from './vietnam-time.js';

/** From this month (1-based) the supervisor is warned when next year's calendar is not loaded. */
export const NEXT_YEAR_WARNING_MONTH = 11;

/** The years from `from`'s to `to`'s (local dates, inclusive) that the calendar has no entry for, ascending. */
export function missingCalendarYears(from: LocalDate, to: LocalDate, calendar: WorkCalendar): number[] {
  const loaded = new Set(calendar.years.map((year) => year.year));
  const missing: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) if (!loaded.has(year)) missing.push(year);
  return missing;
}

function yearList(years: readonly number[]): string {
  return years.map(String).join(', ');
}

/**
 * Shown beside a due date counted (from receipt to the due date) through a year the calendar does not
 * hold, or null when every year it crosses is loaded. The date is still computed — weekends and the
 * fixed solar holidays only — so that the desk can work, but never silently.
 */
export function unloadedCalendarNote(receivedAt: Instant, dueAt: Instant, calendar: WorkCalendar): string | null {
  const missing = missingCalendarYears(localDateOf(receivedAt), localDateOf(dueAt), calendar);
  if (missing.length === 0) return null;
  return (
    `Lịch chưa có năm ${yearList(missing)}: ngày hẹn chỉ trừ thứ Bảy, Chủ nhật và ngày lễ dương lịch cố định, ` +
    'chưa trừ Tết, Giỗ Tổ và ngày nghỉ bù — cần kiểm tra lại khi có lịch.'
  );
}

/**
 * From 1 November (Vietnam's date `today`), the warning that next year's calendar is not loaded yet;
 * null before November or once it is. Dossiers received in December already fall due in it.
 */
export function nextYearCalendarWarning(today: LocalDate, calendar: WorkCalendar): string | null {
  if (Number(today.slice(5, 7)) < NEXT_YEAR_WARNING_MONTH) return null;
  const next = Number(today.slice(0, 4)) + 1;
  if (missingCalendarYears(`${next}-01-01`, `${next}-01-01`, calendar).length === 0) return null;
  return (
    `Chưa có lịch làm việc năm ${next}. Ngày hẹn rơi vào năm ${next} sẽ chưa trừ Tết, Giỗ Tổ và ngày nghỉ bù: ` +
    `hãy nhập lịch năm ${next} (mục Lịch làm việc) hoặc đồng bộ lịch trung tâm đã công bố.`
  );
}
