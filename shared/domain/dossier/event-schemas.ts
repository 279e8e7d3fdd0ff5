import '../../contract/zod-vietnamese.js';
import { z } from 'zod';
import { DEADLINE_LIMIT_KINDS } from '../calendar/deadlines.js';
import { HLC_NODE_PATTERN, HLC_PATTERN } from '../clock/hlc.js';
import { parseDossierCode } from '../dossier-code/dossier-code.js';
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_MEDIA_TYPES,
  ATTACHMENT_SOURCES,
  OWNER_KINDS,
  PAYLOAD_INSTANT_FIELD,
  RATING_REASON_MAX_LENGTH,
  SATISFACTION_LEVELS,
  type CorrectableField,
  type CorrectableFields,
  type DossierEvent,
  type DossierEventType,
} from './events.js';

// Runtime validation of dossier events: what a desk writes and what the centre accepts on push.
// Strict objects (unknown keys are refused, DESIGN.md: "only malformed data is refused") and no
// transforms, so a parsed event equals its input and its content hash does not change.

const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

export const ulidSchema = z.string().regex(ULID_PATTERN, 'Mã ULID không hợp lệ.');
/** An ISO instant in UTC (`…Z`); business times are stored in UTC, shown in Vietnam time. */
export const instantSchema = z.iso.datetime({ error: 'Thời điểm phải theo ISO 8601, giờ UTC (kết thúc bằng Z).' });
const localDateSchema = z.iso.date({ error: 'Ngày phải có dạng yyyy-MM-dd và có thật.' });

function requiredText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { error: 'Không được để trống.' });
}

const freeText = (max: number) => z.string().max(max);
const reasonSchema = requiredText(2000);
const personName = requiredText(200);
export const idNumberSchema = z.string().regex(/^\d{12}$/, 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.');
const phoneSchema = z.string().regex(/^\+?\d[\d .-]{6,18}\d$/, 'Số điện thoại không hợp lệ.');
const emailSchema = z.email({ error: 'Địa chỉ thư điện tử không hợp lệ.' });
const addressSchema = requiredText(500);
const setsSchema = z.int().min(1).max(99);
export const statusCodeSchema = z.literal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const channelSchema = z.literal([1, 2, 3]);

const unitSchema = z.strictObject({
  gsoCode: z.string().regex(/^\d{5}$/, 'Mã đơn vị hành chính (GSO) phải gồm 5 chữ số.'),
  name: requiredText(200),
  agencyId: requiredText(40),
});

const procedureSchema = z.strictObject({
  id: requiredText(64),
  code: requiredText(64),
  name: requiredText(500),
  sectorId: requiredText(64),
  sectorName: requiredText(200),
  limit: z.strictObject({
    kind: z.enum(DEADLINE_LIMIT_KINDS),
    amount: z.number().min(0).max(3650),
  }),
  cutoff: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Giờ chốt phải có dạng HH:mm.').nullable(),
});

const applicantSchema = z.strictObject({
  fullName: personName,
  idNumber: idNumberSchema.nullable(),
  birthDate: localDateSchema.nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  address: addressSchema.nullable(),
  phone: phoneSchema.nullable(),
  email: emailSchema.nullable(),
});

const ownerIdNumber = requiredText(30);
const ownerSchema = z
  .strictObject({
    kind: z.enum(OWNER_KINDS),
    name: personName,
    idNumber: ownerIdNumber.nullable(),
  })
  .superRefine((owner, ctx) => {
    if (owner.kind === 'citizen' && owner.idNumber !== null && !/^\d{12}$/.test(owner.idNumber)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.' });
    }
  });

const documentSchema = z.strictObject({
  itemId: requiredText(64),
  name: requiredText(500),
  form: z.enum(['original', 'certified_copy', 'copy']),
  count: z.int().min(1).max(99),
});

const supplementItems = z.array(requiredText(500)).min(1, 'Phải liệt kê ít nhất một giấy tờ cần bổ sung.').max(50);

const supplementListSchema = z.strictObject({ items: supplementItems, reason: reasonSchema });

function notBefore(later: string, earlier: string): boolean {
  return Date.parse(later) >= Date.parse(earlier);
}

const receivedPayload = z
  .strictObject({
    code: requiredText(60).nullable(),
    unit: unitSchema,
    procedure: procedureSchema,
    channel: channelSchema,
    applicant: applicantSchema,
    owner: ownerSchema.nullable(),
    documents: z.array(documentSchema).max(100),
    sets: setsSchema,
    notes: freeText(2000),
    receivedAt: instantSchema,
    appointmentAt: instantSchema.nullable(),
    backEntered: z.boolean(),
    intake: z.enum(['accepted', 'supplement_requested']),
    supplement: supplementListSchema.nullable(),
  })
  .superRefine((p, ctx) => {
    if (p.intake === 'accepted') {
      if (p.code === null) {
        ctx.addIssue({ code: 'custom', path: ['code'], message: 'Hồ sơ đã tiếp nhận phải có mã hồ sơ.' });
      }
      if (p.supplement !== null) {
        ctx.addIssue({ code: 'custom', path: ['supplement'], message: 'Hồ sơ đã tiếp nhận thì không kèm phiếu yêu cầu bổ sung.' });
      }
      if (p.appointmentAt === null) {
        ctx.addIssue({ code: 'custom', path: ['appointmentAt'], message: 'Hồ sơ đã tiếp nhận phải có ngày hẹn trả.' });
      } else if (!notBefore(p.appointmentAt, p.receivedAt)) {
        ctx.addIssue({ code: 'custom', path: ['appointmentAt'], message: 'Ngày hẹn trả không được trước thời điểm tiếp nhận.' });
      }
    } else {
      if (p.supplement === null) {
        ctx.addIssue({ code: 'custom', path: ['supplement'], message: 'Yêu cầu bổ sung phải kèm danh sách giấy tờ và lý do (mẫu 02).' });
      }
      if (p.appointmentAt !== null) {
        ctx.addIssue({ code: 'custom', path: ['appointmentAt'], message: 'Chưa có ngày hẹn trả khi đang chờ bổ sung hồ sơ.' });
      }
    }
  });

const refusedPayload = z.strictObject({
  unit: unitSchema,
  procedure: procedureSchema,
  channel: channelSchema,
  applicant: applicantSchema,
  reason: reasonSchema,
  refusedAt: instantSchema,
});

const supplementRequestedPayload = z.strictObject({
  items: supplementItems,
  reason: reasonSchema,
  requestedAt: instantSchema,
});

// The new appointment may lie before the supplement arrived: a dossier already late when the papers
// were requested is moved by the wait and stays late. Refusing it would make its papers unreceivable.
// `code` is optional (not nullable) so that every return recorded before it existed keeps its bytes.
const supplementReceivedPayload = z.strictObject({ receivedAt: instantSchema, newAppointmentAt: instantSchema, code: requiredText(60).optional() });

const forwardedPayload = z.strictObject({
  to: z.strictObject({ kind: z.enum(['officer', 'agency']), name: requiredText(200) }),
  note: freeText(1000),
  forwardedAt: instantSchema,
});

const resultRecordedPayload = z.strictObject({
  resultAt: instantSchema,
  summary: freeText(2000),
  outcome: z.enum(['approved', 'rejected']),
});

const rescheduledPayload = z
  .strictObject({ reason: reasonSchema, previousAppointmentAt: instantSchema, newAppointmentAt: instantSchema })
  .refine((p) => Date.parse(p.newAppointmentAt) > Date.parse(p.previousAppointmentAt), {
    path: ['newAppointmentAt'],
    error: 'Ngày hẹn mới phải sau ngày hẹn cũ.',
  });

const collectorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('applicant') }),
  z.strictObject({ kind: z.literal('authorised'), fullName: personName, idNumber: idNumberSchema }),
]);

