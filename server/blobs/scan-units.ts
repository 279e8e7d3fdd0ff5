import type { Unit } from '../../shared/domain/catalogue/unit.js';
import type { DeviceRecord, FormerUnit } from '../storage/storage.js';

// Whose scans a device may download. The centre records the GSO code of the unit whose desk delivered a
// scan (blob_units); a desk serves its unit's dossiers, and those of the units it carries on: the units
// it was moved from, and its unit's predecessors in the catalogue (a new desk of a successor takes over
// the former unit's dossiers and their scans). Never another unit's: a predecessor's code that some
// other unit of the catalogue also bears (codes are reused) is left out, since the code alone could not
// tell that unit's scans from the predecessor's.

const MAX_DEPTH = 10; // eras of arrangement: guards a cyclic catalogue

/** The GSO codes whose scans `device` may read: its unit's first, then its former units' and predecessors'. */
export function scanUnitCodes(device: Pick<DeviceRecord, 'unitId' | 'unitGso'>, formerUnits: readonly FormerUnit[], units: readonly Unit[]): string[] {
  const codes = [device.unitGso, ...formerUnits.map((f) => f.unitGso)];
  const byId = new Map(units.map((u) => [u.id, u]));
  const own = device.unitId === null ? undefined : byId.get(device.unitId);
  const carried = new Set<string>([...(own === undefined ? [] : [own.id]), ...formerUnits.map((f) => f.unitId)]);
  const predecessors: Unit[] = [];
  let frontier = own === undefined ? [] : [own];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth += 1) {
    const next = frontier.flatMap((u) => u.formedFrom.map((p) => byId.get(p.unitId))).filter((u): u is Unit => u !== undefined && !carried.has(u.id));
    for (const unit of next) carried.add(unit.id);
    predecessors.push(...next);
    frontier = next;
  }
  for (const predecessor of predecessors) {
    const shared = units.some((u) => u.gsoCode === predecessor.gsoCode && !carried.has(u.id));
    if (!shared) codes.push(predecessor.gsoCode);
  }
  return [...new Set(codes)];
}
