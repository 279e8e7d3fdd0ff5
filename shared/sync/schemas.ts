import '../contract/zod-vietnamese.js';
import { z } from 'zod';
import { requiredMultilineTextArg, requiredTextArg } from '../contract/inputs.js';
import { AGENCY_IDENTIFIER_PATTERN } from '../domain/dossier-code/agency-identifier.js';
import { FIRST_STATION, LAST_STATION } from '../domain/dossier-code/serial-block.js';
import { calendarYearSchema } from '../domain/calendar/calendar-validation.js';
import { ProcedureSchema } from '../domain/catalogue/procedure.js';
import { unitChangeProblems, unitChangeRefusal, UnitChangeSchema } from '../domain/catalogue/unit-change.js';
import { SlugSchema } from '../domain/catalogue/slug.js';
import { HLC_NODE_PATTERN } from '../domain/clock/hlc.js';
import type { DossierEvent } from '../domain/dossier/events.js';
import { dossierEventSchema, instantSchema, ulidSchema } from '../domain/dossier/event-schemas.js';
import {
  CENTRE_ERROR_CODES,
  PULL_MAX_LIMIT,
  PUSH_MAX_EVENTS,
  PUSH_REJECTION_CODES,
  BLOBS_MISSING_MAX,
  SHA256_PATTERN,
  STAFF_ROLES,
  type PulledEntry,
  type RefusedReference,
} from './protocol.js';

// Runtime schemas of the sync protocol (types in protocol.ts). The centre derives its routes' JSON
// schemas from these (z.toJSONSchema) and parses with them; the desk parses every answer with them,
// so a centre of another version fails loudly instead of writing garbage into a desk.

export const gsoCodeSchema = z.string().regex(/^\d{5}$/, 'Mã đơn vị hành chính (GSO) phải gồm 5 chữ số.');
export const stationSchema = z.int().min(1).max(9);
export const deviceIdSchema = z.string().regex(HLC_NODE_PATTERN, 'Mã thiết bị không hợp lệ.');
export const sha256Schema = z.string().regex(SHA256_PATTERN, 'Mã SHA-256 phải gồm 64 chữ số thập lục phân viết thường.');
/** Enrollment codes are typed by people: Crockford base32 in groups, dashes and case ignored. */
export const enrollmentCodeSchema = z.string().min(8).max(40);
const cursorSchema = z.string().regex(/^\d{1,18}$/, 'Con trỏ đồng bộ không hợp lệ.');

export const enrollRequestSchema = z.strictObject({
  code: enrollmentCodeSchema,
  deviceName: requiredTextArg(100, 'Tên máy'),
  deviceId: deviceIdSchema.optional(),
  unitGsoCode: gsoCodeSchema.optional(),
  unitId: SlugSchema.optional(),
  station: z.int().min(FIRST_STATION).max(LAST_STATION).optional(),
  agencyId: z.string().regex(AGENCY_IDENTIFIER_PATTERN).optional(),
});

export const unitMoveRequestSchema = z.strictObject({
  fromUnitId: SlugSchema,
  toUnitId: SlugSchema,
  agencyId: z.string().regex(AGENCY_IDENTIFIER_PATTERN),
});

export const unitMoveResponseSchema = z.strictObject({
  unitId: SlugSchema,
  unitGsoCode: gsoCodeSchema,
  agencyId: z.string().regex(AGENCY_IDENTIFIER_PATTERN),
  movedAt: instantSchema,
});

export const unitBindingSchema = z.strictObject({
  unitId: SlugSchema.nullable(),
  unitGsoCode: gsoCodeSchema,
  agencyId: z.string().regex(AGENCY_IDENTIFIER_PATTERN).nullable(),
  movedAt: instantSchema.nullable(),
});

export const rekeyRequestSchema = z.strictObject({ formerDeviceId: deviceIdSchema, deviceId: deviceIdSchema });

export const rekeyResponseSchema = z.strictObject({
  deviceId: deviceIdSchema,
  unitGsoCode: gsoCodeSchema,
  station: stationSchema,
  formerDeviceIds: z.array(deviceIdSchema),
});

export const enrollResponseSchema = z.strictObject({
  deviceId: deviceIdSchema,
  token: z.string().min(32).max(200),
  unitGsoCode: gsoCodeSchema,
  station: stationSchema,
  centreTime: instantSchema,
});

/** The push body's outer shape; each event is checked on its own so one bad event does not sink a batch. */
export const pushRequestSchema = z.strictObject({
  events: z.array(z.record(z.string(), z.unknown())).max(PUSH_MAX_EVENTS),
});

const deviceProgressShape = {
  deviceId: z.string(),
  highestSeq: z.int().min(0),
  contiguousThrough: z.int().min(0),
  missing: z.int().min(0),
};

export const pushResponseSchema = z.strictObject({
  stored: z.array(ulidSchema),
  duplicates: z.array(ulidSchema),
  rejected: z.array(z.strictObject({ id: z.string(), code: z.enum(PUSH_REJECTION_CODES), message: z.string() })),
  centreTime: instantSchema,
  device: z.strictObject(deviceProgressShape),
});

export const gapsResponseSchema = z.strictObject({
  ...deviceProgressShape,
  missingRanges: z.array(z.tuple([z.int(), z.int()])),
  logEpoch: z.int().nonnegative().optional(),
  restoredThrough: z.int().nonnegative().nullable().optional(),
});

