import type { Procedure } from '../../shared/domain/catalogue/procedure.js';
import type { Sector } from '../../shared/domain/catalogue/sector.js';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import { isUnitValidOn, type Unit } from '../../shared/domain/catalogue/unit.js';
import { foldUnitChanges } from '../../shared/domain/catalogue/unit-change.js';
import { PROCEDURES } from '../../shared/domain/catalogue/seed/procedures.js';
import { SECTORS } from '../../shared/domain/catalogue/seed/sectors.js';
import type { ReferenceChange } from '../../shared/sync/protocol.js';
import { CITY_WIDE_SCOPE, type CentreStorage } from '../storage/storage.js';

// The catalogue as the centre knows it: the seed it ships with, overlaid with the procedures an
// administrator published (reference changes in the log, applied in the log's order as every desk
// applies them). Names the centre shows city-wide — the dashboard's units, sectors and procedures, the
// public lookup's procedure — come from here by id, never from the names a desk's events carry: those
// are the desk's own strings, and a hostile desk would choose them.
//
// Another centre process on the same database may publish: `refresh` reads what the log gained since
// this process last looked (one index range of the city-wide scope, usually empty), so every process
// names a procedure as the last publication says.

/** What a dossier shows for a procedure id the catalogue lacks (a log older than the push check). */
export const UNCATALOGUED_PROCEDURE_NAME = 'Thủ tục không có trong danh mục';
/** The Biểu 06 line those dossiers count on. */
export const UNCATALOGUED_SECTOR: Sector = { id: 'ngoai-danh-muc', name: 'Thủ tục ngoài danh mục' };

const PAGE = 500;

/**
 * The unit a GSO code named on a day. The centre knows a desk's unit by code only, and a new unit may
 * reuse a former unit's code: the code names the unit valid on that day; a code no unit holds that day
 * (the desk of a former unit not yet moved) names the last unit that held it before; undefined for a
 * code the catalogue lacks.
 */
export function unitOfCode(gsoCode: string, day: string, units: readonly Unit[]): Unit | undefined {
  const bearers = units.filter((u) => u.gsoCode === gsoCode);
  const latestFirst = bearers.filter((u) => u.validFrom <= day).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return bearers.find((u) => isUnitValidOn(u, day)) ?? latestFirst[0] ?? bearers[0];
}

type ReferenceSource = Pick<CentreStorage, 'pull'>;

export class CentreCatalogue {
  private readonly published = new Map<string, Procedure>();
  /** Units published, by id, in the order of their last publication. */
  private readonly publishedUnits = new Map<string, Unit>();
  /** The log sequence up to which publications are applied. */
  private cursor = 0;
  private readonly seedProcedures = new Map(PROCEDURES.map((p) => [p.id, p]));
  private readonly seedSectors = new Map(SECTORS.map((s) => [s.id, s.name]));
  /** The folded unit list, kept until a refresh applies a unit publication: push and the dashboard read it per request. */
  private foldedUnits: readonly Unit[] | null = null;

  constructor(private readonly source: ReferenceSource) {}

  /** Applies what administrators published since the last call (by any centre process). */
  async refresh(): Promise<void> {
    for (;;) {
      const rows = await this.source.pull([CITY_WIDE_SCOPE], this.cursor, PAGE, null);
      for (const row of rows) {
        // Two refreshes may overlap: each row is applied once, in order, so an older version never wins.
        if (row.seq <= this.cursor) continue;
        this.cursor = row.seq;
        if (row.kind !== 'reference') continue;
        const change = JSON.parse(row.body) as ReferenceChange;
        if (change.type === 'catalogue.procedure') this.published.set(change.record.id, change.record);
        if (change.type === 'catalogue.unit') {
          // Deleted first so the latest publication is folded last.
          this.publishedUnits.delete(change.record.id);
          this.publishedUnits.set(change.record.id, change.record);
          this.foldedUnits = null;
        }
      }
      if (rows.length < PAGE) return;
    }
  }

  /** The procedure as last published, or as seeded; undefined when the centre does not know the id. */
  procedure(id: string): Procedure | undefined {
    return this.published.get(id) ?? this.seedProcedures.get(id);
  }

  procedureName(id: string): string {
    return this.procedure(id)?.name ?? UNCATALOGUED_PROCEDURE_NAME;
  }

  /** The Biểu 06 sector a procedure counts under. */
  sectorIdOf(procedureId: string): string {
    return this.procedure(procedureId)?.sectorId ?? UNCATALOGUED_SECTOR.id;
  }

  /** The seed's sectors, in Biểu 06's order. */
  sectors(): readonly Sector[] {
    return SECTORS;
  }

  /**
   * A sector's name. The administrator publishes procedures, not sectors: a sector only a published
   * procedure names is shown by its id, as the desks list it (proceduresBySector).
   */
  sectorName(sectorId: string): string {
    if (sectorId === UNCATALOGUED_SECTOR.id) return UNCATALOGUED_SECTOR.name;
    return this.seedSectors.get(sectorId) ?? sectorId;
  }

  /**
   * The units as the centre knows them: the shipped list with every published unit folded over it
   * (foldUnitChanges, as each desk folds them). As of the last refresh; the same array until a refresh
   * applies a unit publication, so what is derived from it may be cached by its identity.
   */
  units(): readonly Unit[] {
    this.foldedUnits ??= foldUnitChanges(CATALOGUE_UNITS, [...this.publishedUnits.values()]);
    return this.foldedUnits;
  }

  /** The units as last published by any centre process: what every centre module reads units from. */
  async currentUnits(): Promise<readonly Unit[]> {
    await this.refresh();
    return this.units();
  }

  /** A unit's name by its GSO code on a date (unitOfCode); a code outside the catalogue (set at enrollment) as it is. */
  unitName(gsoCode: string, date: string): string {
    return unitOfCode(gsoCode, date, this.units())?.name ?? `Đơn vị ${gsoCode}`;
  }
}
