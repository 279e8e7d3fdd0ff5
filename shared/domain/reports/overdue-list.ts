import type { StatusCode } from '../dossier/events.js';
import { isDueWithin, isOverdue, isPending } from '../dossier/overdue.js';
import type { DossierState } from '../dossier/state.js';

// The supervisor's chase list: pending dossiers with a running clock that are past their appointment
// (quá hạn) or due within the next 24 hours (sắp đến hạn), the most urgent first. Unlike Biểu 06 this
// is an operational list "as of now", so it compares instants, exactly as the daily tally's overdue
// and due-within-24h counts do (shared/domain/dossier/overdue.ts). It holds personal data.

export const DUE_SOON_WINDOW_HOURS = 24;
/** The screen and the files list at most this many; the counts are always complete. */
export const OVERDUE_LIST_LIMIT = 5000;

export type OverdueKind = 'overdue' | 'dueSoon';

export interface OverdueRow {
  readonly dossierId: string;
  readonly code: string | null;
  readonly procedureName: string;
  readonly sectorName: string;
  readonly applicantName: string;
  readonly phone: string | null;
  readonly receivedAt: string | null;
  readonly appointmentAt: string;
  readonly status: StatusCode;
  readonly kind: OverdueKind;
}

export interface OverdueList {
  /** The instant the list was drawn up. */
  readonly asOf: string;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly rows: readonly OverdueRow[];
  /** True when more rows exist than OVERDUE_LIST_LIMIT. */
  readonly truncated: boolean;
}

export function compareOverdueRows(a: OverdueRow, b: OverdueRow): number {
  if (a.appointmentAt !== b.appointmentAt) return a.appointmentAt < b.appointmentAt ? -1 : 1;
  const ca = a.code ?? '';
  const cb = b.code ?? '';
  return ca < cb ? -1 : ca > cb ? 1 : a.dossierId < b.dossierId ? -1 : a.dossierId > b.dossierId ? 1 : 0;
}

export function overdueListFromStates(states: readonly DossierState[], nowIso: string, limit = OVERDUE_LIST_LIMIT): OverdueList {
  const rows: OverdueRow[] = [];
  for (const state of states) {
    if (!state.created || state.appointmentAt === null || !isPending(state)) continue;
    const kind: OverdueKind | null = isOverdue(state, nowIso) ? 'overdue' : isDueWithin(state, nowIso, DUE_SOON_WINDOW_HOURS) ? 'dueSoon' : null;
    if (kind === null) continue;
    rows.push({
      dossierId: state.id,
      code: state.code,
      procedureName: state.procedure.name,
      sectorName: state.procedure.sectorName,
      applicantName: state.applicant.fullName,
      phone: state.applicant.phone,
      receivedAt: state.receivedAt,
      appointmentAt: state.appointmentAt,
      status: state.status,
      kind,
    });
  }
  rows.sort(compareOverdueRows);
  return {
    asOf: nowIso,
    overdue: rows.filter((r) => r.kind === 'overdue').length,
    dueSoon: rows.filter((r) => r.kind === 'dueSoon').length,
    rows: rows.slice(0, limit),
    truncated: rows.length > limit,
  };
}
