import { daysBetweenLocalDates } from '../calendar/vietnam-time.js';
import type { Channel } from '../dossier/events.js';
import type { DossierState } from '../dossier/state.js';
import { vietnamDateOf } from '../dossier/vietnam-time.js';
import { bieu06FinishedAt, isInBieu06Scope, settlementOf, statutoryDueAt } from './bieu06.js';

// What a store keeps of one dossier so that Biểu 06 for ANY period is a few index ranges and sums
// (the desk's projection table report_bieu06; the centre may keep the same). Every field is a Vietnam
// date or a small code, derived from the folded state alone, so rebuild == incremental holds.

/** open_until of a dossier not finished yet: sorts after every real date. */
export const NEVER = '9999-12-31';

/**
 * A dossier open longer than this is "long-lived". Carried-over dossiers are those received before a
 * period and still open at its start; a short-lived one was received at most this many days before,
 * so the store finds them in one short date range, and the few long-lived ones through their own index.
 */
export const LONG_LIVED_DAYS = 62;

export interface Bieu06Wait {
  /** Date the supplement was requested (or, for status 6, the date received). */
  readonly fromDay: string;
  /** Date the papers arrived, or NEVER while still waiting. Waiting at the end of day X: fromDay ≤ X < untilDay. */
  readonly untilDay: string;
}

export interface Bieu06Facts {
  readonly sectorId: string;
  readonly sectorName: string;
  readonly channel: Channel;
  readonly receivedDay: string;
  /** Date finished (rule 3 of bieu06.ts), or NEVER. */
  readonly openUntil: string;
  readonly longLived: boolean;
  /** How it was settled, null while unfinished (rule 6). */
  readonly settlement: 'early' | 'onTime' | 'late' | null;
  /** Rule 8: the due date with supplement waits, without form 04 moves. */
  readonly dueDay: string | null;
  /** The appointment given at receipt (for a dossier turned back at the counter: on its return). */
  readonly originalDueDay: string | null;
  /** Date of the first form 04, if any. */
  readonly firstApologyDay: string | null;
  /** Earliest date a supplement round during processing was received (the first extension), if any. */
  readonly firstExtensionDay: string | null;
  readonly waits: readonly Bieu06Wait[];
}

const dateOf = (instant: string | null): string | null => (instant === null ? null : vietnamDateOf(instant));

/** The projection row of one dossier, or null when Biểu 06 never counts it (status 1 or 3, not received). */
export function bieu06FactsOf(state: DossierState): Bieu06Facts | null {
  if (!isInBieu06Scope(state)) return null;
  const receivedDay = vietnamDateOf(state.receivedAt!);
  const openUntil = dateOf(bieu06FinishedAt(state)) ?? NEVER;
  const extensions = state.supplements
    .filter((round) => !round.atIntake && round.receivedAt !== null)
    .map((round) => vietnamDateOf(round.receivedAt!))
    .sort();
  // Waits after receipt only: a round at the counter ended on the day the dossier was received.
  const waits: Bieu06Wait[] = state.supplements
    .filter((round) => !round.atIntake)
    .map((round) => ({ fromDay: vietnamDateOf(round.requestedAt), untilDay: dateOf(round.receivedAt) ?? NEVER }));
  if (state.status === 6) waits.push({ fromDay: receivedDay, untilDay: NEVER });
  return {
    sectorId: state.procedure.sectorId,
    sectorName: state.procedure.sectorName,
    channel: state.channel,
    receivedDay,
    openUntil,
    longLived: openUntil === NEVER || daysBetweenLocalDates(receivedDay, openUntil) > LONG_LIVED_DAYS,
    settlement: settlementOf(state),
    dueDay: dateOf(statutoryDueAt(state)),
    originalDueDay: dateOf(state.originalAppointmentAt),
    firstApologyDay: dateOf(state.reschedules[0]?.at ?? null),
    firstExtensionDay: extensions[0] ?? null,
    waits,
  };
}
