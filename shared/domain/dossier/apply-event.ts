import type {
  Applicant,
  DossierEvent,
  DossierEventOf,
  FieldCorrectedPayload,
  Owner,
  StatusCode,
} from './events.js';
import { digitisationOf } from './digitisation.js';
import type { AttachmentRecord, DossierState, HandoverRow, SupplementRound } from './state.js';

// The effect of one event on a dossier's state. Two modes:
// - 'allowed': the lifecycle allows the event here; it records its facts and moves the status.
// - 'conflict': the event arrived by sync but the lifecycle forbids it at this point. Its facts are
//   still recorded where they do not contradict an earlier fact (the first result, hand-back,
//   withdrawal, stop or rating wins; fees, notes, hand-over rows and supplement rounds add up;
//   corrections and appointment moves apply last-writer-wins while the dossier is unfinished), but
//   the status never moves: a supervisor decides with 'conflict.resolved'. A second creation event
//   is ignored entirely (the first one, in (hlc, id) order, created the dossier).
// Review marks and bookkeeping (event count, last stamp) are the fold's job (fold.ts).

export type ApplyMode = 'allowed' | 'conflict';

const PENDING: readonly StatusCode[] = [1, 2, 4, 5, 6];
const isPending = (status: StatusCode): boolean => PENDING.includes(status);

/** The state of a dossier known only from an event that outran its creation: placeholders, status 1. */
export function skeletonState(event: DossierEvent): DossierState {
  return {
    id: event.dossierId,
    created: false,
    code: null,
    status: 1,
    unit: { gsoCode: '', name: '', agencyId: '' },
    procedure: { id: '', code: '', name: '', sectorId: '', sectorName: '', limit: { kind: 'working_days', amount: 0 }, cutoff: null },
    channel: 1,
    applicant: { fullName: '', idNumber: null, birthDate: null, sex: null, address: null, phone: null, email: null },
    owner: null,
    documents: [],
    sets: 1,
    notes: '',
    receivedAt: null,
    appointmentAt: null,
    originalAppointmentAt: null,
    backEntered: false,
    intake: null,
    supplements: [],
    statusBeforeSupplement: null,
    handovers: [],
    reschedules: [],
    resultAt: null,
    outcome: null,
    resultSummary: null,
    handedBackAt: null,
    collector: null,
    rating: null,
    ratedAt: null,
    withdrawnAt: null,
    withdrawReason: null,
    stoppedAt: null,
    stopReason: null,
    feesVnd: 0,
    fees: [],
    notesLog: [],
    corrections: [],
    refusedAt: null,
    refusedReason: null,
    attachments: [],
    digitisation: [],
    createdBy: null,
    lastEventAt: event.occurredAt,
    lastHlc: event.hlc,
    lastEventId: event.id,
    eventCount: 0,
    needsReview: false,
    reviewReasons: [],
  };
}

/** The first row of the control sheet: the dossier was received (form 01) at `at` by `officerId`. */
function receiptRow(unitName: string, at: string, backEntered: boolean, officerId: string): HandoverRow {
  return {
    kind: 'receipt',
    at,
    to: { kind: 'agency', name: `Bộ phận tiếp nhận và trả kết quả ${unitName}` },
    note: backEntered ? 'Nhập bổ sung từ sổ giấy' : '',
    officerId,
  };
}

// A dossier turned back at the counter (intake 'supplement_requested') is not received: no receipt
// time, no receipt row, until the supplement that completes it (reception.ts). Events written before
// the rule carry a code here; it is kept, since it was printed on form 02.
function applyReceived(base: DossierState, event: DossierEventOf<'dossier.received'>): DossierState {
  const p = event.payload;
  const accepted = p.intake === 'accepted';
  const intakeRound: SupplementRound[] =
    p.supplement === null
      ? []
      : [{ requestedAt: p.receivedAt, items: p.supplement.items, reason: p.supplement.reason, receivedAt: null, atIntake: true, officerId: event.officerId }];
  return {
    ...base,
    created: true,
    code: p.code,
    status: p.intake === 'accepted' ? 2 : 5,
    unit: p.unit,
    procedure: p.procedure,
    channel: p.channel,
    applicant: p.applicant,
    owner: p.owner,
    documents: p.documents,
    digitisation: digitisationOf(p.documents, base.attachments),
    sets: p.sets,
    notes: p.notes,
    receivedAt: accepted ? p.receivedAt : null,
    appointmentAt: p.appointmentAt,
    originalAppointmentAt: p.appointmentAt,
    backEntered: p.backEntered,
    intake: p.intake,
    supplements: [...intakeRound, ...base.supplements],
    statusBeforeSupplement: accepted ? null : 2,
    handovers: accepted ? [receiptRow(p.unit.name, p.receivedAt, p.backEntered, event.officerId), ...base.handovers] : base.handovers,
    createdBy: event.officerId,
  };
}

