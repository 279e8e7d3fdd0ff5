import type { Handlers } from '../../../shared/contract/commands.js';
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

    'calendar.get': (args) => {
      const stored = ctx.calendar.year(args.year);
      const calendar = ctx.calendar.workCalendar();
      return {
        year: stored ?? { year: args.year, holidays: [], makeUpDays: [] },
        configured: stored !== null,
        sessions: calendar.sessions,
        weekendDays: calendar.weekendDays,
        fixedHolidays: SEED_WORK_CALENDAR.fixedHolidays,
      };
    },

    'calendar.set': (args) => {
      const officer = ctx.session.requireOfficer('supervisor');
      // The command schema checked the year alone; the repository checks it against the desk's calendar too.
      const year = ctx.calendar.put(args, new Date(ctx.now()).toISOString(), officer.id);
      const calendar = ctx.calendar.workCalendar();
      return {
        year,
        configured: true,
        sessions: calendar.sessions,
        weekendDays: calendar.weekendDays,
        fixedHolidays: SEED_WORK_CALENDAR.fixedHolidays,
      };
    },
  };
}
