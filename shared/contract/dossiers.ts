import { z } from 'zod';
import type { RescheduleHint } from '../domain/calendar/reschedule.js';
import type { DossierEventType, StatusCode, SatisfactionLevel, Channel } from '../domain/dossier/events.js';
import { CORRECTABLE_FIELDS, OWNER_KINDS, RATING_REASON_MAX_LENGTH, SATISFACTION_LEVELS, type CorrectableField } from '../domain/dossier/events.js';
import type { DossierState } from '../domain/dossier/state.js';
import type { DailyTally } from '../domain/dossier/tally.js';
import { canonicalPhone } from '../domain/contact/phone-number.js';
import { normaliseMultilineText, normaliseName } from '../domain/text/normalise-name.js';
import {
  checkedText,
  instantArg,
  localDateArg,
  optionalMultilineTextArg,
  optionalTextArg,
  requiredMultilineTextArg,
  requiredTextArg,
  ulidArg,
  type TextKind,
} from './inputs.js';

// Dossier commands. Arguments carry what the officer typed; the core adds the officer, device,
// clock, code and appointment, so a client can never forge them.

const idNumberArg = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.');
// Stored in one form ("0912345222", whether typed "0912.345.222" or "+84 912 345 222"), so search finds it.
const phoneArg = z
  .string()
  .trim()
  .transform(canonicalPhone)
  .pipe(z.string().regex(/^\+?\d{8,15}$/, 'Số điện thoại không hợp lệ.'));
const channelArg = z.literal([1, 2, 3], 'Kênh tiếp nhận phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính công ích).');
const statusArg = z.literal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'Mã trạng thái từ 1 đến 10.');

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

export const applicantArg = z.strictObject({
  fullName: requiredTextArg(200, 'Họ và tên người nộp'),
  idNumber: nullable(idNumberArg),
  birthDate: nullable(localDateArg),
  sex: nullable(z.enum(['male', 'female'])),
  address: optionalTextArg(500, 'Địa chỉ người nộp'),
  phone: nullable(phoneArg),
  email: nullable(z.email('Địa chỉ thư điện tử không hợp lệ.')),
});

export const ownerArg = z.strictObject({
  kind: z.enum(OWNER_KINDS),
  name: requiredTextArg(200, 'Tên chủ hồ sơ'),
  idNumber: optionalTextArg(30, 'Số giấy tờ của chủ hồ sơ'),
});

export const documentArg = z.strictObject({
  itemId: requiredTextArg(64, 'Mã giấy tờ'),
  name: requiredTextArg(300, 'Tên giấy tờ'),
  form: z.enum(['original', 'certified_copy', 'copy']),
  count: z.int().min(1, 'Số lượng ít nhất là 1.').max(99),
});

const supplementListArg = z.strictObject({
  items: z.array(requiredTextArg(300, 'Giấy tờ cần bổ sung')).min(1, 'Hãy liệt kê ít nhất một giấy tờ cần bổ sung.').max(50),
  reason: requiredMultilineTextArg(2000, 'Lý do'),
});

export const dossiersReceiveArgs = z
  .strictObject({
    procedureId: requiredTextArg(64, 'Thủ tục'),
    channel: channelArg,
    applicant: applicantArg,
    owner: nullable(ownerArg),
    documents: z.array(documentArg).max(100),
    sets: z.int().min(1, 'Số bộ hồ sơ ít nhất là 1.').max(99).default(1),
    notes: optionalMultilineTextArg(2000, 'Ghi chú'),
    /** 'supplement_requested': form 02 instead of a receipt; the clock waits for the papers. */
    intake: z.enum(['accepted', 'supplement_requested']).default('accepted'),
    supplement: supplementListArg.optional(),
    /** Back-entry by a supervisor of a dossier logged on paper during an outage: the real receipt time. */
    receivedAt: instantArg.optional(),
  })
  .refine((a) => (a.intake === 'supplement_requested') === (a.supplement !== undefined), {
    message: 'Yêu cầu bổ sung tại quầy cần danh sách giấy tờ và lý do (và chỉ khi đó).',
    path: ['supplement'],
  });

