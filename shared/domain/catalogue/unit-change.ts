import { z } from 'zod';
import { otherUnitHoldingAgency } from './agency-ownership.js';
import { IsoDateSchema } from './iso-date.js';
import { SlugSchema } from './slug.js';
import { AgencyIdentifierSchema, GsoCodeSchema, PredecessorSchema, UnitFactSchema, UnitKindSchema, UnitSchema, type Unit } from './unit.js';

// A unit as the centre publishes it to every desk (reference type `catalogue.unit`): a whole unit,
// replacing the catalogue's unit of that id or adding a new one (a corrected name, an end date and its
// successors, a confirmed agency identifier). Nothing from the wire is trusted: the record is bounded
// field by field here, and checked against the catalogue it would join (unitChangeProblems) by the
// centre before publishing and by each desk before applying it.

const MAX_NAME = 120;
const MAX_LINKS = 60;

const unique = <T>(items: readonly T[], key: (item: T) => string) => new Set(items.map(key)).size === items.length;

/** The published unit, field by field as the catalogue's Unit, with bounds and no unknown keys. */
export const UnitChangeSchema = z
  .strictObject({
    id: SlugSchema.max(80),
    gsoCode: GsoCodeSchema,
    name: z.string().trim().min(1).max(MAX_NAME),
    shortName: z.string().trim().min(1).max(MAX_NAME),
    kind: UnitKindSchema,
    agencyId: AgencyIdentifierSchema,
    validFrom: IsoDateSchema,
    validTo: IsoDateSchema.nullable(),
    successorIds: z.array(SlugSchema.max(80)).max(MAX_LINKS).refine((ids) => unique(ids, (id) => id), { error: 'Đơn vị kế thừa bị lặp lại.' }),
    formedFrom: z.array(PredecessorSchema).max(MAX_LINKS).refine((ps) => unique(ps, (p) => p.unitId), { error: 'Đơn vị tiền thân bị lặp lại.' }),
    unconfirmed: z.array(UnitFactSchema).max(8).refine((fs) => unique(fs, (f) => f), { error: 'Dấu "cần kiểm tra" bị lặp lại.' }),
  })
  // The catalogue's own rules (an end not before the start, no unit its own successor or predecessor).
  .superRefine((unit, ctx) => {
    for (const issue of UnitSchema.safeParse(unit).error?.issues ?? []) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

/** The units of the catalogue with `change` folded in: the unit of that id replaced, or a new one added last. */
export function withUnitChange(units: readonly Unit[], change: Unit): Unit[] {
  const at = units.findIndex((unit) => unit.id === change.id);
  return at === -1 ? [...units, change] : units.map((unit, i) => (i === at ? change : unit));
}

/** The built-in units with every published change folded over them, in publication order (one home for both sides). */
export function foldUnitChanges(builtIn: readonly Unit[], changes: readonly Unit[]): Unit[] {
  return changes.reduce<Unit[]>((units, change) => withUnitChange(units, change), [...builtIn]);
}

const overlaps = (a: Unit, b: Unit) => a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/**
 * Why `raw` may not join `units` as a published unit, each problem in Vietnamese for the administrator
 * (centre) or the sync status (desk); empty when it may. Besides the schema: it names only units the
 * catalogue holds, takes no agency identifier of another unit, and shares no GSO code with another unit
 * over any day (a code names one unit on a day).
 */
export function unitChangeProblems(units: readonly Unit[], raw: unknown): string[] {
  const parsed = UnitChangeSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join(' › ') || 'đơn vị'}: ${issue.message}`);
  const unit = parsed.data;
  const known = new Set(units.map((u) => u.id));
  const problems: string[] = [];
  for (const id of unit.successorIds) if (!known.has(id)) problems.push(`Đơn vị kế thừa "${id}" không có trong danh mục.`);
  for (const p of unit.formedFrom) if (!known.has(p.unitId)) problems.push(`Đơn vị tiền thân "${p.unitId}" không có trong danh mục.`);
  const others = units.filter((u) => u.id !== unit.id);
  const owner = otherUnitHoldingAgency(unit.agencyId, (u) => u.id === unit.id, others);
  if (owner !== null) problems.push(`Mã định danh cơ quan ${unit.agencyId} đã là của ${owner.name} (mã GSO ${owner.gsoCode}).`);
  const sameCode = others.find((u) => u.gsoCode === unit.gsoCode && overlaps(u, unit));
  if (sameCode !== undefined) problems.push(`Mã GSO ${unit.gsoCode} đã là của ${sameCode.name} trong thời gian có hiệu lực trùng nhau.`);
  return problems;
}

/** The one-line reason a unit change is refused, naming the unit when its id can be read. */
export function unitChangeRefusal(raw: unknown, problems: readonly string[]): string {
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? String((raw as { id: string }).id).slice(0, 80) : null;
  return `Thay đổi danh mục đơn vị${id === null ? '' : ` "${id}"`} không hợp lệ — ${problems.join('; ')}`;
}
