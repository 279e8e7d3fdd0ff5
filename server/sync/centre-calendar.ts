import { SEED_WORK_CALENDAR } from '../../shared/domain/calendar/seed-calendar.js';
import type { CalendarYear, WorkCalendar } from '../../shared/domain/calendar/work-calendar.js';
import { referenceChangeSchema } from '../../shared/sync/schemas.js';
import { CITY_WIDE_SCOPE, type CentreStorage } from '../storage/storage.js';

// The working calendar the desks work by, as the centre knows it: the seed (weekends, fixed
// holidays, the shipped years) with every calendar year the centre published since, the last one of
// a year winning — the same years, in the same order, that each desk applies from its pull.

const PAGE = 1000;

export async function centreWorkCalendar(storage: CentreStorage): Promise<WorkCalendar> {
  const years = new Map<number, CalendarYear>(SEED_WORK_CALENDAR.years.map((year) => [year.year, year]));
  for (const [number, year] of await publishedCalendarYears(storage)) years.set(number, year);
  return { ...SEED_WORK_CALENDAR, years: [...years.values()].sort((a, b) => a.year - b.year) };
}

/** Every calendar year the centre has published, the last publication of a year winning. */
export async function publishedCalendarYears(storage: CentreStorage): Promise<Map<number, CalendarYear>> {
  const years = new Map<number, CalendarYear>();
  // City-wide entries are only reference changes (dossier events carry their unit's scope): a few dozen.
  for (let after = 0; ; ) {
    const rows = await storage.pull([CITY_WIDE_SCOPE], after, PAGE, null);
    for (const row of rows) {
      const change = row.kind === 'reference' ? referenceChangeSchema.safeParse(JSON.parse(row.body)) : null;
      if (change?.success === true && change.data.type === 'calendar.year') years.set(change.data.record.year, change.data.record);
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.seq;
  }
  return years;
}
