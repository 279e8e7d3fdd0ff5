import type { StatusCode } from '../dossier/events.js';
import { finishedAt } from '../dossier/overdue.js';
import type { DossierState } from '../dossier/state.js';
import { vietnamDateOf } from '../dossier/vietnam-time.js';
import type { ReportPeriod } from './report-period.js';

// Biểu 06/VPCP/KSTT (Circular 01/2020/TT-VPCP): received, settled and pending dossiers per sector
// (lĩnh vực) for a period, in 13 columns. This module is the REFERENCE: it classifies folded
// DossierStates one by one. The desk's SQL (electron/core/reports/bieu06-repository.ts) and the
// centre must give the same numbers; a property test holds the desk's SQL to this.
//
// Counting rules (DOMAIN.md "Reports", decided here where it is silent):
// 1. Dates, never times. Every instant becomes its Vietnam date (UTC+7) before any comparison:
//    R = date received, F = date finished, D = due date. A period is [from, to], both days included.
// 2. Who counts: a dossier that was received at the desk — it got form 01, a code and a log-book line,
//    on the day it was accepted. A dossier turned back at the counter (form 02 instead of form 01) was
//    not received (Decree 61/2018, art. 15): it counts from the day the citizen brought the papers, and
//    never if they did not (its receivedAt stays null, reception.ts). Dossiers now in status 1 (not yet
//    received: here, only one whose creation has not arrived by sync) or 3 (refused, form 03) are never
//    counted, whatever else they carry.
// 3. Finished (F) means the dossier left the desk's hands: the result date for 9 and 10 (the result
//    counts, not the hand-back), the withdrawal date for 7, the stop date for 8. Any other status is
//    unfinished, even if an earlier result was undone by a supervisor's conflict resolution.
// 4. In the period: R ≤ to and (unfinished or F ≥ from). Dossiers finished before the period or
//    received after it are not in the report at all.
// 5. Received (cột 3–6): R ≥ from → new, online for channel 2, "direct or postal" for channels 1 and 3;
//    R < from → carried over from the previous period (kỳ trước chuyển qua). A dossier received
//    before the period and settled inside it is carried over AND settled.
// 6. Settled (cột 7–10): F ≤ to. Withdrawn (7) and stopped (8) dossiers count as settled ON TIME.
//    A result compares F with the due date D: F < D early (trước hạn), F = D on time, F > D late.
// 7. Pending (cột 11–13): unfinished at the end of `to` (unfinished now, or F > to). It is WITHIN
//    time when, at the end of `to`, it was waiting for the citizen's supplement (a round requested on
//    or before `to` and not received by then — the clock is paused) or it is now in status 6 (waiting for fees: no dated event enters 6, so it is taken as
//    waiting throughout). Otherwise it is OVERDUE when its due date as of `to` is before `to`
//    (due on the last day itself is still within time), else within time.
// 8. The due date D is the appointment the law gave the dossier: the appointment at receipt,
//    moved later by supplement waits (Decree 61/2018: the time waiting for the citizen does not count),
//    but NOT by a form 04 apology. Decree 61/2018/NĐ-CP, art. 19, has the agency send form 04 for a
//    dossier that will be late ("hồ sơ quá hạn giải quyết"): the new date is a promise to the citizen,
//    not a new time limit, so a dossier with an apology that is settled after its earlier appointment
//    is counted late, and one still pending after it is overdue. With an apology, D is the appointment
//    just before the first form 04 (a supplement wait after an apology no longer moves D).
// 9. "Due date as of `to`" for a pending dossier (the report shows the past as it was, not as later
//    extensions made it look): if the first form 04 was issued on or before `to`, its previous
//    appointment; else, if no supplement round during processing was received by `to`, the appointment
//    given at receipt (originalAppointmentAt); else the current due date (rule 8). The last case is
//    exact unless a LATER supplement round extended the appointment after `to`: the state does not keep
//    intermediate appointments, so such a dossier (two or more supplement rounds, the period ending
//    between them) is judged against its final due date — the lenient side.
// 10. Identities (checked by bieu06Problems): received = online + direct/postal + carried over;
//    settled = early + on time + late; pending = within + overdue; received = settled + pending.
// The period is per sector as recorded in the dossier's procedure snapshot on the day of receipt.

export interface Bieu06Received {
  readonly total: number;
  readonly online: number;
  /** Trực tiếp and dịch vụ bưu chính công ích together, as the form has them. */
  readonly directOrPostal: number;
  readonly carriedOver: number;
}

export interface Bieu06Settled {
  readonly total: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
}

export interface Bieu06Pending {
  readonly total: number;
  readonly withinTime: number;
  readonly overdue: number;
}

