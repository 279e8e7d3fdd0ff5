import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { compareByDate, type DateComparison } from '../../../../shared/domain/calendar/deadline-status.js';
import type { HandoverTarget } from '../../../../shared/domain/dossier/events.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { DESK_SHORT_NAME } from './agency.js';
import { officerNamesOf } from './officer-names.js';

// Form 05 (phiếu kiểm soát quá trình giải quyết hồ sơ): one row per hand-over of the papers — the
// receipt, each forward, the result coming back to the desk, the result going to the citizen.

export interface ControlSheetParty {
  /** The agency, desk or person. */
  readonly name: string;
  /** The officer who signs for it, when the desk knows who. */
  readonly officer: string | null;
}

export interface ControlSheetRow {
  readonly step: number;
  readonly at: string;
  readonly giver: ControlSheetParty;
  readonly receiver: ControlSheetParty;
  /** Trước hạn / đúng hạn / quá hạn for the step; null when the step has no deadline to keep. */
  readonly result: DateComparison | null;
  readonly note: string;
}

export const STEP_RESULT_LABELS: Readonly<Record<DateComparison, string>> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/**
 * The deadline a step is judged against: the appointment before any apology (form 04). A new date
 * given in an apology does not make a late dossier on time; an extension for a supplement does move it,
 * and is already inside the appointment the dossier held when the first apology was made.
 */
export function stepDeadlineOf(state: DossierState): string | null {
  return state.reschedules[0]?.previousAppointmentAt ?? state.appointmentAt;
}

function targetName(target: HandoverTarget): ControlSheetParty {
  return target.kind === 'officer' ? { name: 'Cán bộ xử lý', officer: target.name } : { name: target.name, officer: null };
}

export function controlSheetRows(detail: DossierDetail): ControlSheetRow[] {
  const { state, history } = detail;
  const nameOf = officerNamesOf(history);
  const deadline = stepDeadlineOf(state);
  const judge = (at: string): DateComparison | null => (deadline === null ? null : compareByDate(at, deadline));
  const desk = DESK_SHORT_NAME;
  const rows: Omit<ControlSheetRow, 'step'>[] = [];

  let holder: ControlSheetParty = { name: desk, officer: null };
  for (const handover of state.handovers) {
    if (handover.kind === 'receipt') {
      holder = { name: desk, officer: nameOf(handover.officerId) };
      rows.push({
        at: handover.at,
        giver: { name: 'Người nộp hồ sơ', officer: state.applicant.fullName },
        receiver: holder,
        result: null,
        note: handover.note,
      });
      continue;
    }
    const receiver = targetName(handover.to);
    // The giver is whoever held the papers; the desk officer who recorded the hand-over signs for the desk.
    const giver = holder.name === desk ? { name: desk, officer: nameOf(handover.officerId) } : holder;
    rows.push({ at: handover.at, giver, receiver, result: judge(handover.at), note: handover.note });
    holder = receiver;
  }

  if (state.resultAt !== null) {
    const recordedBy = history.findLast((entry) => entry.type === 'result.recorded')?.recordedBy.officerId ?? null;
    const receiver = { name: desk, officer: nameOf(recordedBy) };
    rows.push({ at: state.resultAt, giver: holder, receiver, result: judge(state.resultAt), note: state.resultSummary ?? '' });
    holder = receiver;
  }

  if (state.handedBackAt !== null) {
    const handedBy = history.findLast((entry) => entry.type === 'result.handedBack')?.recordedBy.officerId ?? null;
    const collector = state.collector;
    const receiver =
      collector?.kind === 'authorised'
        ? { name: 'Người nhận thay (được ủy quyền)', officer: collector.fullName }
        : { name: 'Người nộp hồ sơ', officer: state.applicant.fullName };
    rows.push({ at: state.handedBackAt, giver: { name: desk, officer: nameOf(handedBy) ?? holder.officer }, receiver, result: null, note: 'Trả kết quả' });
  }

  return rows.map((row, index) => ({ ...row, step: index + 1 }));
}
