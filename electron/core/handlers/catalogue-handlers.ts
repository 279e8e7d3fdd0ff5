import type { Handlers } from '../../../shared/contract/commands.js';
import type { CalendarView } from '../../../shared/contract/catalogue.js';
import { nextYearCalendarWarning } from '../../../shared/domain/calendar/calendar-coverage.js';
import { localDateOf } from '../../../shared/domain/calendar/vietnam-time.js';
import { SEED_WORK_CALENDAR } from '../../../shared/domain/calendar/seed-calendar.js';
import type { CoreContext } from './context.js';

type CatalogueHandlers = Pick<Handlers, 'catalogue.units' | 'catalogue.procedures' | 'calendar.get' | 'calendar.set'>;

export function catalogueHandlers(ctx: CoreContext): CatalogueHandlers {
  return {
    'catalogue.units': (args) => ctx.catalogue.units(args.validOn),

    'catalogue.procedures': (args) => ({
      sectors: ctx.catalogue.sectors(),
      procedures: ctx.catalogue.procedures({ text: args.text ?? undefined, sectorId: args.sectorId }),
    }),

    'calendar.get': (args) => calendarView(ctx, args.year),

    'calendar.set': (args) => {
      const officer = ctx.session.requireOfficer('supervisor');
      // The command schema checked the year alone; the repository checks it against the desk's calendar too.
      const year = ctx.calendar.put(args, new Date(ctx.now()).toISOString(), officer.id);
      return calendarView(ctx, year.year);
    },
  };
}

/** A year as this desk holds it, with the desk's rules and, by the core's clock, next year's warning. */
function calendarView(ctx: CoreContext, year: number): CalendarView {
  const stored = ctx.calendar.stored(year);
  const calendar = ctx.calendar.workCalendar();
  return {
    year: stored?.year ?? { year, holidays: [], makeUpDays: [] },
    configured: stored !== null,
    sessions: calendar.sessions,
    weekendDays: calendar.weekendDays,
    fixedHolidays: SEED_WORK_CALENDAR.fixedHolidays,
    origin: stored?.origin ?? null,
    updatedAt: stored?.updatedAt ?? null,
    nextYearWarning: nextYearCalendarWarning(localDateOf(new Date(ctx.now()).toISOString()), calendar),
  };
}
