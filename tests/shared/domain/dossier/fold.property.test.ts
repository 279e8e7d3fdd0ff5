import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierEventSchema } from '../../../../shared/domain/dossier/event-schemas.js';
import type { DossierEvent } from '../../../../shared/domain/dossier/events.js';
import { compareEvents, foldDossier, foldIncrementally } from '../../../../shared/domain/dossier/fold.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { DAY, iso } from './scenario.js';
import { buildHistory, extendHistory, planArbitrary, rearrange, stepArbitrary } from './history.js';

const arrival = {
  keys: fc.array(fc.integer(), { minLength: 1, maxLength: 60 }),
  duplicates: fc.array(fc.nat(), { maxLength: 5 }),
};

function foldOneByOne(events: readonly DossierEvent[]): DossierState | null {
  return [...events].sort(compareEvents).reduce<DossierState | null>(foldIncrementally, null);
}

describe('any sequence of allowed actions', () => {
  it('is valid, folds the same incrementally and from scratch, and needs no review', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const { scenario, state } = buildHistory(plan);
        const events = scenario.events;
        for (const event of events) expect(dossierEventSchema.safeParse(event).success).toBe(true);
        // HLC stamps follow causality even with wrong device clocks: stamp order = creation order.
        expect([...events].sort(compareEvents)).toEqual(events);
        const folded = foldDossier(events);
        expect(folded).toEqual(state);
        expect(foldOneByOne(events)).toEqual(folded);
        expect(folded?.needsReview).toBe(false);
        expect(folded?.eventCount).toBe(events.length);
      }),
      { numRuns: 200 },
    );
  });

  it('folds the same under any order of arrival, duplicates included', () => {
    fc.assert(
      fc.property(planArbitrary, arrival.keys, arrival.duplicates, (plan, keys, duplicates) => {
        const { scenario } = buildHistory(plan);
        const reference = foldDossier(scenario.events);
        expect(foldDossier(rearrange(scenario.events, keys, duplicates))).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });
});

describe('concurrent branches (a network partition)', () => {
  const forkArbitrary = fc.record({
    prefix: planArbitrary,
    left: fc.array(stepArbitrary, { maxLength: 10 }),
    right: fc.array(stepArbitrary, { maxLength: 10 }),
    keys: arrival.keys,
    duplicates: arrival.duplicates,
  });

  it('never throws, is order-independent, incremental in (hlc, id) order, and a resolution clears review', () => {
    fc.assert(
      fc.property(forkArbitrary, ({ prefix, left, right, keys, duplicates }) => {
        const base = buildHistory(prefix);
        const end = base.state === null ? prefix.startMs : Date.parse(base.state.lastEventAt);
        const leftHistory = extendHistory({ scenario: base.scenario.fork(), state: base.state }, left, end, ['desk-1']);
        const rightHistory = extendHistory({ scenario: base.scenario.fork(), state: base.state }, right, end, ['desk-2']);
        const shared = base.scenario.events.length;
        const union = [...base.scenario.events, ...leftHistory.scenario.events.slice(shared), ...rightHistory.scenario.events.slice(shared)];

        const merged = foldDossier(union);
        expect(merged).not.toBeNull();
        expect(foldDossier(rearrange(union, keys, duplicates))).toEqual(merged);
        expect(foldOneByOne(union)).toEqual(merged);
        expect(merged?.eventCount).toBe(union.length);

        if (merged?.needsReview) {
          expect(merged.reviewReasons.length).toBeGreaterThan(0);
          const after = leftHistory.scenario.fork();
          after.add('conflict.resolved', iso(Date.parse(merged.lastEventAt) + DAY), { reason: 'Đã đối chiếu', resolution: 'keep_current' }, { deviceId: 'desk-3', nowMs: Number.MAX_SAFE_INTEGER / 1000 });
          const resolution = after.events[after.events.length - 1] as DossierEvent;
          const resolved = foldDossier([...union, resolution]);
          expect(resolved).toMatchObject({ needsReview: false, reviewReasons: [], status: merged.status });
        }
      }),
      { numRuns: 200 },
    );
  });
});
