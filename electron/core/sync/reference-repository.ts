import type { Procedure } from '../../../shared/domain/catalogue/procedure.js';
import { foldVietnamese } from '../../../shared/domain/text/fold-vietnamese.js';
import type { DeskDatabase } from '../db/open-database.js';

/** Catalogue changes the centre publishes: one procedure replaced (or added) as the centre holds it. */
export class ReferenceRepository {
  constructor(private readonly db: DeskDatabase) {}

  upsertProcedure(procedure: Procedure): void {
    this.db
      .prepare('INSERT OR REPLACE INTO procedures (id, sector_id, name_folded, record) VALUES (?, ?, ?, ?)')
      .run(procedure.id, procedure.sectorId, foldVietnamese(`${procedure.name} ${procedure.code}`), JSON.stringify(procedure));
  }
}
