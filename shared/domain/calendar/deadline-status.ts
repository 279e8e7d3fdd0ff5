// Whether a dossier kept its appointment. Two different questions with two different answers:
// the desk's overdue flag compares instants; Biểu 06 (the national report form) compares dates.
import { instantToMs, localDateOf, type Instant } from './vietnam-time.js';

/** Overdue (quá hạn) = finished — or, while unfinished, now — strictly after the appointment instant. */
export function isOverdue(appointment: Instant, finishedAtOrNow: Instant): boolean {
  return instantToMs(finishedAtOrNow) > instantToMs(appointment);
}

/** Biểu 06 classes: trước hạn (early), đúng hạn (on time), quá hạn (late). */
export type DateComparison = 'early' | 'on_time' | 'late';

/**
 * Biểu 06 (Circular 01/2020) compares by Vietnam-local DATE, not time: a result finished at 16:30 on
 * the appointment's date is on time even if the appointment was 09:00 that day.
 */
export function compareByDate(finishedAt: Instant, appointment: Instant): DateComparison {
  const finished = localDateOf(finishedAt);
  const due = localDateOf(appointment);
  if (finished < due) return 'early';
  return finished === due ? 'on_time' : 'late';
}
