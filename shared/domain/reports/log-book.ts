import type { StatusCode } from '../dossier/events.js';
import { STATUS_LABELS } from '../dossier/lifecycle.js';
import type { DossierState } from '../dossier/state.js';
import { vietnamDateOf } from '../dossier/vietnam-time.js';
import type { ReportPeriod } from './report-period.js';

// Sổ theo dõi hồ sơ (form 06, the log book): one line per dossier received, in order of receipt —
// No., code, procedure, sets, applicant, address/phone, lead agency, dates received / appointment /
// sent for processing / result back / returned, notes. It holds citizens' personal data.

export interface LogBookRow {
  readonly dossierId: string;
  readonly code: string;
  readonly receivedAt: string;
  readonly procedureName: string;
  readonly sets: number;
  /** The applicant, and the owner when the dossier is for someone else. */
  readonly applicantName: string;
  readonly ownerName: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  /** Cơ quan chủ trì giải quyết: where the dossier was first sent for processing; null while at the desk. */
  readonly leadAgency: string | null;
  readonly appointmentAt: string | null;
  /** First hand-over for processing (control sheet row 2). */
  readonly forwardedAt: string | null;
  readonly resultAt: string | null;
  readonly handedBackAt: string | null;
  readonly status: StatusCode;
  readonly note: string;
}

export interface LogBook {
  readonly period: ReportPeriod;
  readonly rows: readonly LogBookRow[];
}

function noteOf(state: DossierState): string {
  const parts: string[] = [STATUS_LABELS[state.status]];
  if (state.status === 7 && state.withdrawReason) parts[0] += `: ${state.withdrawReason}`;
  if (state.status === 8 && state.stopReason) parts[0] += `: ${state.stopReason}`;
  if (state.intake === 'supplement_requested') parts.push('Yêu cầu bổ sung khi tiếp nhận (mẫu 02)');
  if (state.reschedules.length > 0) parts.push(`Hẹn lại ngày trả kết quả (mẫu 04) ${state.reschedules.length} lần`);
  if (state.backEntered) parts.push('Nhập bổ sung từ sổ giấy');
  if (state.notes.trim() !== '') parts.push(state.notes.trim());
  return parts.join('; ');
}

/** The log-book line of a dossier; null for one that was never received with a code (refused, or not yet arrived). */
export function logBookRowOf(state: DossierState): LogBookRow | null {
  if (!state.created || state.intake === 'refused' || state.code === null || state.receivedAt === null) return null;
  const firstForward = state.handovers.find((row) => row.kind === 'forward') ?? null;
  return {
    dossierId: state.id,
    code: state.code,
    receivedAt: state.receivedAt,
    procedureName: state.procedure.name,
    sets: state.sets,
    applicantName: state.applicant.fullName,
    ownerName: state.owner?.name ?? null,
    address: state.applicant.address,
    phone: state.applicant.phone,
    leadAgency: firstForward?.to.name ?? null,
    appointmentAt: state.appointmentAt,
    forwardedAt: firstForward?.at ?? null,
    resultAt: state.resultAt,
    handedBackAt: state.handedBackAt,
    status: state.status,
    note: noteOf(state),
  };
}

/** Log-book order: by time of receipt, then code (two desks of a unit may receive in the same second). */
export function compareLogBookRows(a: LogBookRow, b: LogBookRow): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function logBookFromStates(states: readonly DossierState[], period: ReportPeriod): LogBook {
  const rows = states
    .map(logBookRowOf)
    .filter((row): row is LogBookRow => row !== null)
    .filter((row) => {
      const day = vietnamDateOf(row.receivedAt);
      return day >= period.from && day <= period.to;
    })
    .sort(compareLogBookRows);
  return { period, rows };
}
