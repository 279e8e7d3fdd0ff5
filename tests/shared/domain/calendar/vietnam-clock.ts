// Test helpers: write and read instants as Vietnam wall-clock text, so expectations read like a desk's receipt.
import { instantOfLocal, localDateOf, localTimeOf, type Instant } from '../../../../shared/domain/calendar/vietnam-time.js';

/** '2025-03-03 09:00' (Vietnam time) → the stored ISO UTC instant. */
export function vn(dateAndTime: string): string {
  const [date = '', time = ''] = dateAndTime.split(' ');
  return instantOfLocal(date, time);
}

/** A stored instant → '2025-03-03 09:00' (Vietnam time). */
export function wall(instant: Instant): string {
  return `${localDateOf(instant)} ${localTimeOf(instant)}`;
}
