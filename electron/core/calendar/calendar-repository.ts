import { parseCalendarYear, parseCalendarYearFor } from '../../../shared/domain/calendar/calendar-validation.js';
import { SEED_CALENDAR_YEARS, SEED_WORK_CALENDAR } from '../../../shared/domain/calendar/seed-calendar.js';
import type { CalendarYear, WorkCalendar } from '../../../shared/domain/calendar/work-calendar.js';
import type { CalendarOrigin } from '../../../shared/contract/catalogue.js';
import type { DeskDatabase } from '../db/open-database.js';

export interface StoredCalendarYear {
  readonly year: CalendarYear;
  readonly origin: CalendarOrigin;
  readonly updatedAt: string;
}

/** The desk's working calendar: the fixed rules plus each year an administrator has set. */
export class CalendarRepository {
  constructor(private readonly db: DeskDatabase) {}

  /**
   * Stores each year the app ships that this desk does not have yet (an update brings next year's
   * seed to a desk set up earlier). A year the desk has — seeded, edited or published by the
   * centre — is never touched.
   */
  seedMissingYears(nowIso: string): void {
    for (const year of SEED_CALENDAR_YEARS) if (this.year(year.year) === null) this.put(year, nowIso, null);
  }

  year(year: number): CalendarYear | null {
    return this.stored(year)?.year ?? null;
  }

  /**
   * A year with where it came from. The table keeps who stored it: an officer (an edit at this desk)
   * or nobody (the seed, or the centre's publication — told apart by being the shipped record).
   */
  stored(year: number): StoredCalendarYear | null {
    const row = this.db
      .prepare<[number], { record: string; updated_at: string; updated_by: string | null }>(
        'SELECT record, updated_at, updated_by FROM calendar_years WHERE year = ?',
      )
      .get(year);
    if (row === undefined) return null;
    const seed = SEED_CALENDAR_YEARS.find((entry) => entry.year === year);
    const origin: CalendarOrigin =
      row.updated_by !== null ? 'desk' : seed !== undefined && JSON.stringify(parseCalendarYear(seed)) === row.record ? 'seed' : 'centre';
    return { year: JSON.parse(row.record) as CalendarYear, origin, updatedAt: row.updated_at };
  }

  /**
   * Stores one year (replacing the year's earlier record) after the whole check: the year alone,
   * and its make-up days against this desk's weekends and fixed holidays. Anything else is an
   * `invalid_argument` CommandError naming each problem, thrown before anything is written.
   */
  put(rawYear: unknown, nowIso: string, officerId: string | null): CalendarYear {
    const year = parseCalendarYearFor(this.workCalendar(), rawYear);
    this.db
      .prepare(
        `INSERT INTO calendar_years (year, record, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (year) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(year.year, JSON.stringify(year), nowIso, officerId);
    return year;
  }

  /** The whole calendar as deadlines need it; read fresh each time so a change applies at once. */
  workCalendar(): WorkCalendar {
    const years = this.db
      .prepare<[], { record: string }>('SELECT record FROM calendar_years ORDER BY year')
      .all()
      .map((row) => JSON.parse(row.record) as CalendarYear);
    return { ...SEED_WORK_CALENDAR, years };
  }
}