const handedBackPayload = z.strictObject({ collector: collectorSchema, handedBackAt: instantSchema });
const ratedPayload = z.strictObject({ level: z.enum(SATISFACTION_LEVELS), reason: requiredText(RATING_REASON_MAX_LENGTH).optional() });
const withdrawnPayload = z.strictObject({ reason: reasonSchema, withdrawnAt: instantSchema });
const stoppedPayload = z.strictObject({ reason: reasonSchema, stoppedAt: instantSchema });
const feePayload = z.strictObject({
  amountVnd: z.int().min(0, 'Số tiền phí, lệ phí không được âm.'),
  receiptNo: requiredText(60).nullable(),
});
const notePayload = z.strictObject({ text: requiredText(2000) });

function correction<F extends CorrectableField>(field: F, value: z.ZodType<CorrectableFields[F]>) {
  return z
    .strictObject({ field: z.literal(field), oldValue: value, newValue: value, reason: reasonSchema })
    .refine((p) => p.oldValue !== p.newValue, { path: ['newValue'], error: 'Giá trị mới trùng giá trị cũ.' });
}

const correctedPayload = z.discriminatedUnion('field', [
  correction('applicant.fullName', personName),
  correction('applicant.idNumber', idNumberSchema.nullable()),
  correction('applicant.birthDate', localDateSchema.nullable()),
  correction('applicant.phone', phoneSchema.nullable()),
  correction('applicant.address', addressSchema.nullable()),
  correction('applicant.email', emailSchema.nullable()),
  correction('owner.name', personName),
  correction('owner.idNumber', ownerIdNumber.nullable()),
  correction('notes', freeText(2000)),
  correction('sets', setsSchema),
]);