function applyRefused(base: DossierState, event: DossierEventOf<'dossier.refused'>): DossierState {
  const p = event.payload;
  return {
    ...base,
    created: true,
    code: null,
    status: 3,
    unit: p.unit,
    procedure: p.procedure,
    channel: p.channel,
    applicant: p.applicant,
    intake: 'refused',
    refusedAt: p.refusedAt,
    refusedReason: p.reason,
    createdBy: event.officerId,
  };
}

function correctedApplicant(applicant: Applicant, payload: FieldCorrectedPayload): Applicant {
  switch (payload.field) {
    case 'applicant.fullName':
      return { ...applicant, fullName: payload.newValue };
    case 'applicant.idNumber':
      return { ...applicant, idNumber: payload.newValue };
    case 'applicant.birthDate':
      return { ...applicant, birthDate: payload.newValue };
    case 'applicant.phone':
      return { ...applicant, phone: payload.newValue };
    case 'applicant.address':
      return { ...applicant, address: payload.newValue };
    case 'applicant.email':
      return { ...applicant, email: payload.newValue };
    default:
      return applicant;
  }
}

function correctedOwner(owner: Owner | null, payload: FieldCorrectedPayload): Owner | null {
  if (owner === null) return null; // the applicant is the owner: correct the applicant instead
  if (payload.field === 'owner.name') return { ...owner, name: payload.newValue };
  if (payload.field === 'owner.idNumber') return { ...owner, idNumber: payload.newValue };
  return owner;
}

function applyCorrection(s: DossierState, event: DossierEventOf<'field.corrected'>): DossierState {
  const p = event.payload;
  const record = { at: event.occurredAt, field: p.field, oldValue: p.oldValue, newValue: p.newValue, reason: p.reason, officerId: event.officerId };
  const next: DossierState = { ...s, corrections: [...s.corrections, record] };
  if (p.field === 'notes') return { ...next, notes: p.newValue };
  if (p.field === 'sets') return { ...next, sets: p.newValue };
  if (p.field === 'owner.name' || p.field === 'owner.idNumber') return { ...next, owner: correctedOwner(s.owner, p) };
  return { ...next, applicant: correctedApplicant(s.applicant, p) };
}

// Attachments add up in every mode (a file digitised elsewhere is a fact); an id already known is ignored.
function applyAttachmentAdded(s: DossierState, event: DossierEventOf<'attachment.added'>): DossierState {
  const p = event.payload;
  if (s.attachments.some((a) => a.attachmentId === p.attachmentId)) return s;
  const record: AttachmentRecord = { ...p, addedAt: event.occurredAt, officerId: event.officerId, retractedAt: null, retractReason: null };
  const attachments = [...s.attachments, record];
  return { ...s, attachments, digitisation: digitisationOf(s.documents, attachments) };
}

// The first retraction wins; retracting an attachment this desk never heard of changes nothing.
function applyAttachmentRetracted(s: DossierState, event: DossierEventOf<'attachment.retracted'>): DossierState {
  const p = event.payload;
  const target = s.attachments.find((a) => a.attachmentId === p.attachmentId);
  if (target === undefined || target.retractedAt !== null) return s;
  const attachments = s.attachments.map((a) => (a === target ? { ...a, retractedAt: event.occurredAt, retractReason: p.reason } : a));
  return { ...s, attachments, digitisation: digitisationOf(s.documents, attachments) };
}

const closeOpenRounds = (rounds: readonly SupplementRound[], at: string): SupplementRound[] =>
  rounds.map((round) => (round.receivedAt === null ? { ...round, receivedAt: at } : round));

// The papers of a dossier turned back at the counter arrived: it is received now (in any mode: the desk
// that took them printed form 01). The code is the one the return carries, or the one an event written
// before the rule gave it on form 02 — never a second one.
function completesCounterReturn(s: DossierState): boolean {
  return s.created && s.receivedAt === null && s.intake === 'supplement_requested' && s.supplements.some((round) => round.atIntake && round.receivedAt === null);
}

