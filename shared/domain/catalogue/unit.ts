import { z } from 'zod';
import { AGENCY_IDENTIFIER_INVALID_MESSAGE, AGENCY_IDENTIFIER_PATTERN } from '../dossier-code/agency-identifier.js';
import { IsoDateSchema } from './iso-date.js';
import { SlugSchema } from './slug.js';

// A commune-level administrative unit (đơn vị hành chính cấp xã): a ward (phường), a commune (xã) or,
// since 1/7/2025, a special zone (đặc khu). Units are versioned: merged or abolished units keep their
// row with a `validTo`, so a dossier keeps the unit as it was on the day it was received.

export const UNIT_KINDS = ['ward', 'commune', 'special-zone'] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

/** The General Statistics Office code of a commune-level unit (mã đơn vị hành chính), five digits. */
export const GsoCodeSchema = z.string().regex(/^\d{5}$/u, { error: 'Mã đơn vị hành chính (GSO) phải gồm đúng 5 chữ số.' });

export const AgencyIdentifierSchema = z.string().regex(AGENCY_IDENTIFIER_PATTERN, { error: AGENCY_IDENTIFIER_INVALID_MESSAGE });

/** Facts of a unit that the catalogue holds without an official text to confirm them ("verify"). */
export const UNIT_FACTS = ['gsoCode', 'agencyId', 'formedFrom', 'validTo'] as const;
export const UnitFactSchema = z.enum(UNIT_FACTS);
export type UnitFact = z.infer<typeof UnitFactSchema>;

/**
 * A former unit the unit was formed from: its whole territory and population, a part of it, or
 * 'unknown' when the sources name the unit but not how much of it.
 */
export const PredecessorSchema = z.strictObject({
  unitId: SlugSchema,
  share: z.enum(['whole', 'part', 'unknown']),
});
export type Predecessor = z.infer<typeof PredecessorSchema>;

export const UnitSchema = z
  .object({
    id: SlugSchema,
    gsoCode: GsoCodeSchema,
    /** Full name as written on documents, e.g. "Phường Hồng Gai". */
    name: z.string().min(1),
    /** Name without the kind, e.g. "Hồng Gai". */
    shortName: z.string().min(1),
    kind: UnitKindSchema,
    /** The unit's electronic agency identifier (mã định danh điện tử), AAA.BB.CC.Hnn; one per unit. */
    agencyId: AgencyIdentifierSchema,
    /** First day the unit exists in this form (inclusive). */
    validFrom: IsoDateSchema,
    /** Last day the unit exists in this form (inclusive); null while it still exists. */
    validTo: IsoDateSchema.nullable(),
    /** Units that took over its territory when it ended; empty when unknown or not ended. */
    successorIds: z.array(SlugSchema),
    /** Former units of the catalogue it was formed from; empty when none are in the catalogue. */
    formedFrom: z.array(PredecessorSchema).default([]),
    /** Facts still to be checked against an official text; the seed's comments name the sources. */
    unconfirmed: z.array(UnitFactSchema).default([]),
  })
  .refine((unit) => unit.validTo === null || unit.validTo >= unit.validFrom, {
    error: 'Ngày hết hiệu lực của đơn vị không được trước ngày bắt đầu.',
    path: ['validTo'],
  })
  .refine((unit) => !unit.successorIds.includes(unit.id), {
    error: 'Một đơn vị không thể là đơn vị kế thừa của chính nó.',
    path: ['successorIds'],
  })
  .refine((unit) => !unit.formedFrom.some((p) => p.unitId === unit.id), {
    error: 'Một đơn vị không thể được hình thành từ chính nó.',
    path: ['formedFrom'],
  });

export type Unit = z.infer<typeof UnitSchema>;

/** True when the unit exists on the given Vietnam calendar date (both ends inclusive). */
export function isUnitValidOn(unit: Unit, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date <= unit.validTo);
}

/** True when the unit had ended before the date (a former unit, kept for the history it holds). */
export function isFormerUnitOn(unit: Unit, date: string): boolean {
  return unit.validTo !== null && unit.validTo < date;
}
