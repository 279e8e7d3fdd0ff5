import type { StatusCode } from './events.js';
import { STATUS_LABELS } from './lifecycle.js';
import type { DossierState } from './state.js';

// Whether, when and by whom a dossier was received. A dossier turned back at the counter (form 02
// instead of form 01) was NOT received (Decree 61/2018, art. 15: only a complete dossier is received
// and gets form 01): the fold leaves its receivedAt null until the citizen returns with the papers, so
// it counts in no "received" figure and takes no serial of the day until then. Form 02 carries a
// reference instead of a code, so that the return is linked to the dossier.

/** What a work-list row and a folded state both know. */
export interface ReceptionFacts {
  readonly status: StatusCode;
  readonly receivedAt: string | null;
}

/** Turned back at the counter and waiting for the citizen's papers: not received yet. */
export function isAwaitingCounterSupplement(d: ReceptionFacts): boolean {
  return d.status === 5 && d.receivedAt === null;
}

export const AWAITING_COUNTER_SUPPLEMENT_LABEL = 'Chưa tiếp nhận — chờ bổ sung';

/** The status as the desk shows it: status 5 before receipt is not "Yêu cầu bổ sung" of a received dossier. */
export function receptionStatusLabel(d: ReceptionFacts): string {
  return isAwaitingCounterSupplement(d) ? AWAITING_COUNTER_SUPPLEMENT_LABEL : STATUS_LABELS[d.status];
}

/**
 * Số tham chiếu printed on form 02 at the counter: "BS-" and the last 8 characters of the dossier's
 * ULID. Derived, never stored, so old and new dossiers, the work list and the forms agree on it. The
 * ULID alphabet (Crockford base 32) has no I, L, O or U, and 8 characters (40 bits, the random part)
 * do not repeat among a desk's dossiers in practice; should two ever meet, the search lists both.
 */
export function counterReferenceOf(dossierId: string): string {
  return `BS-${dossierId.slice(-8)}`;
}

/** The reference of a dossier turned back at the counter (form 02 at intake), or null for any other. */
export function counterReferenceOfState(state: DossierState): string | null {
  return state.created && state.intake === 'supplement_requested' ? counterReferenceOf(state.id) : null;
}

/**
 * What the officer knows a dossier by where a work-list row has no code: the reference of form 02 for one
 * turned back at the counter and never received (waiting, or given up); null for a refused dossier (3) or
 * one whose creation has not arrived (1).
 */
export function referenceInPlaceOfCode(d: ReceptionFacts & { readonly id: string; readonly code: string | null }): string | null {
  if (d.code !== null || d.receivedAt !== null || d.status === 1 || d.status === 3) return null;
  return counterReferenceOf(d.id);
}

/** The officer who received the dossier (issued form 01): on a return from the counter, the one who took the papers. */
export function receivingOfficerOf(state: DossierState): string | null {
  return state.handovers.find((row) => row.kind === 'receipt')?.officerId ?? state.createdBy;
}
