import type { Unit } from './unit.js';

// Each unit has its own agency identifier: it opens every dossier code the unit's desks issue, so two
// units sharing one would issue the same codes (the public lookup could not tell them apart). These
// checks are the desk's at first start and in settings, and the centre's at enrollment and reception.

/**
 * The catalogue unit, other than the one(s) `isOwnUnit` accepts, whose identifier is `agencyId`;
 * null when the identifier is free or the unit's own.
 */
export function otherUnitHoldingAgency(agencyId: string, isOwnUnit: (unit: Unit) => boolean, units: readonly Unit[]): Unit | null {
  const wanted = agencyId.trim().toUpperCase();
  return units.find((unit) => unit.agencyId === wanted && !isOwnUnit(unit)) ?? null;
}

/** Why an identifier is refused, in Vietnamese for the officer. */
export function foreignAgencyMessage(agencyId: string, owner: Unit): string {
  return `Mã định danh cơ quan ${agencyId} là của ${owner.name} (mã GSO ${owner.gsoCode}) trong danh mục đơn vị. Mỗi đơn vị dùng mã định danh riêng để mã hồ sơ không trùng; hãy nhập mã định danh của đơn vị mình.`;
}
