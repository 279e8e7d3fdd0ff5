import { catalogueVersion } from '../../../shared/domain/catalogue/catalogue-version.js';
import type { Procedure } from '../../../shared/domain/catalogue/procedure.js';
import { CATALOGUE_UNITS } from '../../../shared/domain/catalogue/seed/units.js';
import { PROCEDURES } from '../../../shared/domain/catalogue/seed/procedures.js';
import { SECTORS } from '../../../shared/domain/catalogue/seed/sectors.js';
import type { Sector } from '../../../shared/domain/catalogue/sector.js';
import type { Unit } from '../../../shared/domain/catalogue/unit.js';
import { foldVietnamese } from '../../../shared/domain/text/fold-vietnamese.js';
import type { DeskDatabase } from '../db/open-database.js';

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

  units(validOn?: string): Unit[] {
    const rows =
      validOn === undefined
        ? this.db.prepare<[], { record: string }>('SELECT record FROM units ORDER BY rowid').all()
        : this.db
            .prepare<[string, string], { record: string }>('SELECT record FROM units WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY rowid')
            .all(validOn, validOn);
    return rows.map(parse<Unit>);
  }

  unit(id: string): Unit | null {
    const row = this.db.prepare<[string], { record: string }>('SELECT record FROM units WHERE id = ?').get(id);
    return row ? parse<Unit>(row) : null;
  }

  unitByGso(gsoCode: string, validOn: string): Unit | null {
    const row = this.db
      .prepare<[string, string, string], { record: string }>(
        'SELECT record FROM units WHERE gso_code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)',
      )
      .get(gsoCode, validOn, validOn);
    return row ? parse<Unit>(row) : null;
  }

  /** The newest version of a unit by GSO code, whatever its validity (a desk may run on the 2020–2024 list). */
  latestUnitByGso(gsoCode: string): Unit | null {
    const row = this.db
      .prepare<[string], { record: string }>('SELECT record FROM units WHERE gso_code = ? ORDER BY valid_from DESC LIMIT 1')
      .get(gsoCode);
    return row ? parse<Unit>(row) : null;
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