/** One line of the form: a sector, or the total line. */
export interface Bieu06Row {
  readonly sectorId: string;
  readonly sectorName: string;
  readonly received: Bieu06Received;
  readonly settled: Bieu06Settled;
  readonly pending: Bieu06Pending;
}

export interface Bieu06Report {
  readonly period: ReportPeriod;
  /** One row per sector of the catalogue (zeros included, as the form lists them), then any other sector met. */
  readonly rows: readonly Bieu06Row[];
  readonly total: Bieu06Row;
}

/** The eight independent counts of one sector; the totals of the form are sums of these. */
export interface Bieu06Counts {
  online: number;
  directOrPostal: number;
  carriedOver: number;
  early: number;
  onTime: number;
  late: number;
  withinTime: number;
  overdue: number;
}

export type Bieu06Intake = 'online' | 'directOrPostal' | 'carriedOver';
export type Bieu06Outcome = 'early' | 'onTime' | 'late' | 'withinTime' | 'overdue';

export interface Bieu06Class {
  readonly sectorId: string;
  readonly sectorName: string;
  readonly intake: Bieu06Intake;
  readonly outcome: Bieu06Outcome;
}

export const TOTAL_ROW_LABEL = 'Tổng cộng';

const EXCLUDED_STATUSES: readonly StatusCode[] = [1, 3];
const FINISHED_STATUSES: readonly StatusCode[] = [7, 8, 9, 10];

const dateOf = (instant: string | null): string | null => (instant === null ? null : vietnamDateOf(instant));

/** Rule 2: received at the desk and not now in status 1 or 3. */
export function isInBieu06Scope(state: DossierState): boolean {
  return state.created && state.intake !== 'refused' && state.receivedAt !== null && !EXCLUDED_STATUSES.includes(state.status);
}

/** Rule 3: the instant the dossier left the desk's hands, or null while unfinished. */
export function bieu06FinishedAt(state: DossierState): string | null {
  return FINISHED_STATUSES.includes(state.status) ? finishedAt(state) : null;
}

/** Rule 8: the appointment the law gave the dossier (form 04 apologies do not move it). */
export function statutoryDueAt(state: DossierState): string | null {
  return state.reschedules[0]?.previousAppointmentAt ?? state.appointmentAt;
}

/** Rule 9: the due date in force at the end of `day`. */
export function dueDateAsOf(state: DossierState, day: string): string | null {
  const firstApology = state.reschedules[0];
  if (firstApology !== undefined && vietnamDateOf(firstApology.at) <= day) return dateOf(firstApology.previousAppointmentAt);
  const extendedBy = state.supplements.filter((round) => !round.atIntake && round.receivedAt !== null && vietnamDateOf(round.receivedAt) <= day);
  if (extendedBy.length === 0) return dateOf(state.originalAppointmentAt);
  return dateOf(statutoryDueAt(state));
}

/** Rule 7: waiting for the citizen (or for fees) at the end of `day`, so the clock was not running. */
export function waitingAt(state: DossierState, day: string): boolean {
  if (state.status === 6) return true;
  // A round at the counter ended the day the dossier was received: it never overlaps a counted day.
  return state.supplements.some(
    (round) => !round.atIntake && vietnamDateOf(round.requestedAt) <= day && (round.receivedAt === null || vietnamDateOf(round.receivedAt) > day),
  );
}

/** Rule 6: how a finished dossier was settled; null while unfinished. Independent of the period. */
export function settlementOf(state: DossierState): 'early' | 'onTime' | 'late' | null {
  const finished = bieu06FinishedAt(state);
  if (finished === null) return null;
  if (state.status === 7 || state.status === 8) return 'onTime';
  const due = dateOf(statutoryDueAt(state));
  const finishedDay = vietnamDateOf(finished);
  if (due === null || finishedDay === due) return 'onTime';
  return finishedDay < due ? 'early' : 'late';
}

/** Where one dossier falls in the form for the period, or null when it is not in it (rules 2 and 4). */
export function classifyForBieu06(state: DossierState, period: ReportPeriod): Bieu06Class | null {
  if (!isInBieu06Scope(state)) return null;
  const received = vietnamDateOf(state.receivedAt!);
  const finishedInstant = bieu06FinishedAt(state);
  const finished = finishedInstant === null ? null : vietnamDateOf(finishedInstant);
  if (received > period.to || (finished !== null && finished < period.from)) return null;

  const intake: Bieu06Intake = received < period.from ? 'carriedOver' : state.channel === 2 ? 'online' : 'directOrPostal';
  let outcome: Bieu06Outcome;
  if (finished !== null && finished <= period.to) {
    outcome = settlementOf(state)!;
  } else if (waitingAt(state, period.to)) {
    outcome = 'withinTime';
  } else {
    const due = dueDateAsOf(state, period.to);
    outcome = due !== null && due < period.to ? 'overdue' : 'withinTime';
  }
  return { sectorId: state.procedure.sectorId, sectorName: state.procedure.sectorName, intake, outcome };
}

