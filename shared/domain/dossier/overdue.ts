import { CommandError } from '../../contract/errors.js';
import type { StatusCode } from './events.js';
import type { DossierState } from './state.js';

// Overdue (quá hạn) is derived, never stored: it compares the appointment with the finish time,
// or with now for an unfinished dossier (DOMAIN.md, "Dossier lifecycle").
// Decisions:
// - Pending (đang giải quyết) = 1, 2, 4, 5, 6. In 5 (waiting for the citizen's supplement) and 6
//   (waiting for fees) the clock is paused: such a dossier is not overdue while it waits; the
//   appointment is moved when the supplement arrives.
// - Withdrawn (7) and stopped (8) dossiers count as on time, as in Biểu 06 reporting; a refused one
//   (3) was never received and is never overdue.
// - Settled with a result (9, 10): late when the result came after the appointment.

export const PENDING_STATUSES = [1, 2, 4, 5, 6] as const satisfies readonly StatusCode[];
export const CLOCK_PAUSED_STATUSES = [5, 6] as const satisfies readonly StatusCode[];

const includes = (list: readonly StatusCode[], status: StatusCode): boolean => list.includes(status);

function instantMs(instant: string): number {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) throw new CommandError('invalid_argument', 'Thời điểm không hợp lệ.');
  return ms;
}

export function isPending(state: DossierState): boolean {
  return includes(PENDING_STATUSES, state.status);
}

/** When the dossier left the desk's hands (result, withdrawal, stop, refusal); null while pending. */
export function finishedAt(state: DossierState): string | null {
  switch (state.status) {
    case 9:
    case 10:
      return state.resultAt ?? state.handedBackAt;
    case 7:
      return state.withdrawnAt;
    case 8:
      return state.stoppedAt;
    case 3:
      return state.refusedAt;
    default:
      return null;
  }
}

/** What overdue is decided from: the facts the work list's projection keeps of every dossier. */
export interface OverdueFacts {
  status: StatusCode;
  appointmentAt: string | null;
  /** finishedAt(state) */
  finishedAt: string | null;
}

/** Statuses whose dossier is settled with a result: late when the result came after the appointment. */
export const SETTLED_WITH_RESULT_STATUSES = [9, 10] as const satisfies readonly StatusCode[];

/**
 * The one definition of overdue (the dossier page, the work list's flag and its filter): still pending
 * with a running clock after the appointment, or settled with a result that came after it.
 */
export function isOverdueAt(facts: OverdueFacts, nowIso: string): boolean {
  const now = instantMs(nowIso);
  if (facts.appointmentAt === null) return false;
  const due = instantMs(facts.appointmentAt);
  if (includes(PENDING_STATUSES, facts.status)) return !includes(CLOCK_PAUSED_STATUSES, facts.status) && now > due;
  if (!includes(SETTLED_WITH_RESULT_STATUSES, facts.status)) return false;
  return facts.finishedAt !== null && instantMs(facts.finishedAt) > due;
}

/** Late: still pending with a running clock after the appointment, or the result came after it. */
export function isOverdue(state: DossierState, nowIso: string): boolean {
  return isOverdueAt({ status: state.status, appointmentAt: state.appointmentAt, finishedAt: finishedAt(state) }, nowIso);
}

/** Pending with a running clock, not yet overdue, and due within the next `hours`. */
export function isDueWithin(state: DossierState, nowIso: string, hours: number): boolean {
  const now = instantMs(nowIso);
  if (state.appointmentAt === null || !isPending(state) || includes(CLOCK_PAUSED_STATUSES, state.status)) return false;
  const due = instantMs(state.appointmentAt);
  return due >= now && due <= now + hours * 60 * 60 * 1000;
}