export const pullQuerySchema = z.strictObject({
  after: cursorSchema.default('0'),
  limit: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(z.int().min(1).max(PULL_MAX_LIMIT))
    .optional(),
  /** '1': include this device's own events (a desk rebuilding itself from the centre). */
  own: z.enum(['0', '1']).optional(),
});

export const referenceChangeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('calendar.year'), record: calendarYearSchema }),
  z.strictObject({ type: z.literal('catalogue.procedure'), record: ProcedureSchema }),
  z.strictObject({ type: z.literal('catalogue.unit'), record: UnitChangeSchema }),
]);

export const pullEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event'), event: dossierEventSchema }),
  z.strictObject({ kind: z.literal('reference'), reference: referenceChangeSchema }),
]);

/**
 * One pulled entry, checked by the same rules as pullEntrySchema (the event or reference change in
 * full, and no keys besides `kind` and its body) but without the union's second pass over every
 * event: a pull checks tens of thousands of them. Null when the entry is not valid.
 */
export function parsePullEntry(raw: unknown): PulledEntry | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const entry = raw as Record<string, unknown>;
  const body = entry.kind === 'event' ? 'event' : entry.kind === 'reference' ? 'reference' : null;
  if (body === null || !Object.hasOwn(entry, body) || Object.keys(entry).length !== 2) return null;
  if (body === 'event') {
    // The event schema has no transforms (event-schemas.ts): a valid event IS its parsed form, so the
    // input is kept and zod's copy dropped at once (a page's events are otherwise held twice).
    return dossierEventSchema.safeParse(entry.event).success ? { kind: 'event', event: entry.event as DossierEvent } : null;
  }
  const reference = referenceChangeSchema.safeParse(entry.reference);
  if (reference.success) return { kind: 'reference', reference: reference.data };
  return refusedUnitChange(entry.reference);
}

/** A unit change whose envelope is sound but whose record is not: refused by name, not a broken page. */
function refusedUnitChange(raw: unknown): RefusedReference | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const change = raw as Record<string, unknown>;
  if (change.type !== 'catalogue.unit' || Object.keys(change).length !== 2 || !Object.hasOwn(change, 'record')) return null;
  // The catalogue is not needed: the record's own schema is what failed.
  return { kind: 'refused-reference', type: 'catalogue.unit', reason: unitChangeRefusal(change.record, unitChangeProblems([], change.record)) };
}

/** The page's frame; entries are parsed one by one with parsePullEntry (a bad one names itself). */
export const pullResponseFrameSchema = z.strictObject({
  entries: z.array(z.unknown()),
  next: cursorSchema,
  hasMore: z.boolean(),
  centreTime: instantSchema,
});

export const centreErrorBodySchema = z.object({
  error: z.object({ code: z.enum(CENTRE_ERROR_CODES), message: z.string() }),
});

export const staffSessionRequestSchema = z.strictObject({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch.'),
  password: z.string().min(1).max(200),
});

export const newStaffRequestSchema = z.strictObject({
  username: staffSessionRequestSchema.shape.username,
  password: z.string().min(10, 'Mật khẩu của cán bộ trung tâm phải có ít nhất 10 ký tự.').max(200),
  role: z.enum(STAFF_ROLES),
});

// Centre staff type free text too: stored in one form, as the desk's commands store it (shared/contract/inputs.ts).
export const staffDossierActionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('result.recorded'),
    summary: requiredMultilineTextArg(2000, 'Nội dung kết quả'),
    outcome: z.enum(['approved', 'rejected']),
  }),
  z.strictObject({
    type: z.literal('supplement.requested'),
    items: z.array(requiredTextArg(500, 'Giấy tờ cần bổ sung')).min(1).max(50),
    reason: requiredMultilineTextArg(2000, 'Lý do'),
  }),
  z.strictObject({
    type: z.literal('appointment.rescheduled'),
    reason: requiredMultilineTextArg(2000, 'Lý do chậm'),
    newAppointmentAt: instantSchema,
    /** An administrator's explicit approval of an apology later than a day before the due date. */
    approveLate: z.boolean().optional(),
  }),
]);

export const staffEventResponseSchema = z.strictObject({ event: dossierEventSchema, needsReview: z.boolean() });

export const enrollmentCodeRequestSchema = z.strictObject({
  unitGsoCode: gsoCodeSchema,
  station: stationSchema,
  validHours: z.int().min(1).max(24 * 30).optional(),
});

export const enrollmentCodeResponseSchema = z.strictObject({
  code: z.string(),
  unitGsoCode: gsoCodeSchema,
  station: stationSchema,
  expiresAt: instantSchema,
});

export const lookupResponseSchema = z.strictObject({
  code: z.string(),
  status: z.int().min(1).max(10),
  statusLabel: z.string(),
  procedureName: z.string(),
  appointmentAt: instantSchema.nullable(),
});

export const dossierCodeParamSchema = z.string().min(5).max(60);
export const dossierIdSchema = ulidSchema;

export const blobsMissingRequestSchema = z.strictObject({ sha256: z.array(sha256Schema).max(BLOBS_MISSING_MAX) });
export const blobsMissingResponseSchema = z.strictObject({ missing: z.array(sha256Schema) });
export const putBlobResponseSchema = z.strictObject({ sha256: sha256Schema, stored: z.boolean() });