export function emptyBieu06Counts(): Bieu06Counts {
  return { online: 0, directOrPostal: 0, carriedOver: 0, early: 0, onTime: 0, late: 0, withinTime: 0, overdue: 0 };
}

export function addBieu06Counts(into: Bieu06Counts, more: Bieu06Counts): Bieu06Counts {
  for (const key of Object.keys(into) as (keyof Bieu06Counts)[]) into[key] += more[key];
  return into;
}

export function bieu06Row(sectorId: string, sectorName: string, c: Bieu06Counts): Bieu06Row {
  const settled = c.early + c.onTime + c.late;
  const pending = c.withinTime + c.overdue;
  return {
    sectorId,
    sectorName,
    received: { total: c.online + c.directOrPostal + c.carriedOver, online: c.online, directOrPostal: c.directOrPostal, carriedOver: c.carriedOver },
    settled: { total: settled, early: c.early, onTime: c.onTime, late: c.late },
    pending: { total: pending, withinTime: c.withinTime, overdue: c.overdue },
  };
}

export interface SectorName {
  readonly id: string;
  readonly name: string;
}

/**
 * The form from counts per sector: every catalogue sector in catalogue order (a quiet sector is a
 * line of zeros, as on paper), then sectors met in the data but not in the catalogue, by name.
 */
export function assembleBieu06(
  period: ReportPeriod,
  counts: ReadonlyMap<string, Bieu06Counts>,
  sectors: readonly SectorName[],
  namesOfOthers: ReadonlyMap<string, string> = new Map(),
): Bieu06Report {
  const known = new Set(sectors.map((s) => s.id));
  const others = [...counts.keys()]
    .filter((id) => !known.has(id))
    .map((id) => ({ id, name: namesOfOthers.get(id) ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
  const rows = [...sectors, ...others].map((s) => bieu06Row(s.id, s.name, counts.get(s.id) ?? emptyBieu06Counts()));
  const total = emptyBieu06Counts();
  for (const c of counts.values()) addBieu06Counts(total, c);
  return { period, rows, total: bieu06Row('', TOTAL_ROW_LABEL, total) };
}

/** The reference Biểu 06 straight from folded states. */
export function bieu06FromStates(states: readonly DossierState[], period: ReportPeriod, sectors: readonly SectorName[]): Bieu06Report {
  const counts = new Map<string, Bieu06Counts>();
  const names = new Map<string, string>();
  for (const state of states) {
    const found = classifyForBieu06(state, period);
    if (found === null) continue;
    let c = counts.get(found.sectorId);
    if (c === undefined) counts.set(found.sectorId, (c = emptyBieu06Counts()));
    c[found.intake] += 1;
    c[found.outcome] += 1;
    names.set(found.sectorId, found.sectorName);
  }
  return assembleBieu06(period, counts, sectors, names);
}

/** The identities between the columns (rule 10); an empty list when the row is consistent. */
export function bieu06Problems(row: Bieu06Row): string[] {
  const problems: string[] = [];
  const { received: r, settled: s, pending: p } = row;
  const where = row.sectorName || row.sectorId;
  if (r.total !== r.online + r.directOrPostal + r.carriedOver) problems.push(`${where}: tổng tiếp nhận ≠ trực tuyến + trực tiếp/bưu chính + kỳ trước chuyển qua`);
  if (s.total !== s.early + s.onTime + s.late) problems.push(`${where}: đã giải quyết ≠ trước hạn + đúng hạn + quá hạn`);
  if (p.total !== p.withinTime + p.overdue) problems.push(`${where}: đang giải quyết ≠ trong hạn + quá hạn`);
  if (r.total !== s.total + p.total) problems.push(`${where}: tổng tiếp nhận ≠ đã giải quyết + đang giải quyết`);
  return problems;
}

/** The 13 columns of the form for one row, in order: (1) STT … (13) quá hạn. `index` null for the total line. */
export function bieu06Cells(row: Bieu06Row, index: number | null): (string | number)[] {
  return [
    index === null ? '' : index,
    row.sectorName,
    row.received.total,
    row.received.online,
    row.received.directOrPostal,
    row.received.carriedOver,
    row.settled.total,
    row.settled.early,
    row.settled.onTime,
    row.settled.late,
    row.pending.total,
    row.pending.withinTime,
    row.pending.overdue,
  ];
}
