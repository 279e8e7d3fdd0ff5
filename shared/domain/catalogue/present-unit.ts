import { isUnitValidOn, type Unit } from './unit.js';

// Reports "theo đơn vị hiện nay" (by today's units) count a former unit's dossiers under the unit that
// carries it on. That is only sound when the whole unit passed to one unit: a unit split between
// several, or known to have passed on only in part, has no single present unit.

const MAX_STEPS = 10; // eras of arrangement: far more than Vietnam has had; guards a cyclic update

/**
 * The unit valid on `date` that a unit became, following its successors; the unit itself when it is
 * valid then; null when it was split, a successor is unknown, only part of it passed on, or it is not
 * yet in force on that date.
 */
export function presentUnitOf(unitId: string, date: string, units: readonly Unit[]): Unit | null {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  let unit = byId.get(unitId);
  for (let step = 0; unit !== undefined && step < MAX_STEPS; step += 1) {
    if (isUnitValidOn(unit, date)) return unit;
    if (unit.validTo === null || unit.validTo >= date || unit.successorIds.length !== 1) return null;
    const formerId = unit.id;
    const next = byId.get(unit.successorIds[0]!);
    if (next === undefined || next.formedFrom.some((p) => p.unitId === formerId && p.share === 'part')) return null;
    unit = next;
  }
  return null;
}
