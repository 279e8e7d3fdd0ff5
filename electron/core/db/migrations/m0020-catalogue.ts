import type { Migration } from './types.js';

// Versioned reference data seeded on first start and later updated from the centre. Rows keep the
// whole record as JSON (validated by the shared schemas) plus the columns queries filter on.
export const m0020Catalogue: Migration = {
  version: 20,
  name: 'catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE units (
        id          TEXT PRIMARY KEY NOT NULL,
        gso_code    TEXT NOT NULL,
        valid_from  TEXT NOT NULL,
        valid_to    TEXT,
        record      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX units_by_gso ON units (gso_code);

      CREATE TABLE sectors (
        id     TEXT PRIMARY KEY NOT NULL,
        record TEXT NOT NULL
      ) STRICT;

      CREATE TABLE procedures (
        id        TEXT PRIMARY KEY NOT NULL,
        sector_id TEXT NOT NULL,
        name_folded TEXT NOT NULL,
        record    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE calendar_years (
        year       INTEGER PRIMARY KEY NOT NULL,
        record     TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;

      CREATE TABLE catalogue_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
