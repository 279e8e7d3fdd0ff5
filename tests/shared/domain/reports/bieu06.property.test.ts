import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToLocalDate } from '../../../../shared/domain/calendar/vietnam-time.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { bieu06FromStates, bieu06Problems, type Bieu06Report, type Bieu06Row } from '../../../../shared/domain/reports/bieu06.js';
import { buildHistory, planArbitrary } from '../dossier/history.js';

// Properties of the reference Biểu 06 over random dossier histories (every status reachable, supplement
// rounds, apologies, refusals, withdrawals): the identities between columns, the total line, and how
// consecutive periods fit together — what was pending at the end of one is exactly what the next
// carries over, and settled and newly received dossiers add up across a split.

const SECTORS = [{ id: 'ho-tich', name: 'Hộ tịch' }];
const FIRST_DAY = '2025-02-27';

const statesArbitrary = fc.array(planArbitrary, { minLength: 1, maxLength: 12 }).map((plans) =>
  plans.map((plan) => buildHistory(plan).state).filter((s): s is DossierState => s !== null),
);
// from ≤ middle < to, as day offsets from FIRST_DAY (the histories run from 1 March for up to ~40 days).
const splitArbitrary = fc
  .tuple(fc.nat({ max: 60 }), fc.nat({ max: 30 }), fc.integer({ min: 1, max: 30 }))
  .map(([start, firstLength, secondLength]) => ({
    from: addDaysToLocalDate(FIRST_DAY, start),
    middle: addDaysToLocalDate(FIRST_DAY, start + firstLength),
    to: addDaysToLocalDate(FIRST_DAY, start + firstLength + secondLength),
  }));

const row = (report: Bieu06Report, sectorId: string): Bieu06Row => report.rows.find((r) => r.sectorId === sectorId) ?? report.total;
const sectorsOf = (...reports: Bieu06Report[]) => [...new Set(reports.flatMap((r) => r.rows.map((x) => x.sectorId)))];

describe('Biểu 06 (reference) over random histories', () => {
  it('keeps the identities on every line, and the total line is the sum of the lines', () => {
    fc.assert(
      fc.property(statesArbitrary, splitArbitrary, (states, { from, to }) => {
        const report = bieu06FromStates(states, { from, to }, SECTORS);
        for (const line of [...report.rows, report.total]) expect(bieu06Problems(line)).toEqual([]);
        const sum = (pick: (r: Bieu06Row) => number) => report.rows.reduce((n, r) => n + pick(r), 0);
        expect(report.total.received.total).toBe(sum((r) => r.received.total));
        expect(report.total.received.carriedOver).toBe(sum((r) => r.received.carriedOver));
        expect(report.total.settled.late).toBe(sum((r) => r.settled.late));
        expect(report.total.pending.overdue).toBe(sum((r) => r.pending.overdue));
        // Never counted: refused dossiers and those not created.
        const counted = states.filter((s) => s.created && s.status !== 3 && s.status !== 1 && s.receivedAt !== null);
        expect(report.total.received.total).toBeLessThanOrEqual(counted.length);
      }),
      { numRuns: 300 },
    );
  });

  it('carries over exactly what was pending, and adds up settled and new dossiers across a split', () => {
    let splitsCarryingOver = 0;
    fc.assert(
      fc.property(statesArbitrary, splitArbitrary, (states, { from, middle, to }) => {
        const whole = bieu06FromStates(states, { from, to }, SECTORS);
        const first = bieu06FromStates(states, { from, to: middle }, SECTORS);
        const second = bieu06FromStates(states, { from: addDaysToLocalDate(middle, 1), to }, SECTORS);
        for (const sector of sectorsOf(whole, first, second)) {
          const [w, a, b] = [row(whole, sector), row(first, sector), row(second, sector)];
          expect(b.received.carriedOver).toBe(a.pending.total);
          expect(w.received.carriedOver).toBe(a.received.carriedOver);
          expect(w.received.online).toBe(a.received.online + b.received.online);
          expect(w.received.directOrPostal).toBe(a.received.directOrPostal + b.received.directOrPostal);
          expect(w.settled.early).toBe(a.settled.early + b.settled.early);
          expect(w.settled.onTime).toBe(a.settled.onTime + b.settled.onTime);
          expect(w.settled.late).toBe(a.settled.late + b.settled.late);
          // Both describe the same moment, the end of `to`.
          expect(w.pending).toEqual(b.pending);
        }
        if (second.total.received.carriedOver > 0 && whole.total.settled.total > 0) splitsCarryingOver += 1;
      }),
      { numRuns: 300 },
    );
    // The property is not vacuous: many splits cut through open dossiers.
    expect(splitsCarryingOver).toBeGreaterThan(30);
  });
});
