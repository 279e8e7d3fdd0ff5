import { z } from 'zod';
import type { CalendarYear, WorkCalendar } from '../domain/calendar/work-calendar.js';
import type { Procedure } from '../domain/catalogue/procedure.js';
import type { Sector } from '../domain/catalogue/sector.js';
import type { Unit } from '../domain/catalogue/unit.js';
import { localDateArg, optionalTextArg } from './inputs.js';

export const catalogueUnitsArgs = z.strictObject({
  /** Units valid on this date (yyyy-MM-dd); all versions when left out. */
  validOn: localDateArg.optional(),
});

export const catalogueProceduresArgs = z.strictObject({
  /** Type-ahead text, matched without diacritics against the name and code. */
  text: optionalTextArg(200, 'Từ khoá tìm thủ tục'),
  sectorId: z.string().max(64).optional(),
});

export interface CatalogueProcedures {
  sectors: Sector[];
  procedures: Procedure[];
}

export const calendarGetArgs = z.strictObject({
  year: z.int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.'),
});

export interface CalendarView {
  year: CalendarYear;
  /** Whether the year was set by an administrator (false: only the fixed holidays apply). */
  configured: boolean;
  sessions: WorkCalendar['sessions'];
  weekendDays: WorkCalendar['weekendDays'];
  fixedHolidays: WorkCalendar['fixedHolidays'];
  /**
   * Where this desk's copy of the year comes from: the app's seed, the centre's publication, or an edit
   * made at this desk (which the centre's next publication of the year replaces); null when not configured.
   */
  origin: CalendarOrigin | null;
  /** When the year was stored on this desk (ISO instant); null when not configured. */
  updatedAt: string | null;
  /** From 1 November, by the desk's clock: next year has no calendar yet (Vietnamese); else null. */
  nextYearWarning: string | null;
}

export type CalendarOrigin = 'seed' | 'centre' | 'desk';

export type { Unit, Procedure, Sector, CalendarYear };