const conflictResolvedPayload = z.discriminatedUnion('resolution', [
  z.strictObject({ reason: reasonSchema, resolution: z.literal('keep_current') }),
  z.strictObject({ reason: reasonSchema, resolution: z.literal('set_status'), status: statusCodeSchema }),
]);

const attachmentAddedPayload = z
  .strictObject({
    attachmentId: ulidSchema,
    blobSha256: z.string().regex(/^[0-9a-f]{64}$/, 'Mã SHA-256 của tệp phải gồm 64 chữ số thập lục phân viết thường.'),
    fileName: requiredText(255),
    mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
    pages: z.int().min(1).max(10_000),
    sizeBytes: z.int().min(1).max(2 ** 40),
    kind: z.enum(ATTACHMENT_KINDS),
    checklistItemId: requiredText(64).nullable(),
    source: z.enum(ATTACHMENT_SOURCES),
    reusedFromDossierId: ulidSchema.nullable(),
  })
  .refine((p) => (p.source === 'reused_dossier' || p.source === 'reused_result') === (p.reusedFromDossierId !== null), {
    path: ['reusedFromDossierId'],
    error: 'Tệp dùng lại phải ghi hồ sơ gốc (và chỉ khi dùng lại).',
  });
const attachmentRetractedPayload = z.strictObject({ attachmentId: ulidSchema, reason: reasonSchema });

const codeReissuedPayload = z.strictObject({
  code: requiredText(64).refine((code) => parseDossierCode(code) !== null, 'Mã hồ sơ phải có dạng <mã định danh cơ quan>-<yyMMdd>-<NNNN>.'),
  previousCode: z.string().max(40).nullable(),
  reason: reasonSchema,
});

const envelopeShape = {
  id: ulidSchema,
  dossierId: ulidSchema,
  officerId: requiredText(64),
  deviceId: z.string().regex(HLC_NODE_PATTERN, 'Mã thiết bị không hợp lệ.'),
  deviceSeq: z.int().min(1),
  hlc: z.string().regex(HLC_PATTERN, 'Dấu thời gian logic (HLC) không đúng định dạng.'),
  occurredAt: instantSchema,
};

function member<T extends DossierEventType, P extends z.ZodType>(type: T, payload: P) {
  return z.strictObject({ ...envelopeShape, type: z.literal(type), payload });
}

/** Validates any dossier event: envelope, type and the payload of that type. */
export const dossierEventSchema = z
  .discriminatedUnion('type', [
    member('dossier.received', receivedPayload),
    member('dossier.refused', refusedPayload),
    member('supplement.requested', supplementRequestedPayload),
    member('supplement.received', supplementReceivedPayload),
    member('dossier.forwarded', forwardedPayload),
    member('result.recorded', resultRecordedPayload),
    member('appointment.rescheduled', rescheduledPayload),
    member('result.handedBack', handedBackPayload),
    member('satisfaction.rated', ratedPayload),
    member('dossier.withdrawn', withdrawnPayload),
    member('processing.stopped', stoppedPayload),
    member('fee.recorded', feePayload),
    member('note.added', notePayload),
    member('field.corrected', correctedPayload),
    member('conflict.resolved', conflictResolvedPayload),
    member('attachment.added', attachmentAddedPayload),
    member('attachment.retracted', attachmentRetractedPayload),
    member('code.reissued', codeReissuedPayload),
  ])
  .superRefine((event, ctx) => {
    // One business time per fact: the payload's own instant and occurredAt must agree.
    const field = PAYLOAD_INSTANT_FIELD[event.type];
    if (field !== undefined) {
      const own = (event.payload as Record<string, unknown>)[field];
      if (typeof own === 'string' && Date.parse(own) !== Date.parse(event.occurredAt)) {
        ctx.addIssue({ code: 'custom', path: ['payload', field], message: `${field} phải trùng với occurredAt.` });
      }
    }
    // The stamp's node is the device that issued it, so stamps of different devices never tie.
    const node = HLC_PATTERN.exec(event.hlc)?.[3];
    if (node !== undefined && node !== event.deviceId) {
      ctx.addIssue({ code: 'custom', path: ['hlc'], message: 'Dấu thời gian logic phải do chính thiết bị ghi sự kiện cấp.' });
    }
  });

type DeepWritable<T> = T extends readonly (infer E)[]
  ? DeepWritable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepWritable<T[K]> }
    : T;
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
// The hand-written types in events.ts and these schemas describe exactly the same events.
export const schemaMatchesTypes: Exact<DeepWritable<DossierEvent>, z.output<typeof dossierEventSchema>> = true;

/** Parse unknown data into an event, or return the first issues in Vietnamese. */
export function parseDossierEvent(value: unknown): { ok: true; event: DossierEvent } | { ok: false; issues: string[] } {
  const result = dossierEventSchema.safeParse(value);
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => `${issue.path.join('.') || '(sự kiện)'}: ${issue.message}`),
  };
}
