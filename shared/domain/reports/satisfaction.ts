import type { SatisfactionLevel } from '../dossier/events.js';
import { receivingOfficerOf } from '../dossier/reception.js';
import type { DossierState } from '../dossier/state.js';
import { vietnamDateOf } from '../dossier/vietnam-time.js';
import type { ReportPeriod } from './report-period.js';

// The satisfaction report (DOMAIN.md "Reports"): per unit and per receiving officer, the number of
// ratings and the count and rate of each level. A rating counts in the period of the day it was
// given. "Không đánh giá" (the citizen declined) is shown but is not a rating: rates are shares of
// the ratings actually given. The receiving officer is the one who received the dossier (issued form
// 01: for a dossier turned back at the counter, the officer who took the papers on its return).

export interface SatisfactionCounts {
  /** Ratings given: very satisfied + satisfied + not satisfied. */
  readonly ratings: number;
  readonly verySatisfied: number;
  readonly satisfied: number;
  readonly notSatisfied: number;
  /** Citizens who declined to rate. */
  readonly declined: number;
}

export interface SatisfactionRates {
  readonly verySatisfied: number | null;
  readonly satisfied: number | null;
  readonly notSatisfied: number | null;
}

export interface SatisfactionLine {
  /** GSO code of the unit, or the officer id. */
  readonly key: string;
  readonly label: string;
  readonly counts: SatisfactionCounts;
  readonly rates: SatisfactionRates;
}

export interface SatisfactionReport {
  readonly period: ReportPeriod;
  readonly units: readonly SatisfactionLine[];
  readonly officers: readonly SatisfactionLine[];
  readonly total: SatisfactionLine;
}

export interface MutableSatisfactionCounts {
  verySatisfied: number;
  satisfied: number;
  notSatisfied: number;
  declined: number;
}

export const UNKNOWN_OFFICER_LABEL = 'Không rõ cán bộ tiếp nhận';

export function emptySatisfactionCounts(): MutableSatisfactionCounts {
  return { verySatisfied: 0, satisfied: 0, notSatisfied: 0, declined: 0 };
}

export function countLevel(into: MutableSatisfactionCounts, level: SatisfactionLevel, n = 1): void {
  if (level === 'very_satisfied') into.verySatisfied += n;
  else if (level === 'satisfied') into.satisfied += n;
  else if (level === 'not_satisfied') into.notSatisfied += n;
  else into.declined += n;
}

export function satisfactionLine(key: string, label: string, c: MutableSatisfactionCounts): SatisfactionLine {
  const ratings = c.verySatisfied + c.satisfied + c.notSatisfied;
  const rate = (n: number): number | null => (ratings === 0 ? null : n / ratings);
  return {
    key,
    label,
    counts: { ratings, verySatisfied: c.verySatisfied, satisfied: c.satisfied, notSatisfied: c.notSatisfied, declined: c.declined },
    rates: { verySatisfied: rate(c.verySatisfied), satisfied: rate(c.satisfied), notSatisfied: rate(c.notSatisfied) },
  };
}

export interface SatisfactionGroup {
  readonly key: string;
  readonly label: string;
  readonly counts: MutableSatisfactionCounts;
}

/** The report from grouped counts; lines sorted by label (Vietnamese order), then key. */
export function assembleSatisfaction(period: ReportPeriod, units: readonly SatisfactionGroup[], officers: readonly SatisfactionGroup[]): SatisfactionReport {
  const lines = (groups: readonly SatisfactionGroup[]) =>
    [...groups].sort((a, b) => a.label.localeCompare(b.label, 'vi') || a.key.localeCompare(b.key)).map((g) => satisfactionLine(g.key, g.label, g.counts));
  const total = emptySatisfactionCounts();
  for (const g of units) {
    total.verySatisfied += g.counts.verySatisfied;
    total.satisfied += g.counts.satisfied;
    total.notSatisfied += g.counts.notSatisfied;
    total.declined += g.counts.declined;
  }
  return { period, units: lines(units), officers: lines(officers), total: satisfactionLine('', 'Tổng cộng', total) };
}

/** The reference report from folded states; `officerName` names a receiving officer by id. */
export function satisfactionFromStates(
  states: readonly DossierState[],
  period: ReportPeriod,
  officerName: (officerId: string) => string | null,
): SatisfactionReport {
  const units = new Map<string, { key: string; label: string; counts: MutableSatisfactionCounts }>();
  const officers = new Map<string, { key: string; label: string; counts: MutableSatisfactionCounts }>();
  const group = (map: typeof units, key: string, label: string) => {
    let g = map.get(key);
    if (g === undefined) map.set(key, (g = { key, label, counts: emptySatisfactionCounts() }));
    return g;
  };
  for (const state of states) {
    if (!state.created || state.rating === null || state.ratedAt === null) continue;
    const day = vietnamDateOf(state.ratedAt);
    if (day < period.from || day > period.to) continue;
    countLevel(group(units, state.unit.gsoCode, state.unit.name).counts, state.rating);
    const officerId = receivingOfficerOf(state) ?? '';
    countLevel(group(officers, officerId, officerName(officerId) ?? UNKNOWN_OFFICER_LABEL).counts, state.rating);
  }
  return assembleSatisfaction(period, [...units.values()], [...officers.values()]);
}