/** Applies `event` to `state` (null: nothing known yet). Never throws. */
export function applyEvent(state: DossierState | null, event: DossierEvent, mode: ApplyMode): DossierState {
  const s = state ?? skeletonState(event);
  const allowed = mode === 'allowed';

  switch (event.type) {
    case 'dossier.received':
      return allowed ? applyReceived(s, event) : s;
    case 'dossier.refused':
      return allowed ? applyRefused(s, event) : s;
    case 'dossier.forwarded': {
      const row: HandoverRow = { kind: 'forward', at: event.payload.forwardedAt, to: event.payload.to, note: event.payload.note, officerId: event.officerId };
      return { ...s, status: allowed ? 4 : s.status, handovers: [...s.handovers, row] };
    }
    case 'supplement.requested': {
      const p = event.payload;
      const round: SupplementRound = { requestedAt: p.requestedAt, items: p.items, reason: p.reason, receivedAt: null, atIntake: false, officerId: event.officerId };
      return {
        ...s,
        status: allowed ? 5 : s.status,
        statusBeforeSupplement: allowed ? s.status : s.statusBeforeSupplement,
        supplements: [...s.supplements, round],
      };
    }
    case 'supplement.received': {
      const p = event.payload;
      const moves = allowed || isPending(s.status);
      const received = completesCounterReturn(s);
      return {
        ...s,
        status: allowed ? (s.statusBeforeSupplement ?? 4) : s.status,
        statusBeforeSupplement: allowed ? null : s.statusBeforeSupplement,
        supplements: closeOpenRounds(s.supplements, p.receivedAt),
        appointmentAt: moves ? p.newAppointmentAt : s.appointmentAt,
        originalAppointmentAt: s.originalAppointmentAt ?? (moves ? p.newAppointmentAt : null),
        code: received ? (s.code ?? p.code ?? null) : s.code,
        receivedAt: received ? p.receivedAt : s.receivedAt,
        handovers: received ? [receiptRow(s.unit.name, p.receivedAt, false, event.officerId), ...s.handovers] : s.handovers,
      };
    }
    case 'result.recorded': {
      if (!allowed && s.resultAt !== null) return s;
      const p = event.payload;
      return { ...s, status: allowed ? 9 : s.status, resultAt: p.resultAt, outcome: p.outcome, resultSummary: p.summary };
    }
    case 'appointment.rescheduled': {
      const p = event.payload;
      const record = { at: event.occurredAt, reason: p.reason, previousAppointmentAt: p.previousAppointmentAt, newAppointmentAt: p.newAppointmentAt, officerId: event.officerId };
      const moves = allowed || isPending(s.status);
      return { ...s, reschedules: [...s.reschedules, record], appointmentAt: moves ? p.newAppointmentAt : s.appointmentAt };
    }
    case 'result.handedBack':
      if (!allowed && s.handedBackAt !== null) return s;
      return { ...s, status: allowed ? 10 : s.status, handedBackAt: event.payload.handedBackAt, collector: event.payload.collector };
    case 'satisfaction.rated':
      if (!allowed && s.rating !== null) return s;
      return { ...s, rating: event.payload.level, ratedAt: event.occurredAt };
    case 'dossier.withdrawn':
      if (!allowed && s.withdrawnAt !== null) return s;
      return {
        ...s,
        status: allowed ? 7 : s.status,
        statusBeforeSupplement: allowed ? null : s.statusBeforeSupplement,
        withdrawnAt: event.payload.withdrawnAt,
        withdrawReason: event.payload.reason,
      };
    case 'processing.stopped':
      if (!allowed && s.stoppedAt !== null) return s;
      return {
        ...s,
        status: allowed ? 8 : s.status,
        statusBeforeSupplement: allowed ? null : s.statusBeforeSupplement,
        stoppedAt: event.payload.stoppedAt,
        stopReason: event.payload.reason,
      };
    case 'fee.recorded': {
      const fee = { at: event.occurredAt, amountVnd: event.payload.amountVnd, receiptNo: event.payload.receiptNo, officerId: event.officerId };
      return { ...s, feesVnd: s.feesVnd + fee.amountVnd, fees: [...s.fees, fee] };
    }
    case 'note.added':
      return { ...s, notesLog: [...s.notesLog, { at: event.occurredAt, text: event.payload.text, officerId: event.officerId }] };
    case 'field.corrected':
      return applyCorrection(s, event);
    case 'attachment.added':
      return applyAttachmentAdded(s, event);
    case 'attachment.retracted':
      return applyAttachmentRetracted(s, event);
    case 'code.reissued':
      return allowed ? { ...s, code: event.payload.code } : s;
    case 'conflict.resolved': {
      if (!allowed) return s;
      const p = event.payload;
      const status = p.resolution === 'set_status' ? p.status : s.status;
      return {
        ...s,
        status,
        statusBeforeSupplement: status === 5 ? s.statusBeforeSupplement : null,
        needsReview: false,
        reviewReasons: [],
      };
    }
  }
}
