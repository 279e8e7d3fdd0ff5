import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SATISFACTION_LEVELS } from '../../../../shared/domain/dossier/events.js';
import { isPending } from '../../../../shared/domain/dossier/overdue.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { tallyDay, type DailyTally } from '../../../../shared/domain/dossier/tally.js';
import { vietnamDateOf } from '../../../../shared/domain/dossier/vietnam-time.js';
import { buildHistory, planArbitrary } from './history.js';

// Identities between the daily tallies and the states they count: summed over every day on which
// something happened, each daily figure equals the total of that fact across the dossiers.

const statesArbitrary = fc.array(planArbitrary, { minLength: 1, maxLength: 15 }).map((plans) =>
  plans.map((plan) => buildHistory(plan).state).filter((state): state is DossierState => state !== null),
);

function factDates(states: readonly DossierState[]): string[] {
  const instants = states.flatMap((s) => [
    s.receivedAt,
    s.resultAt,
    s.handedBackAt,
    s.withdrawnAt,
    s.ratedAt,
    ...s.supplements.map((round) => round.requestedAt),
    ...s.fees.map((fee) => fee.at),
  ]);
  return [...new Set(instants.filter((i): i is string => i !== null).map(vietnamDateOf))];
}

const received = (t: DailyTally): number => t.receivedByChannel.inPerson + t.receivedByChannel.online + t.receivedByChannel.postal;
const sum = (tallies: readonly DailyTally[], pick: (t: DailyTally) => number): number => tallies.reduce((total, t) => total + pick(t), 0);

describe('tallyDay identities', () => {
  it('summed over the days, each figure equals the total across dossiers', () => {
    fc.assert(
      fc.property(statesArbitrary, fc.integer({ min: Date.parse('2025-03-01T00:00:00Z'), max: Date.parse('2025-04-15T00:00:00Z') }), (states, nowMs) => {
        const now = new Date(nowMs).toISOString();
        const tallies = factDates(states).map((date) => tallyDay(states, date, now));

        // A dossier turned back at the counter counts only once its papers came (receivedAt set on return).
        const receivedDossiers = states.filter((s) => s.intake !== 'refused' && s.receivedAt !== null);
        expect(sum(tallies, received)).toBe(receivedDossiers.length);
        for (const channel of [1, 2, 3] as const) {
          const key = channel === 1 ? 'inPerson' : channel === 2 ? 'online' : 'postal';
          expect(sum(tallies, (t) => t.receivedByChannel[key])).toBe(receivedDossiers.filter((s) => s.channel === channel).length);
        }
        expect(sum(tallies, (t) => t.resultsReady)).toBe(states.filter((s) => s.resultAt !== null).length);
        expect(sum(tallies, (t) => t.handedBack)).toBe(states.filter((s) => s.handedBackAt !== null).length);
        expect(sum(tallies, (t) => t.withdrawn)).toBe(states.filter((s) => s.withdrawnAt !== null && s.receivedAt !== null).length);
        expect(sum(tallies, (t) => t.supplementsRequested)).toBe(states.reduce((n, s) => n + s.supplements.length, 0));
        expect(sum(tallies, (t) => t.feesVnd)).toBe(states.reduce((n, s) => n + s.feesVnd, 0));
        for (const level of SATISFACTION_LEVELS) {
          expect(sum(tallies, (t) => t.ratings[level])).toBe(states.filter((s) => s.rating === level).length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('overdue and due-soon are counts at now: the same for any day, disjoint, within the pending dossiers', () => {
    fc.assert(
      fc.property(statesArbitrary, fc.integer({ min: Date.parse('2025-03-01T00:00:00Z'), max: Date.parse('2025-04-15T00:00:00Z') }), (states, nowMs) => {
        const now = new Date(nowMs).toISOString();
        const a = tallyDay(states, '2025-03-02', now);
        const b = tallyDay(states, '2025-03-09', now);
        expect([a.overdue, a.dueWithin24h]).toEqual([b.overdue, b.dueWithin24h]);
        expect(a.overdue + a.dueWithin24h).toBeLessThanOrEqual(states.filter(isPending).length);
        expect(tallyDay([...states].reverse(), '2025-03-02', now)).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
