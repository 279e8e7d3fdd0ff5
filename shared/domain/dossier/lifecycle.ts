import { CommandError, type ErrorCode } from '../../contract/errors.js';
import { EVENT_TYPES, isCreationEventType, type DossierEvent, type DossierEventType, type StatusCode } from './events.js';
import type { DossierState } from './state.js';

// The dossier lifecycle: national status codes and which action a desk may take in which state.
// The desk refuses a forbidden action with a typed error (checkAction/checkEvent); the fold asks the
// same questions of events that arrived by sync and marks the dossier for review instead of refusing.
//
// Rules (status numbers as in DOMAIN.md):
// - dossier.received / dossier.refused: only on a dossier that does not exist yet. received → 2
//   (intake 'accepted') or 5 (intake 'supplement_requested', form 02 at the counter: not received until
//   its supplement.received, see reception.ts); refused → 3.
// - dossier.forwarded: from 2 or 4 → 4. Repeatable: each hand-over is a row of the control sheet.
// - supplement.requested: from 2 or 4 → 5. Not while one is open (form 02 lists everything at once);
//   a new round is allowed once the previous one was received.
// - supplement.received: only in 5 → back to where the request came from (2 or 4; 2 for intake).
// - result.recorded: from 2 or 4 (and 6) → 9. Not from 5: the supplement must be received first,
//   since a result on an incomplete dossier is exactly what the supplement round exists to prevent.
// - appointment.rescheduled (form 04): only before a result, in 2/4/5/6, and only if an appointment
//   exists; the new date must be after the previous one (schema) and the previous one must be the
//   current appointment (else someone else moved it meanwhile: 'conflict'). Whether the new date is
//   working time and the apology on time is judged when it is made (calendar/reschedule.ts), not by
//   the fold: an event that arrives by sync was judged by its desk's calendar.
// - result.handedBack: only from 9 → 10.
// - satisfaction.rated: only in 10, once.
// - dossier.withdrawn → 7 and processing.stopped → 8: from 2/4/5/6, never after a result.
// - fee.recorded: in 2/4/5/6/9 (fees are taken at receipt, while processing, or at hand-back).
// - note.added: in every state, refused (3) included: a remark never changes a fact.
// - field.corrected: in every state except refused (3): a refusal slip (form 03) was handed over as
//   printed, so a later remark about it is a note. Owner fields only when the dossier has a separate
//   owner; oldValue must be the current value (else 'conflict').
// - conflict.resolved: only when the dossier needs review; 'set_status' may not set status 1.
// - attachment.added: in every state of a created dossier except refused (3): papers are digitised at
//   intake and after; a 'result' file only once a result exists; the attachment id must be new.
// - attachment.retracted: only while an attachment that is not retracted exists, and it must name one.
// - Status 6 (waiting for financial obligations): no event of this set enters it. It is kept so that a
//   status set by a supervisor's conflict resolution (or a future centre event for the tax step) has
//   rules: from 6 a result may be recorded, a fee taken, the dossier withdrawn or stopped.
// - Status 1 (submitted online, not yet accepted) is only met by a dossier whose creation event has
//   not arrived; the desk's receive creates dossiers directly in 2, 3 or 5.

export const STATUS_CODES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const satisfies readonly StatusCode[];

export const STATUS_LABELS: Readonly<Record<StatusCode, string>> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung',
  6: 'Chờ nghĩa vụ tài chính',
  7: 'Rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã có kết quả',
  10: 'Đã trả kết quả',
};

export function statusLabel(status: StatusCode): string {
  return STATUS_LABELS[status];
}

/** What each action is called in a sentence ("Không thể <action>: …"). */
export const ACTION_LABELS: Readonly<Record<DossierEventType, string>> = {
  'dossier.received': 'tiếp nhận hồ sơ',
  'dossier.refused': 'từ chối tiếp nhận hồ sơ',
  'supplement.requested': 'yêu cầu bổ sung hồ sơ',
  'supplement.received': 'nhận hồ sơ bổ sung',
  'dossier.forwarded': 'chuyển hồ sơ',
  'result.recorded': 'ghi nhận kết quả',
  'appointment.rescheduled': 'hẹn lại ngày trả kết quả',
  'result.handedBack': 'trả kết quả',
  'satisfaction.rated': 'ghi nhận mức độ hài lòng',
  'dossier.withdrawn': 'rút hồ sơ',
  'processing.stopped': 'dừng xử lý hồ sơ',
  'fee.recorded': 'ghi nhận phí, lệ phí',
  'note.added': 'thêm ghi chú',
  'field.corrected': 'sửa thông tin hồ sơ',
  'conflict.resolved': 'xử lý xung đột',
  'attachment.added': 'đính kèm tệp số hoá',
  'attachment.retracted': 'gỡ tệp số hoá',
  'code.reissued': 'cấp lại mã hồ sơ',
};

