import { presentUnitOf } from '../../shared/domain/catalogue/present-unit.js';
import { HA_LONG_UNITS } from '../../shared/domain/catalogue/seed/ha-long-units.js';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import { isUnitValidOn, type Unit } from '../../shared/domain/catalogue/unit.js';
import { unitOfCode } from '../catalogue/centre-catalogue.js';
import type { DashboardUnit } from './dashboard-types.js';

// Which units the city dashboard lists on a date, and which line a dossier counts on.
//
// The catalogue has no field saying which of Quảng Ninh's 54 units of 1/7/2025 belong to the city:
// they are derived from formedFrom — a unit formed (wholly or in part) from one of Hạ Long's 33 former
// units is one of the city's units today. Before the arrangement the city's units are the 33.
//
// The centre knows a dossier's unit by GSO code only, and a new unit may reuse a former unit's code (old
// and new Bãi Cháy are both 06673): a count goes to the unit its code named on the dossier's day
// (unitOfCode; the store splits its groups at ARRANGEMENT_DAY so each group has one such day).
//
// Every answer is read from the units as last published (CentreCatalogue.units): a successor or an end
// date the administrator published moves a former unit's line at once. The view is built once per
// folded list (the catalogue keeps the same array until a unit is published): the dashboard reads it on
// every request.

const formerIds = new Set(HA_LONG_UNITS.map((u) => u.id));

/**
 * The first day of today's units (1/7/2025): rows are split there so a reused code names the right unit.
 * From the shipped list: the store's groups are split at it, and a publication does not regroup them.
 */
export const ARRANGEMENT_DAY: string = CATALOGUE_UNITS.filter((u) => u.formedFrom.some((p) => formerIds.has(p.unitId)))
  .map((u) => u.validFrom)
  .reduce((a, b) => (a < b ? a : b));

const line = (unit: Unit, former: boolean, under: string | null): DashboardUnit => ({
  gsoCode: unit.gsoCode,
  name: unit.name,
  unitId: unit.id,
  former,
  foldedUnder: under,
  note: null,
});

/** The city's units as one folded catalogue list has them. */
export class CityUnits {
  /** The city's units of 2020–2025, in GSO order. */
  readonly former: readonly Unit[];
  /** The city's units from 1/7/2025: those of the catalogue formed from its former units (see above). */
  readonly present: readonly Unit[];
  private readonly byId: ReadonlyMap<string, Unit>;

  constructor(readonly units: readonly Unit[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    this.former = HA_LONG_UNITS.map((u) => this.byId.get(u.id) ?? u);
    this.present = units.filter((u) => u.formedFrom.some((p) => formerIds.has(p.unitId)));
  }

  /** The catalogue's unit with this id. */
  unit(id: string): Unit | undefined {
    return this.byId.get(id);
  }

  /** The key of a unit's line: its catalogue id, or the code itself for a unit the catalogue lacks. */
  lineKeyOfCode(gsoCode: string, day: string): string {
    return unitOfCode(gsoCode, day, this.units)?.id ?? `gso:${gsoCode}`;
  }

  /** The unit valid on `date` that a unit became (presentUnitOf), or null. */
  presentUnitOf(unitId: string, date: string): Unit | null {
    return presentUnitOf(unitId, date, this.units);
  }

  /** The present unit a former unit is folded beneath on `date`: the one it became, or its one successor. */
  private foldedUnder(unit: Unit, date: string): Unit | null {
    const present = this.presentUnitOf(unit.id, date);
    if (present !== null) return present.id === unit.id ? null : present;
    const only = unit.successorIds.length === 1 ? this.byId.get(unit.successorIds[0]!) : undefined;
    return only !== undefined && isUnitValidOn(only, date) ? only : null;
  }

  /**
   * The dashboard's unit list on a date: from 1/7/2025 today's units, each followed by the former units
   * folded beneath it, then former units with no successor on that date; before, the 33 former units.
   */
  on(date: string): DashboardUnit[] {
    if (date < ARRANGEMENT_DAY) return this.former.map((u) => line(u, false, null));
    const under = new Map(this.former.map((u) => [u.id, this.foldedUnder(u, date)]));
    const lines = this.present.flatMap((present) => [
      line(present, false, null),
      ...this.former.filter((u) => under.get(u.id)?.id === present.id).map((u) => line(u, true, present.id)),
    ]);
    return [...lines, ...this.former.filter((u) => under.get(u.id) === null).map((u) => line(u, true, null))];
  }

  /** A line for a unit met in the data but not on the list (outside the city, or unknown to the catalogue). */
  lineOfKey(key: string, date: string): DashboardUnit {
    const unit = this.byId.get(key);
    if (unit === undefined) {
      const code = key.startsWith('gso:') ? key.slice('gso:'.length) : key;
      return { gsoCode: code, name: `Đơn vị ${code}`, unitId: key, former: false, foldedUnder: null, note: null };
    }
    return line(unit, unit.validTo !== null && unit.validTo < date, null);
  }
}

const views = new WeakMap<readonly Unit[], CityUnits>();

/** The city's units of a folded list, built once per list. */
export function cityUnitsOf(units: readonly Unit[]): CityUnits {
  let view = views.get(units);
  if (view === undefined) views.set(units, (view = new CityUnits(units)));
  return view;
}

/** A line's label in workbooks and text: a former unit's name says so. */
export function rowLabel(unit: DashboardUnit): string {
  return unit.former ? `${unit.name} (đơn vị cũ)` : unit.name;
}