export const dossiersRefuseArgs = z.strictObject({
  procedureId: requiredTextArg(64, 'Thủ tục'),
  channel: channelArg,
  applicant: applicantArg,
  reason: requiredMultilineTextArg(2000, 'Lý do từ chối'),
});

export const dossiersPreviewAppointmentArgs = z.strictObject({
  procedureId: requiredTextArg(64, 'Thủ tục'),
  channel: channelArg,
  receivedAt: instantArg.optional(),
});

export const dossiersGetArgs = z.union([z.strictObject({ id: ulidArg }), z.strictObject({ code: requiredTextArg(40, 'Mã hồ sơ') })]);

export const dossiersSearchArgs = z
  .strictObject({
    /** Code, name without diacritics, ID number or phone. */
    text: z.string().trim().max(200).optional(),
    statuses: z.array(statusArg).max(10).optional(),
    overdue: z.boolean().optional(),
    /** Unfinished and due within this many hours from now (e.g. 24). */
    dueWithinHours: z.int().min(1).max(24 * 30).optional(),
    procedureId: z.string().max(64).optional(),
    channel: channelArg.optional(),
    receivedFrom: localDateArg.optional(),
    receivedTo: localDateArg.optional(),
    needsReview: z.boolean().optional(),
    limit: z.int().min(1).max(500).default(50),
    offset: z.int().min(0).max(10_000_000).default(0),
  })
  .refine((a) => !a.receivedFrom || !a.receivedTo || a.receivedFrom <= a.receivedTo, {
    message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
    path: ['receivedTo'],
  });

const onDossier = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject({ dossierId: ulidArg, ...shape });

export const dossiersForwardArgs = onDossier({
  to: z.strictObject({ kind: z.enum(['officer', 'agency']), name: requiredTextArg(200, 'Nơi nhận') }),
  note: optionalMultilineTextArg(2000, 'Ghi chú chuyển hồ sơ'),
});
export const dossiersRequestSupplementArgs = onDossier(supplementListArg.shape);
export const dossiersReceiveSupplementArgs = onDossier({});
export const dossiersRecordResultArgs = onDossier({
  summary: requiredMultilineTextArg(2000, 'Nội dung kết quả'),
  outcome: z.enum(['approved', 'rejected']).default('approved'),
});
export const dossiersRescheduleArgs = onDossier({
  reason: requiredMultilineTextArg(2000, 'Lý do chậm'),
  newAppointmentAt: instantArg,
  /** A supervisor's explicit approval of an apology later than a day before the due date. */
  approveLate: z.boolean({ error: 'Xác nhận hẹn lại sau thời hạn phải là true hoặc false.' }).optional(),
});
export const dossiersHandBackArgs = onDossier({
  collector: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('applicant') }),
    z.strictObject({ kind: z.literal('authorised'), fullName: requiredTextArg(200, 'Họ tên người nhận thay'), idNumber: idNumberArg }),
  ]),
});
export const dossiersRateArgs = onDossier({
  level: z.enum(SATISFACTION_LEVELS),
  /** "Không hài lòng" only: the citizen's reason, if they gave one ('' when not). */
  reason: optionalMultilineTextArg(RATING_REASON_MAX_LENGTH, 'Lý do không hài lòng'),
}).refine((args) => args.reason === '' || args.level === 'not_satisfied', { path: ['reason'], error: 'Chỉ ghi lý do khi công dân không hài lòng.' });
export const dossiersWithdrawArgs = onDossier({ reason: requiredMultilineTextArg(2000, 'Lý do rút hồ sơ') });
export const dossiersStopArgs = onDossier({ reason: requiredMultilineTextArg(2000, 'Lý do dừng xử lý') });
export const dossiersRecordFeeArgs = onDossier({
  amountVnd: z.int('Số tiền phải là số nguyên (đồng).').min(0, 'Số tiền không được âm.').max(1_000_000_000),
  receiptNo: optionalTextArg(60, 'Số biên lai'),
});
export const dossiersAddNoteArgs = onDossier({ text: requiredMultilineTextArg(2000, 'Ghi chú') });
/** The corrections whose values are free text, with how each is stored and named in messages. */
const CORRECTED_TEXT: Partial<Record<CorrectableField, { kind: TextKind; what: string }>> = {
  'applicant.fullName': { kind: 'line', what: 'Họ và tên người nộp' },
  'applicant.address': { kind: 'line', what: 'Địa chỉ người nộp' },
  'owner.name': { kind: 'line', what: 'Tên chủ hồ sơ' },
  'owner.idNumber': { kind: 'line', what: 'Số giấy tờ của chủ hồ sơ' },
  notes: { kind: 'multiline', what: 'Ghi chú' },
};

