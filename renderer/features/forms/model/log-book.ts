import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { statusLabel } from '../../../../shared/domain/dossier/lifecycle.js';
import { peoplesCommitteeOf } from './agency.js';

// Form 06 (sổ theo dõi hồ sơ): one line per dossier received, in the order of receipt.

export interface LogBookEntry {
  readonly id: string;
  readonly code: string;
  readonly procedureName: string;
  readonly sets: number;
  readonly applicantName: string;
  readonly address: string | null;
  readonly phone: string | null;
  /** Cơ quan chủ trì giải quyết: where the dossier was sent, else the ward's own People's Committee. */
  readonly leadAgency: string;
  readonly receivedAt: string;
  readonly appointmentAt: string | null;
  /** First hand-over to processing (chuyển xử lý). */
  readonly forwardedAt: string | null;
  readonly resultAt: string | null;
  readonly handedBackAt: string | null;
  readonly notes: string;
}

/** The log-book line of a dossier; null for one that was never received (refused, or no code). */
export function logBookEntryOf(detail: DossierDetail): LogBookEntry | null {
  const { state } = detail;
  if (state.code === null || state.receivedAt === null) return null;
  const forwards = state.handovers.filter((row) => row.kind === 'forward');
  const agency = forwards.findLast((row) => row.to.kind === 'agency');
  const notes = [
    state.status === 10 ? null : statusLabel(state.status),
    detail.overdue ? 'Quá hạn' : null,
    state.reschedules.length > 0 ? 'Đã hẹn lại ngày trả' : null,
    state.backEntered ? 'Nhập bổ sung từ sổ giấy' : null,
    state.notes.trim() === '' ? null : state.notes.trim(),
  ].filter((note): note is string => note !== null);
  return {
    id: state.id,
    code: state.code,
    procedureName: state.procedure.name,
    sets: state.sets,
    applicantName: state.applicant.fullName,
    address: state.applicant.address,
    phone: state.applicant.phone,
    leadAgency: agency?.to.name ?? peoplesCommitteeOf(state.unit.name),
    receivedAt: state.receivedAt,
    appointmentAt: state.appointmentAt,
    forwardedAt: forwards[0]?.at ?? null,
    resultAt: state.resultAt,
    handedBackAt: state.handedBackAt,
    notes: notes.join('; '),
  };
}

/** The book's order: by time received, then code (two desks of a unit can receive in the same minute). */
export function sortLogBook(entries: readonly LogBookEntry[]): LogBookEntry[] {
  return [...entries].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.code.localeCompare(b.code));
}
