// The dossier domain reads Vietnam dates through the calendar's time module (fixed UTC+7, never the
// machine's zone); these names are the ones the fold, the tally and the reports use.
import { VIETNAM_UTC_OFFSET_MS, isLocalDate, localDateOf, localTimeOf } from '../calendar/vietnam-time.js';

export const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_MS;
export { isLocalDate };

/** The Vietnam calendar date (yyyy-MM-dd) on which an ISO instant falls. */
export function vietnamDateOf(instant: string): string {
  return localDateOf(instant);
}

/** "HH:mm dd/MM/yyyy" in Vietnam time, as printed on the forms. */
export function formatVietnamTime(instant: string): string {
  const [year, month, day] = localDateOf(instant).split('-');
  return `${localTimeOf(instant)} ${day}/${month}/${year}`;
}
