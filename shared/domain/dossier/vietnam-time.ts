// The dossier domain reads Vietnam dates through the calendar's time module (fixed UTC+7, never the
// machine's zone); these names are the ones the fold, the tally and the reports use.
import { VIETNAM_UTC_OFFSET_MS, isLocalDate, localDateOf, localTimeOf } from '../calendar/vietnam-time.js';

export const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_MS;
export { isLocalDate };

// Events store instants as ISO-8601 UTC ('…Z', the event schema's rule). For those the date is a
// seven-hour shift, computed without the general parser: projections call this a dozen times per
// dossier (the desk's, and the centre's dashboard in its append path). Anything else: localDateOf.
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z$/;

const DAY_MS = 86_400_000;
/** Vietnam day number → its date text. A sync page asks for the same few hundred days again and again. */
const DATE_OF_DAY = new Map<number, string>();

/** The Vietnam calendar date (yyyy-MM-dd) on which an ISO instant falls. */
export function vietnamDateOf(instant: string): string {
  if (UTC_INSTANT.test(instant)) {
    const ms = Date.parse(instant);
    if (Number.isFinite(ms)) {
      // The same text as formatting the shifted instant itself: the date depends on the day alone.
      const day = Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
      let date = DATE_OF_DAY.get(day);
      if (date === undefined) {
        date = new Date(day * DAY_MS).toISOString().slice(0, 10);
        if (DATE_OF_DAY.size < 100_000) DATE_OF_DAY.set(day, date);
      }
      return date;
    }
  }
  return localDateOf(instant);
}

/** "HH:mm dd/MM/yyyy" in Vietnam time, as printed on the forms. */
export function formatVietnamTime(instant: string): string {
  const [year, month, day] = localDateOf(instant).split('-');
  return `${localTimeOf(instant)} ${day}/${month}/${year}`;
}
