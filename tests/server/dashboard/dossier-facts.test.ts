import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../../shared/domain/calendar/vietnam-time.js';
import { vietnamDateOf } from '../../../shared/domain/dossier/vietnam-time.js';
import { foldDossier } from '../../../shared/domain/dossier/fold.js';
import { tallyDay } from '../../../shared/domain/dossier/tally.js';
import { dashboardRowOf, type DayFactKind } from '../../../server/dashboard/dossier-facts.js';
import { cityHistory } from './support/city-history.js';

// The dashboard's per-dossier facts: one row per created dossier, facts on the Vietnam date they
// happened; and the fast path vietnamDateOf takes for events' UTC instants gives the general parser's date.

describe("the dashboard's dossier facts", () => {
  it('vietnamDateOf agrees with the calendar module for any UTC instant, with or without milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }), fc.boolean(), (ms, withMs) => {
        const iso = new Date(ms).toISOString();
        const text = withMs ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
        expect(vietnamDateOf(text)).toBe(localDateOf(text));
      }),
      { numRuns: 2000 },
    );
    expect(vietnamDateOf('2026-11-29T16:59:59.999Z')).toBe('2026-11-29');
    expect(vietnamDateOf('2026-11-29T17:00:00Z')).toBe('2026-11-30');
    // Not a UTC instant: the general parser decides (and refuses what it cannot read).
    expect(vietnamDateOf('2026-11-29T23:30:00+07:00')).toBe('2026-11-29');
    expect(() => vietnamDateOf('29/11/2026')).toThrow();
  });

  it("a dossier's day facts, summed per day, are the daily tally of that dossier", () => {
    const [stream] = cityHistory({ units: ['06691'], perUnitPerDay: 8, fromDay: '2026-11-02', lastMs: Date.parse('2026-11-27T09:00:00Z'), seed: 5 });
    const events = [...stream!.batches(100_000)].flat();
    const ids = [...new Set(events.map((e) => e.dossierId))];
    const states = ids.map((id) => foldDossier(events.filter((e) => e.dossierId === id))!);
    const now = '2026-11-27T09:00:00.000Z';
    for (const day of ['2026-11-02', '2026-11-10', '2026-11-20', '2026-11-27']) {
      const counted = new Map<string, number>();
      for (const state of states) for (const fact of dashboardRowOf(state)?.dayFacts ?? []) if (fact.day === day) counted.set(fact.kind, (counted.get(fact.kind) ?? 0) + fact.amount);
      const t = tallyDay(states, day, now);
      const n = (kind: DayFactKind) => counted.get(kind) ?? 0;
      expect([n('received_channel_1'), n('received_channel_2'), n('received_channel_3')]).toEqual([t.receivedByChannel.inPerson, t.receivedByChannel.online, t.receivedByChannel.postal]);
      expect([n('result'), n('handed_back'), n('withdrawn'), n('supplement_requested'), n('fee')]).toEqual([t.resultsReady, t.handedBack, t.withdrawn, t.supplementsRequested, t.feesVnd]);
      expect([n('rating_very_satisfied'), n('rating_satisfied'), n('rating_not_satisfied'), n('rating_not_rated')]).toEqual([
        t.ratings.very_satisfied,
        t.ratings.satisfied,
        t.ratings.not_satisfied,
        t.ratings.not_rated,
      ]);
    }
    // Refused dossiers have a row (they exist) but no Biểu 06 facts and no reception fact.
    const refused = states.find((s) => s.status === 3)!;
    expect(dashboardRowOf(refused)).toMatchObject({ bieu06: null, clockRunning: false, code: null });
    expect(dashboardRowOf(refused)!.dayFacts.filter((f) => f.kind.startsWith('received'))).toEqual([]);
  });
});
