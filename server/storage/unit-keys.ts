import { unitOfGsoAt } from '../../shared/domain/catalogue/unit-of-gso.js';
import type { Unit } from '../../shared/domain/catalogue/unit.js';

// Schema step 7 keys the centre's unit identity by catalogue unit id, where it was a GSO code (which a
// successor may reuse). Rows written before it carry only the code; this decides, once, which unit
// each meant, from the catalogue the upgrading centre holds. Pure: both adapters apply its answer.

export interface UnkeyedDevice {
  id: string;
  unitGso: string;
  enrolledAt: string;
}

export interface UnkeyedAgency {
  unitGso: string;
  agencyId: string;
}

export interface UnitKeys {
  /** Device id → catalogue unit id (devices of a code the catalogue does not know are left out). */
  devices: Map<string, string>;
  /** Catalogue unit id → agency identifier. */
  agencies: Map<string, string>;
}

export function unitKeysOf(devices: readonly UnkeyedDevice[], agencies: readonly UnkeyedAgency[], units: readonly Unit[]): UnitKeys {
  const deviceUnits = new Map<string, string>();
  // The unit of the latest device enrolled under each code: whose agency identifier that code's row is.
  const latestByGso = new Map<string, { unitId: string; enrolledAt: string }>();
  for (const device of devices) {
    const unit = unitOfGsoAt(device.unitGso, device.enrolledAt, units);
    if (unit === null) continue;
    deviceUnits.set(device.id, unit.id);
    const latest = latestByGso.get(device.unitGso);
    if (latest === undefined || latest.enrolledAt < device.enrolledAt) latestByGso.set(device.unitGso, { unitId: unit.id, enrolledAt: device.enrolledAt });
  }
  const agencyUnits = new Map<string, string>();
  for (const row of agencies) {
    // The catalogue's own owner of the identifier first; then the code's latest desk; then the code's latest unit.
    const unitId =
      units.find((unit) => unit.gsoCode === row.unitGso && unit.agencyId === row.agencyId)?.id ??
      latestByGso.get(row.unitGso)?.unitId ??
      unitOfGsoAt(row.unitGso, '9000-01-01T00:00:00.000Z', units)?.id;
    if (unitId !== undefined && !agencyUnits.has(unitId)) agencyUnits.set(unitId, row.agencyId);
  }
  return { devices: deviceUnits, agencies: agencyUnits };
}
