// A year's days off and make-up days edited one day at a time on the desk's calendar screen: the
// whole year goes back to the core (`calendar.set`), which checks it against the desk's rules.
import type { CalendarYear } from '../../../../shared/contract/catalogue.js';

export type DayKind = 'holiday' | 'makeUp';

export interface DayEdit {
  date: string;
  kind: DayKind;
  name: string;
  unconfirmed: boolean;
}

const byDate = <T extends { date: string }>(a: T, b: T) => a.date.localeCompare(b.date);

/** The year without any entry on `date`, in either list. */
export function withoutDay(year: CalendarYear, date: string): CalendarYear {
  return {
    ...year,
    holidays: year.holidays.filter((entry) => entry.date !== date),
    makeUpDays: year.makeUpDays.filter((entry) => entry.date !== date),
  };
}

/** The year with `edit` in its list, replacing whatever the date was before (so editing a reason, or turning a day off into a make-up day, is one step). */
export function withDay(year: CalendarYear, edit: DayEdit): CalendarYear {
  const rest = withoutDay(year, edit.date);
  const entry = { date: edit.date, name: edit.name, ...(edit.unconfirmed ? { unconfirmed: true } : {}) };
  return edit.kind === 'holiday'
    ? { ...rest, holidays: [...rest.holidays, entry].sort(byDate) }
    : { ...rest, makeUpDays: [...rest.makeUpDays, entry].sort(byDate) };
}
