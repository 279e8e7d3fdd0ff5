import type { DeskSettings } from '../../../shared/contract/setup.js';
import type { Unit } from '../../../shared/domain/catalogue/unit.js';

// Desks set up before the catalogue unit's id was kept stored only its GSO code, name and agency
// identifier; since 2025 units reuse former units' codes (and names), the identifier tells them apart.

/** The catalogue unit a desk's settings name, or null when none (or more than one) fits. */
export function catalogueUnitOfDesk(unit: NonNullable<DeskSettings['unit']>, units: readonly Unit[]): Unit | null {
  if (unit.id !== null) return units.find((u) => u.id === unit.id) ?? null;
  const byCode = units.filter((u) => u.gsoCode === unit.gsoCode);
  const byAgency = byCode.filter((u) => u.agencyId === unit.agencyId);
  if (byAgency.length === 1) return byAgency[0]!;
  const byName = byCode.filter((u) => u.name === unit.name);
  return byName.length === 1 ? byName[0]! : null;
}