export interface LifecycleProblem {
  readonly code: Extract<ErrorCode, 'transition_forbidden' | 'conflict'>;
  readonly message: string;
}

// Why an action cannot happen once the dossier has left the working states.
function settledObstacle(status: StatusCode): string {
  switch (status) {
    case 1:
      return 'hồ sơ chưa được tiếp nhận';
    case 3:
      return 'hồ sơ không được tiếp nhận';
    case 5:
      return 'hồ sơ đang chờ công dân bổ sung';
    case 6:
      return 'hồ sơ đang chờ thực hiện nghĩa vụ tài chính';
    case 7:
      return 'hồ sơ đã được rút';
    case 8:
      return 'hồ sơ đã dừng xử lý';
    case 9:
      return 'hồ sơ đã có kết quả';
    case 10:
      return 'kết quả đã được trả cho công dân';
    default:
      return 'trạng thái hiện tại không cho phép';
  }
}

const is = (status: StatusCode, ...allowed: StatusCode[]): boolean => allowed.includes(status);

type Rule = (state: DossierState) => string | null;

// Each rule answers "why not?" for an existing dossier (null = allowed).
const RULES: Readonly<Record<Exclude<DossierEventType, 'dossier.received' | 'dossier.refused'>, Rule>> = {
  'dossier.forwarded': (s) => (is(s.status, 2, 4) ? null : settledObstacle(s.status)),
  'supplement.requested': (s) => {
    if (is(s.status, 2, 4)) return null;
    if (s.status === 5) return 'đã có một yêu cầu bổ sung chưa được đáp ứng';
    return settledObstacle(s.status);
  },
  'supplement.received': (s) => {
    if (s.status === 5) return null;
    if (is(s.status, 3, 7, 8, 9, 10)) return settledObstacle(s.status);
    return 'hồ sơ không có yêu cầu bổ sung nào đang chờ';
  },
  'result.recorded': (s) => {
    if (is(s.status, 2, 4, 6)) return null;
    if (s.status === 5) return 'hồ sơ đang chờ bổ sung, phải nhận hồ sơ bổ sung trước';
    return settledObstacle(s.status);
  },
  'appointment.rescheduled': (s) => {
    if (!is(s.status, 2, 4, 5, 6)) return settledObstacle(s.status);
    if (s.appointmentAt === null) return 'hồ sơ chưa có ngày hẹn trả';
    return null;
  },
  'result.handedBack': (s) => {
    if (s.status === 9) return null;
    if (is(s.status, 1, 2, 4, 5, 6)) return 'hồ sơ chưa có kết quả';
    return settledObstacle(s.status);
  },
  'satisfaction.rated': (s) => {
    if (s.status !== 10) return is(s.status, 3, 7, 8) ? settledObstacle(s.status) : 'kết quả chưa được trả cho công dân';
    return s.rating === null ? null : 'công dân đã đánh giá hồ sơ này';
  },
  'dossier.withdrawn': (s) => (is(s.status, 2, 4, 5, 6) ? null : settledObstacle(s.status)),
  'processing.stopped': (s) => (is(s.status, 2, 4, 5, 6) ? null : settledObstacle(s.status)),
  'fee.recorded': (s) => (is(s.status, 2, 4, 5, 6, 9) ? null : settledObstacle(s.status)),
  'note.added': () => null,
  'field.corrected': (s) => (s.status === 3 ? 'hồ sơ không được tiếp nhận (hãy thêm ghi chú)' : null),
  'conflict.resolved': (s) => (s.needsReview ? null : 'hồ sơ không có xung đột cần xử lý'),
  'attachment.added': (s) => (s.status === 3 ? settledObstacle(s.status) : null),
  'attachment.retracted': (s) => (s.attachments.some((a) => a.retractedAt === null) ? null : 'hồ sơ không có tệp số hoá nào'),
  'code.reissued': (s) => (s.code === null ? 'hồ sơ chưa có mã' : null),
};

function forbidden(type: DossierEventType, why: string, state: DossierState | null): LifecycleProblem {
  const where = state === null || !state.created ? '' : ` (trạng thái hiện tại: ${statusLabel(state.status)})`;
  return { code: 'transition_forbidden', message: `Không thể ${ACTION_LABELS[type]}: ${why}${where}.` };
}

