import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../../../shared/domain/catalogue/seed/sectors.js';
import { tallyDay } from '../../../../shared/domain/dossier/tally.js';
import { vietnamDateOf } from '../../../../shared/domain/dossier/vietnam-time.js';
import { addDaysToLocalDate } from '../../../../shared/domain/calendar/vietnam-time.js';
import { bieu06FromStates, bieu06Problems } from '../../../../shared/domain/reports/bieu06.js';
import { dailySeriesFromStates } from '../../../../shared/domain/reports/daily-series.js';
import { logBookFromStates } from '../../../../shared/domain/reports/log-book.js';
import { overdueListFromStates } from '../../../../shared/domain/reports/overdue-list.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { daysOf, type ReportPeriod } from '../../../../shared/domain/reports/report-period.js';
import { satisfactionFromStates } from '../../../../shared/domain/reports/satisfaction.js';
import { CatalogueRepository } from '../../../../electron/core/catalogue/catalogue-repository.js';
import { OfficerRepository } from '../../../../electron/core/officers/officer-repository.js';
import { ReportService } from '../../../../electron/core/reports/report-service.js';
import { SettingsRepository } from '../../../../electron/core/settings/settings-repository.js';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { openTestDesk } from '../../../support/desk-fixture.js';
import { foldedStates, playRandomHistory, randomStep } from './random-desk.js';

// The SQL of every report equals the pure reference in shared/domain/reports over the folded states,
// for random histories and random periods; and the report projections are a function of the log.

const REPORT_TABLES = ['report_bieu06', 'report_waits', 'report_ratings', 'report_log_book'];
const withoutHeader = <T extends { header: unknown }>(value: T): Omit<T, 'header'> => {
  const { header: _header, ...rest } = value;
  return rest;
};

/**
 * A period from two fractions over the days on which something happened (± one day), so that
 * periods begin and end where dossiers are received, wait, get apologies and finish.
 */
function periodFrom(days: readonly string[], a: number, b: number): ReportPeriod {
  const [x, y] = [Math.floor(a * days.length), Math.floor(b * days.length)].map((i) => Math.min(i, days.length - 1)).sort((p, q) => p - q) as [number, number];
  return { from: days[x]!, to: days[y]! };
}

function eventfulDays(states: readonly DossierState[], today: string): string[] {
  const instants = states.flatMap((s) => [
    s.receivedAt,
    s.resultAt,
    s.withdrawnAt,
    s.stoppedAt,
    s.appointmentAt,
    s.originalAppointmentAt,
    ...s.supplements.flatMap((r) => [r.requestedAt, r.receivedAt]),
    ...s.reschedules.flatMap((r) => [r.at, r.previousAppointmentAt]),
  ]);
  const days = new Set<string>();
  for (const instant of instants) {
    if (instant === null) continue;
    const day = vietnamDateOf(instant);
    for (const d of [addDaysToLocalDate(day, -1), day, addDaysToLocalDate(day, 1)]) if (d <= today) days.add(d);
  }
  return days.size === 0 ? [today] : [...days].sort();
}

describe('report SQL equals the pure reference', () => {
  it('for random histories spanning months and random periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(randomStep, { minLength: 1, maxLength: 45 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 4, maxLength: 8 }),
        async (steps, cuts) => {
          const desk = await openTestDesk({ at: '2026-01-05T01:00:00Z' });
          try {
            const ids = await playRandomHistory(desk, steps);
            const incremental = snapshotDatabase(desk.core.db, { only: REPORT_TABLES });
            await desk.call('dossiers.rebuild', {});
            expect(snapshotDatabase(desk.core.db, { only: REPORT_TABLES })).toEqual(incremental);

            const states = foldedStates(desk, ids);
            const nowIso = desk.clock.iso();
            const today = vietnamDateOf(nowIso);
            const days = eventfulDays(states, today);
            const periods = [{ from: '2026-01-01', to: today }, ...cuts.map(([a, b]) => periodFrom(days, a, b))];
            const officers = new OfficerRepository(desk.core.db);
            const officerName = (id: string) => officers.find(id)?.fullName ?? null;

            for (const period of periods) {
              const sql = await desk.call('reports.bieu06', period);
              const reference = bieu06FromStates(states, period, SECTORS);
              expect({ ...withoutHeader(sql), problems: undefined }).toEqual({ ...reference, problems: undefined });
              expect(sql.problems).toEqual([]);
              expect([...reference.rows, reference.total].flatMap(bieu06Problems)).toEqual([]);

              expect(withoutHeader(await desk.call('reports.satisfaction', period))).toEqual(satisfactionFromStates(states, period, officerName));
              const book = await desk.call('reports.logBook', { ...period, limit: 2000 });
              expect(book.rows).toEqual(logBookFromStates(states, period).rows);
            }

            for (const to of [today, periods[1]!.to]) {
              expect(withoutHeader(await desk.call('reports.dailySeries', { to, days: 30 }))).toEqual(dailySeriesFromStates(states, to, 30));
            }
            expect(withoutHeader(await desk.call('reports.overdue', {}))).toEqual(overdueListFromStates(states, nowIso));

            const service = new ReportService({
              db: desk.core.db,
              catalogue: new CatalogueRepository(desk.core.db),
              officers,
              settings: new SettingsRepository(desk.core.db),
              now: desk.clock.now,
            });
            const lastWeek = { from: addDaysToLocalDate(today, -6), to: today };
            const lines = service.dayTallies(lastWeek);
            expect(lines.map((l) => l.date)).toEqual(daysOf(lastWeek));
            for (const line of lines) {
              const { overdue: _o, dueWithin24h: _d, ...day } = tallyDay(states, line.date, nowIso);
              expect(line.tally).toEqual(day);
            }
          } finally {
            desk.dispose();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
