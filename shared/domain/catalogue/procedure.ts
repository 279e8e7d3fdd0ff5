import { z } from 'zod';
import { IsoDateSchema } from './iso-date.js';
import { SlugSchema } from './slug.js';

// An administrative procedure (thủ tục hành chính) handled at a ward/commune one-stop desk, with
// what the desk needs to receive it: its limit, its same-day cut-off, its fee and the checklist of
// papers. All of it is data the centre updates, never law hard-coded in the deadline engine.

/**
 * How a paper must be brought:
 * - original: bản chính;
 * - certified_copy: bản sao có chứng thực (or a copy issued from the master register);
 * - copy: bản chụp / bản sao thường;
 * - original_or_copy: bản chính, or a certified copy, or a plain copy shown with its original.
 */
export const DOCUMENT_FORMS = ['original', 'certified_copy', 'copy', 'original_or_copy'] as const;
export const DocumentFormSchema = z.enum(DOCUMENT_FORMS);
export type DocumentForm = z.infer<typeof DocumentFormSchema>;

/** One line of the required-documents checklist (thành phần hồ sơ). */
export const RequiredDocumentSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1),
  form: DocumentFormSchema,
  /** How many of it (số lượng), at least one. */
  count: z.number().int().min(1),
  /**
   * False for papers needed only in some cases (e.g. a divorce decree when the applicant was
   * married before): the desk must not treat them as missing in every dossier.
   */
  required: z.boolean(),
  /** When it applies, or "shown, not kept" (xuất trình) — in Vietnamese, for the officer. */
  note: z.string().min(1).optional(),
});
export type RequiredDocument = z.infer<typeof RequiredDocumentSchema>;

export const LIMIT_KINDS = ['working_days', 'calendar_days', 'hours', 'same_day'] as const;

/**
 * The statutory processing limit. `same_day` (giải quyết ngay trong ngày) always has amount 1: the
 * result is due on the day of receipt (or the next working day after the cut-off).
 */
export const ProcessingLimitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('working_days'), amount: z.number().int().positive() }),
  z.object({ kind: z.literal('calendar_days'), amount: z.number().int().positive() }),
  z.object({ kind: z.literal('hours'), amount: z.number().int().positive() }),
  z.object({ kind: z.literal('same_day'), amount: z.literal(1) }),
]);
export type ProcessingLimit = z.infer<typeof ProcessingLimitSchema>;
export type LimitKind = ProcessingLimit['kind'];

/** A longer limit the law allows in a named case (verification needed, a complex case…). */
export const ExtendedLimitSchema = z.object({
  limit: ProcessingLimitSchema,
  /** The case, in Vietnamese, e.g. "Cần xác minh điều kiện kết hôn". */
  when: z.string().min(1),
});
export type ExtendedLimit = z.infer<typeof ExtendedLimitSchema>;

/** Received after this time of day (Vietnam time) → due the next working day. */
export const CutoffSchema = z.object({
  time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/u, { error: 'Giờ chốt phải có dạng HH:mm.' }),
});
export type Cutoff = z.infer<typeof CutoffSchema>;

export const FeeSchema = z.object({
  /**
   * The base amount in đồng (per case, per page… as the note says); 0 = free. Null when the rate is
   * set by the provincial People's Council (HĐND tỉnh) and not yet confirmed for this catalogue:
   * the administrator enters it, and the desk must not print 0 for it.
   */
  amountVnd: z.number().int().min(0).nullable(),
  /** Unit of the amount, ceilings, exemptions, legal basis — in Vietnamese, for the officer. */
  note: z.string().min(1),
});
export type Fee = z.infer<typeof FeeSchema>;

/** Where the result can be collected (form 01's "nơi trả kết quả"). */
export const RESULT_DELIVERIES = ['desk', 'post', 'electronic'] as const;
export const ResultDeliverySchema = z.enum(RESULT_DELIVERIES);
export type ResultDelivery = z.infer<typeof ResultDeliverySchema>;

/** National catalogue code (e.g. 1.001193) or a local code (HL.<sector>.<nnn>) until it is known. */
export const ProcedureCodeSchema = z
  .string()
  .regex(/^(?:\d\.\d{6}|HL\.[A-Z]{2,5}\.\d{3})$/u, { error: 'Mã thủ tục phải là mã quốc gia (1.001193) hoặc mã địa phương (HL.HT.001).' });

export const ProcedureSchema = z
  .object({
    id: SlugSchema,
    code: ProcedureCodeSchema,
    /** Official Vietnamese name. */
    name: z.string().min(1),
    sectorId: SlugSchema,
    /** Commune level: received (and usually decided) by the ward/commune People's Committee. */
    level: z.literal('ward'),
    limit: ProcessingLimitSchema,
    /** A shorter limit for online submissions, where the province grants one. */
    onlineLimit: ProcessingLimitSchema.optional(),
    extendedLimit: ExtendedLimitSchema.optional(),
    cutoff: CutoffSchema.nullable(),
    fee: FeeSchema,
    resultDelivery: z.array(ResultDeliverySchema).min(1),
    documents: z.array(RequiredDocumentSchema).min(1),
    /** Legal texts the record rests on, most specific first (căn cứ pháp lý). */
    legalBasis: z.array(z.string().min(1)).min(1),
    /** First day this version of the record applies. */
    validFrom: IsoDateSchema,
    /** Increases with each change the centre publishes. */
    version: z.number().int().min(1),
  })
  .refine((p) => new Set(p.documents.map((d) => d.id)).size === p.documents.length, {
    error: 'Mã giấy tờ trong danh mục hồ sơ của một thủ tục không được trùng nhau.',
    path: ['documents'],
  })
  .refine((p) => new Set(p.resultDelivery).size === p.resultDelivery.length, {
    error: 'Hình thức trả kết quả không được lặp lại.',
    path: ['resultDelivery'],
  });

export type Procedure = z.infer<typeof ProcedureSchema>;