export const dossiersCorrectFieldArgs = onDossier({
  field: z.enum(CORRECTABLE_FIELDS),
  oldValue: z.union([z.string(), z.number(), z.null()]),
  newValue: z.union([z.string().trim(), z.number(), z.null()]),
  reason: requiredMultilineTextArg(2000, 'Lý do sửa'),
}).transform((args, ctx) => {
  const text = CORRECTED_TEXT[args.field];
  if (text === undefined) return args;
  const newValue = typeof args.newValue === 'string' ? checkedText(args.newValue, text.kind, text.what) : null;
  if (newValue !== null && !newValue.ok) {
    ctx.addIssue({ code: 'custom', path: ['newValue'], message: newValue.message });
    return z.NEVER;
  }
  // The old value is what the screen showed, compared with the folded value: both in the stored form.
  const normalise = text.kind === 'line' ? normaliseName : normaliseMultilineText;
  return {
    ...args,
    oldValue: typeof args.oldValue === 'string' ? normalise(args.oldValue) : args.oldValue,
    newValue: newValue === null ? args.newValue : newValue.text,
  };
});
export const dossiersResolveConflictArgs = onDossier({
  reason: requiredMultilineTextArg(2000, 'Cách xử lý'),
  status: statusArg.optional(),
});
/** A supervisor's new code for a dossier set aside because another dossier of the unit holds its code. */
export const dossiersReissueCodeArgs = onDossier({
  reason: requiredMultilineTextArg(2000, 'Lý do cấp lại mã'),
});
export const dossiersRebuildArgs = z.strictObject({});

export const talliesDailyArgs = z.strictObject({ date: localDateArg });

/** One row of the work list. */
export interface DossierRow {
  id: string;
  code: string | null;
  status: StatusCode;
  procedureName: string;
  sectorName: string;
  applicantName: string;
  channel: Channel;
  receivedAt: string | null;
  appointmentAt: string | null;
  finishedAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
  needsReview: boolean;
  /** The code this dossier was received under while another dossier of the unit holds it (set aside); else null. */
  setAsideCode: string | null;
}

export interface DossierSearchResult {
  rows: DossierRow[];
  total: number;
}

export interface HistoryEntry {
  eventId: string;
  type: DossierEventType;
  /** Vietnamese label of the action. */
  label: string;
  occurredAt: string;
  recordedBy: { officerId: string; fullName: string | null };
  deviceId: string;
  payload: unknown;
}

export interface DossierDetail {
  state: DossierState;
  history: HistoryEntry[];
  /** The actions the lifecycle allows now: the UI shows only these. */
  allowedActions: DossierEventType[];
  overdue: boolean;
  dueSoon: boolean;
  /** Where the form-04 dialog starts (a new date that passes, whether it is late); null when no apology is allowed now. */
  reschedule: RescheduleHint | null;
  /**
   * Set aside because another dossier of the unit holds its code (a restored or misconfigured desk issued
   * it twice): the code, why in Vietnamese, since when; null otherwise. A supervisor ends it with
   * dossiers.reissueCode.
   */
  codeConflict: CodeConflict | null;
  /**
   * Set when the appointment was counted through a year the desk's calendar does not hold (only weekends
   * and the fixed solar holidays were skipped there): what to tell the officer, in Vietnamese; else null.
   */
  calendarNote: string | null;
}

export interface CodeConflict {
  code: string;
  reason: string;
  foundAt: string;
}

export interface AppointmentPreview {
  appointmentAt: string;
  limitText: string;
  /** As `DossierDetail.calendarNote`: the appointment crosses a year without a calendar; else null. */
  calendarNote: string | null;
}

export interface RebuildReport {
  dossiers: number;
  events: number;
  durationMs: number;
}

export type { DailyTally, SatisfactionLevel };
