import { SATISFACTION_LEVELS, type SatisfactionLevel, type StatusCode } from '../../shared/domain/dossier/events.js';
import { CLOCK_PAUSED_STATUSES, isPending } from '../../shared/domain/dossier/overdue.js';
import type { DossierState } from '../../shared/domain/dossier/state.js';
import { vietnamDateOf } from '../../shared/domain/dossier/vietnam-time.js';
import { bieu06FactsOf, type Bieu06Facts } from '../../shared/domain/reports/bieu06-facts.js';

// What the centre keeps of one dossier for the dashboard: a few columns and dated facts, derived from
// the folded state alone (so a rebuild equals the incremental writes), exactly as the desk derives its
// projections — the daily tally's day facts (tallyDay), Biểu 06's facts (bieu06FactsOf), the running
// clock of the overdue counts (isOverdue / isDueWithin). No name, ID number or phone is kept here, and
// no name of a unit, sector or procedure either: those in the events are the desk's strings, so the rows
// keep ids and the dashboard names them from the centre's catalogue when it reads (centre-catalogue.ts).

/** The kinds of dated facts, one per thing the daily tally counts on the day it happened. */
export const DAY_FACT_KINDS = [
  'received_channel_1',
  'received_channel_2',
  'received_channel_3',
  'result',
  'handed_back',
  'withdrawn',
  'supplement_requested',
  'fee',
  ...SATISFACTION_LEVELS.map((level) => `rating_${level}` as const),
] as const;
export type DayFactKind = (typeof DAY_FACT_KINDS)[number];

export const RATING_KINDS: readonly DayFactKind[] = SATISFACTION_LEVELS.map((level) => `rating_${level}` as const);

export const ratingKindOf = (level: SatisfactionLevel): DayFactKind => `rating_${level}`;

export interface DayFact {
  /** Vietnam date. */
  readonly day: string;
  readonly kind: DayFactKind;
  /** 1, or the amount in đồng for a fee. */
  readonly amount: number;
}

export interface DashboardDossierRow {
  readonly dossierId: string;
  readonly unitGso: string;
  readonly code: string | null;
  readonly status: StatusCode;
  /** The catalogue names the procedure and gives its Biểu 06 sector. */
  readonly procedureId: string;
  readonly appointmentAt: string | null;
  /** Pending, not waiting for the citizen or for fees, with an appointment: it can be overdue. */
  readonly clockRunning: boolean;
  /** null when Biểu 06 never counts the dossier (not received, refused, status 1 or 3). */
  readonly bieu06: Bieu06Facts | null;
  readonly dayFacts: readonly DayFact[];
}

/** The daily tally's facts of one dossier (tallyDay in shared/domain/dossier/tally.ts counts the same). */
export function dayFactsOf(state: DossierState): DayFact[] {
  if (!state.created) return [];
  const facts: DayFact[] = [];
  const add = (instant: string | null, kind: DayFactKind, amount = 1) => {
    if (instant !== null) facts.push({ day: vietnamDateOf(instant), kind, amount });
  };
  if (state.intake !== 'refused') add(state.receivedAt, `received_channel_${state.channel}`);
  add(state.resultAt, 'result');
  add(state.handedBackAt, 'handed_back');
  if (state.receivedAt !== null) add(state.withdrawnAt, 'withdrawn');
  for (const round of state.supplements) add(round.requestedAt, 'supplement_requested');
  for (const fee of state.fees) add(fee.at, 'fee', fee.amountVnd);
  if (state.rating !== null) add(state.ratedAt, ratingKindOf(state.rating));
  return facts;
}

/** The dashboard row of a dossier, or null while its creation event has not reached the centre. */
export function dashboardRowOf(state: DossierState): DashboardDossierRow | null {
  if (!state.created) return null;
  const paused = (CLOCK_PAUSED_STATUSES as readonly StatusCode[]).includes(state.status);
  return {
    dossierId: state.id,
    unitGso: state.unit.gsoCode,
    code: state.code,
    status: state.status,
    procedureId: state.procedure.id,
    appointmentAt: state.appointmentAt,
    clockRunning: isPending(state) && !paused && state.appointmentAt !== null,
    bieu06: bieu06FactsOf(state),
    dayFacts: dayFactsOf(state),
  };
}
