import { CommandError } from '../../contract/errors.js';
import { addDaysToLocalDate, isLocalDate } from '../calendar/vietnam-time.js';
import type { DossierState } from '../dossier/state.js';
import { vietnamDateOf } from '../dossier/vietnam-time.js';
import { bieu06FinishedAt, isInBieu06Scope, settlementOf } from './bieu06.js';

// The last N days at a glance (the chart under the daily tally): what came in by channel, what went
// back to citizens, and how much of what was settled that day was settled on time. Reference
// implementation over folded states; the desk's SQL is checked against it.
// - received: as the daily tally counts it (accepted that day, or completed by the papers of a dossier
//   turned back at the counter — not the day form 02 was issued);
// - handed back: results handed to the citizen that day;
// - settled / on time: as Biểu 06 counts them (bieu06.ts rules 3 and 6) for dossiers finished that
//   day — withdrawn and stopped ones are on time; the rate is null on a day nothing was settled.

export const MAX_SERIES_DAYS = 92;

export interface DailySeriesPoint {
  readonly date: string;
  readonly received: { readonly inPerson: number; readonly online: number; readonly postal: number };
  readonly handedBack: number;
  readonly settled: number;
  /** Early or on time. */
  readonly settledOnTime: number;
  /** settledOnTime / settled, 0–1; null when nothing was settled. */
  readonly onTimeRate: number | null;
}

export interface DailySeries {
  readonly from: string;
  readonly to: string;
  readonly points: readonly DailySeriesPoint[];
}

export interface DailySeriesCounts {
  inPerson: number;
  online: number;
  postal: number;
  handedBack: number;
  settled: number;
  settledOnTime: number;
}

export function seriesDays(to: string, days: number): string[] {
  if (!isLocalDate(to)) throw new CommandError('invalid_argument', `Ngày "${to}" không có thật (cần dạng yyyy-MM-dd).`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_SERIES_DAYS) {
    throw new CommandError('invalid_argument', `Số ngày của biểu đồ phải từ 1 đến ${MAX_SERIES_DAYS}.`);
  }
  return Array.from({ length: days }, (_, i) => addDaysToLocalDate(to, i - days + 1));
}

const emptyCounts = (): DailySeriesCounts => ({ inPerson: 0, online: 0, postal: 0, handedBack: 0, settled: 0, settledOnTime: 0 });

/** Points for the given days (oldest first) from counts per date; a missing date is a day of zeros. */
export function assembleDailySeries(days: readonly string[], counts: ReadonlyMap<string, DailySeriesCounts>): DailySeries {
  const points = days.map((date) => {
    const c = counts.get(date) ?? emptyCounts();
    return {
      date,
      received: { inPerson: c.inPerson, online: c.online, postal: c.postal },
      handedBack: c.handedBack,
      settled: c.settled,
      settledOnTime: c.settledOnTime,
      onTimeRate: c.settled === 0 ? null : c.settledOnTime / c.settled,
    };
  });
  return { from: days[0]!, to: days.at(-1)!, points };
}

export function dailySeriesFromStates(states: readonly DossierState[], to: string, days: number): DailySeries {
  const dates = seriesDays(to, days);
  const wanted = new Set(dates);
  const counts = new Map<string, DailySeriesCounts>();
  const at = (date: string): DailySeriesCounts | null => {
    if (!wanted.has(date)) return null;
    let c = counts.get(date);
    if (c === undefined) counts.set(date, (c = emptyCounts()));
    return c;
  };
  for (const state of states) {
    if (!state.created) continue;
    if (state.intake !== 'refused' && state.receivedAt !== null) {
      const c = at(vietnamDateOf(state.receivedAt));
      if (c !== null) c[state.channel === 1 ? 'inPerson' : state.channel === 2 ? 'online' : 'postal'] += 1;
    }
    if (state.handedBackAt !== null) {
      const c = at(vietnamDateOf(state.handedBackAt));
      if (c !== null) c.handedBack += 1;
    }
    const finished = isInBieu06Scope(state) ? bieu06FinishedAt(state) : null;
    if (finished !== null) {
      const c = at(vietnamDateOf(finished));
      if (c !== null) {
        c.settled += 1;
        if (settlementOf(state) !== 'late') c.settledOnTime += 1;
      }
    }
  }
  return assembleDailySeries(dates, counts);
}
