import { catalogueVersion } from '../../../shared/domain/catalogue/catalogue-version.js';
import type { Procedure } from '../../../shared/domain/catalogue/procedure.js';
import { CATALOGUE_UNITS } from '../../../shared/domain/catalogue/seed/units.js';
import { PROCEDURES } from '../../../shared/domain/catalogue/seed/procedures.js';
import { SECTORS } from '../../../shared/domain/catalogue/seed/sectors.js';
import type { Sector } from '../../../shared/domain/catalogue/sector.js';
import { isUnitValidOn, type Unit } from '../../../shared/domain/catalogue/unit.js';
import { foldUnitChanges } from '../../../shared/domain/catalogue/unit-change.js';
import { foldVietnamese } from '../../../shared/domain/text/fold-vietnamese.js';
import type { DeskDatabase } from '../db/open-database.js';

/** catalogue_meta keys of the units the centre published: 'unit:<id>' → the unit as published. */
const PUBLISHED_UNIT = 'unit:';

const parse = <T>(row: { record: string }): T => JSON.parse(row.record) as T;

/** Units, sectors and procedures held by this desk: seeded on first start, updated from the centre. */
export class CatalogueRepository {
  constructor(private readonly db: DeskDatabase) {}

  /** Loads the shipped seed when the desk holds an older catalogue (or none). */
  seedIfOlder(): void {
    const held = this.db.prepare<[], { value: string }>("SELECT value FROM catalogue_meta WHERE key = 'version'").get()?.value;
    if (held !== undefined && held >= catalogueVersion) return;
    this.db.transaction(() => {
      const unit = this.db.prepare('INSERT OR REPLACE INTO units (id, gso_code, valid_from, valid_to, record) VALUES (?, ?, ?, ?, ?)');
      for (const u of CATALOGUE_UNITS) unit.run(u.id, u.gsoCode, u.validFrom, u.validTo, JSON.stringify(u));
      const sector = this.db.prepare('INSERT OR REPLACE INTO sectors (id, record) VALUES (?, ?)');
      for (const s of SECTORS) sector.run(s.id, JSON.stringify(s));
      const procedure = this.db.prepare('INSERT OR REPLACE INTO procedures (id, sector_id, name_folded, record) VALUES (?, ?, ?, ?)');
      for (const p of PROCEDURES) procedure.run(p.id, p.sectorId, foldVietnamese(`${p.name} ${p.code}`), JSON.stringify(p));
      this.db.prepare("INSERT OR REPLACE INTO catalogue_meta (key, value) VALUES ('version', ?)").run(catalogueVersion);
    })();
  }

  /**
   * The desk's units: the shipped list with every unit the centre published folded over it
   * (foldUnitChanges), in catalogue order; only those valid on `validOn` when given. Every reader of
   * the desk's units — first start, settings, the unit move, reports — goes through here.
   */
  units(validOn?: string): Unit[] {
    const builtIn = this.db.prepare<[], { record: string }>('SELECT record FROM units ORDER BY rowid').all().map(parse<Unit>);
    const units = foldUnitChanges(builtIn, this.publishedUnits());
    return validOn === undefined ? units : units.filter((u) => isUnitValidOn(u, validOn));
  }

  unit(id: string): Unit | null {
    return this.units().find((u) => u.id === id) ?? null;
  }

  unitByGso(gsoCode: string, validOn: string): Unit | null {
    return this.units(validOn).find((u) => u.gsoCode === gsoCode) ?? null;
  }

  /** The newest version of a unit by GSO code, whatever its validity (a desk may run on the 2020–2024 list). */
  latestUnitByGso(gsoCode: string): Unit | null {
    return (
      this.units()
        .filter((u) => u.gsoCode === gsoCode)
        .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0] ?? null
    );
  }

  /**
   * Keeps a unit the centre published (checked by the caller). Kept apart from the shipped rows, which
   * a newer release reseeds, so a correction outlives an update of the desk.
   */
  putPublishedUnit(unit: Unit): void {
    // Deleted first so the row goes last: the fold applies the latest publication last.
    this.db.prepare('DELETE FROM catalogue_meta WHERE key = ?').run(PUBLISHED_UNIT + unit.id);
    this.db.prepare('INSERT INTO catalogue_meta (key, value) VALUES (?, ?)').run(PUBLISHED_UNIT + unit.id, JSON.stringify(unit));
  }

  private publishedUnits(): Unit[] {
    return this.db
      .prepare<[], { value: string }>(`SELECT value FROM catalogue_meta WHERE key LIKE '${PUBLISHED_UNIT}%' ORDER BY rowid`)
      .all()
      .map((row) => JSON.parse(row.value) as Unit);
  }

  sectors(): Sector[] {
    return this.db.prepare<[], { record: string }>('SELECT record FROM sectors ORDER BY rowid').all().map(parse<Sector>);
  }

  procedure(id: string): Procedure | null {
    const row = this.db.prepare<[string], { record: string }>('SELECT record FROM procedures WHERE id = ?').get(id);
    return row ? parse<Procedure>(row) : null;
  }

  /** Type-ahead: every word typed must start a word of the folded name or code, in any order. */
  procedures(filter: { text?: string | undefined; sectorId?: string | undefined }): Procedure[] {
    const words = foldVietnamese(filter.text ?? '').split(' ').filter(Boolean);
    const all = this.db.prepare<[], { sector_id: string; name_folded: string; record: string }>('SELECT sector_id, name_folded, record FROM procedures ORDER BY rowid').all();
    return all
      .filter((row) => filter.sectorId === undefined || row.sector_id === filter.sectorId)
      .filter((row) => {
        const nameWords = row.name_folded.split(/[\s.,()/-]+/);
        return words.every((w) => nameWords.some((n) => n.startsWith(w)) || row.name_folded.includes(w));
      })
      .map(parse<Procedure>);
  }
}
