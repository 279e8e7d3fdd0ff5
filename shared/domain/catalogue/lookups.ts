import { assertIsoDate } from './iso-date.js';
import type { Procedure } from './procedure.js';
import type { Sector } from './sector.js';
import { CATALOGUE_UNITS } from './seed/units.js';
import { PROCEDURES } from './seed/procedures.js';
import { SECTORS } from './seed/sectors.js';
import { isUnitValidOn, type Unit } from './unit.js';

// Pure lookups over catalogue data. Each takes the data as an optional last argument: the seed by
// default, or the catalogue the desk holds after the centre's updates.

/** Units that exist on a Vietnam calendar date (yyyy-MM-dd), in catalogue order. */
export function unitsValidOn(date: string, units: readonly Unit[] = CATALOGUE_UNITS): Unit[] {
  assertIsoDate(date);
  return units.filter((unit) => isUnitValidOn(unit, date));
}

/** The unit bearing a GSO code on a date; a code can be reused by a later unit, hence the date. */
export function findUnitByGso(gsoCode: string, date: string, units: readonly Unit[] = CATALOGUE_UNITS): Unit | undefined {
  assertIsoDate(date);
  return units.find((unit) => unit.gsoCode === gsoCode && isUnitValidOn(unit, date));
}

export interface SectorProcedures {
  readonly sector: Sector;
  readonly procedures: readonly Procedure[];
}

/**
 * Procedures grouped by sector, in the order of `sectors`, empty sectors left out. A procedure whose
 * sector is not listed still appears, under a sector named by its id, so nothing is hidden.
 */
export function proceduresBySector(
  procedures: readonly Procedure[] = PROCEDURES,
  sectors: readonly Sector[] = SECTORS,
): SectorProcedures[] {
  const grouped = new Map<string, Procedure[]>();
  for (const procedure of procedures) {
    const group = grouped.get(procedure.sectorId);
    if (group) group.push(procedure);
    else grouped.set(procedure.sectorId, [procedure]);
  }
  const known = sectors.flatMap((sector) => {
    const group = grouped.get(sector.id);
    grouped.delete(sector.id);
    return group ? [{ sector, procedures: group }] : [];
  });
  const unknown = [...grouped].map(([id, group]) => ({ sector: { id, name: id }, procedures: group }));
  return [...known, ...unknown];
}

export function findProcedure(id: string, procedures: readonly Procedure[] = PROCEDURES): Procedure | undefined {
  return procedures.find((procedure) => procedure.id === id);
}