/** Why `type` may not be added to this dossier now, or null. `state` null: the dossier does not exist. */
export function actionProblem(state: DossierState | null, type: DossierEventType): LifecycleProblem | null {
  if (isCreationEventType(type)) {
    return state === null || !state.created ? null : forbidden(type, 'hồ sơ này đã được tạo', state);
  }
  if (state === null) return forbidden(type, 'hồ sơ chưa được tạo', state);
  // A dossier known only from events that outran their creation: record remarks, resolve, or create it.
  if (!state.created && type !== 'note.added' && type !== 'conflict.resolved') {
    return forbidden(type, 'hồ sơ chưa được tạo', state);
  }
  const why = RULES[type](state);
  return why === null ? null : forbidden(type, why, state);
}

const sameInstant = (a: string | null, b: string | null): boolean =>
  a === null || b === null ? a === b : Date.parse(a) === Date.parse(b);

/** The value a correction of `field` replaces; undefined for an owner field of a dossier without an owner. */
export function currentFieldValue(state: DossierState, field: string): string | number | null | undefined {
  switch (field) {
    case 'applicant.fullName':
      return state.applicant.fullName;
    case 'applicant.idNumber':
      return state.applicant.idNumber;
    case 'applicant.birthDate':
      return state.applicant.birthDate;
    case 'applicant.phone':
      return state.applicant.phone;
    case 'applicant.address':
      return state.applicant.address;
    case 'applicant.email':
      return state.applicant.email;
    case 'owner.name':
      return state.owner?.name;
    case 'owner.idNumber':
      return state.owner === null ? undefined : state.owner.idNumber;
    case 'notes':
      return state.notes;
    case 'sets':
      return state.sets;
    default:
      return undefined;
  }
}

// A module-level function rather than a closure per call: the fold checks every event it folds.
function conflictProblem(type: DossierEventType, why: string): LifecycleProblem {
  return { code: 'conflict', message: `Không thể ${ACTION_LABELS[type]}: ${why}.` };
}

/** actionProblem plus the checks that need the payload (stale values, impossible targets). */
export function eventProblem(state: DossierState | null, event: DossierEvent): LifecycleProblem | null {
  const problem = actionProblem(state, event.type);
  if (problem !== null || state === null) return problem;
  switch (event.type) {
    case 'appointment.rescheduled':
      return sameInstant(event.payload.previousAppointmentAt, state.appointmentAt)
        ? null
        : conflictProblem(event.type, 'ngày hẹn cũ không khớp với ngày hẹn hiện tại (có thể đã được hẹn lại)');
    case 'field.corrected': {
      const current = currentFieldValue(state, event.payload.field);
      if (current === undefined) return forbidden(event.type, 'hồ sơ không có chủ hồ sơ riêng', state);
      return current === event.payload.oldValue ? null : conflictProblem(event.type, 'giá trị cũ không khớp với giá trị hiện tại (có thể đã được sửa)');
    }
    case 'attachment.added': {
      const p = event.payload;
      if (state.attachments.some((a) => a.attachmentId === p.attachmentId)) return conflictProblem(event.type, 'tệp này đã được đính kèm');
      return p.kind === 'result' && state.resultAt === null ? forbidden(event.type, 'hồ sơ chưa có kết quả để số hoá', state) : null;
    }
    case 'attachment.retracted': {
      const target = state.attachments.find((a) => a.attachmentId === event.payload.attachmentId);
      if (target === undefined) return conflictProblem(event.type, 'hồ sơ không có tệp này');
      return target.retractedAt === null ? null : conflictProblem(event.type, 'tệp này đã được gỡ');
    }
    case 'conflict.resolved':
      return event.payload.resolution === 'set_status' && event.payload.status === 1
        ? forbidden(event.type, `không thể đặt trạng thái "${statusLabel(1)}" cho hồ sơ đã có ở bộ phận một cửa`, state)
        : null;
    default:
      return null;
  }
}

function raise(problem: LifecycleProblem | null): void {
  if (problem !== null) throw new CommandError(problem.code, problem.message);
}

/** Throws CommandError('transition_forbidden') if the lifecycle forbids `type` now. */
export function checkAction(state: DossierState | null, type: DossierEventType): void {
  raise(actionProblem(state, type));
}

/** Throws CommandError ('transition_forbidden' or 'conflict') if `event` may not be added now. */
export function checkEvent(state: DossierState | null, event: DossierEvent): void {
  raise(eventProblem(state, event));
}

export function isActionAllowed(state: DossierState | null, type: DossierEventType): boolean {
  return actionProblem(state, type) === null;
}

/** The actions a desk may offer now, in EVENT_TYPES order (the UI shows only these). */
export function allowedActions(state: DossierState | null): DossierEventType[] {
  return EVENT_TYPES.filter((type) => actionProblem(state, type) === null);
}
