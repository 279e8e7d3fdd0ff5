import type { Migration } from './types.js';

// Dossiers set aside because their code is held by another dossier of the unit (a restored or
// misconfigured desk issued it twice): the projection shows them without that code and needing review
// until a supervisor reissues one (a `code.reissued` event), so a pulled reception never fails on the
// projection's unique code and the rest of the unit keeps syncing.
export const m0090CodeConflicts: Migration = {
  version: 90,
  name: 'dossier code conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_code_conflicts (
        dossier_id TEXT PRIMARY KEY NOT NULL,
        code       TEXT NOT NULL,
        reason     TEXT NOT NULL,
        found_at   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
