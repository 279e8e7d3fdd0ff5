import { vietnamIsoDate } from '../dossier-code/vietnam-date.js';
import { isUnitValidOn, type Unit } from './unit.js';

// A GSO code alone does not name a unit: successors may reuse a former unit's code (old and new Bãi
// Cháy are both 06673). Where only a code was recorded (a centre's devices enrolled before it kept
// unit ids), the unit is the one bearing the code on the day it was recorded, else the latest one that
// bore it (a desk of a former unit, back-entering its history).

/** The unit bearing `gsoCode` on the Vietnam day of `instant`, else the latest unit that bore it; null if none. */
export function unitOfGsoAt(gsoCode: string, instant: string, units: readonly Unit[]): Unit | null {
  const day = vietnamIsoDate(instant);
  const bearing = units.filter((unit) => unit.gsoCode === gsoCode);
  return bearing.find((unit) => isUnitValidOn(unit, day)) ?? [...bearing].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0] ?? null;
}
