import type { Migration } from './types.js';

// Free-text search finds people and numbers, not procedures (issue 10): the search index loses the
// procedure column (the work list filters by procedure instead), keeps the applicant's and the owner's
// names apart from the numbers, and gains the reversed digits of phone and ID numbers so a search by
// their last digits is a prefix search. Tokens are letters and digits only (categories 'L* N*'), exactly
// as the query builder splits what is typed; prefix indexes up to 6 characters cover every Vietnamese
// syllable, so a typed word never merges the lists of all the words it begins.
// The dossiers row gains each name's search key, so an exact or prefix match of the whole name is an
// index lookup. Both are projections: this step only reshapes them; the start-up rebuild (desk
// projection version) fills them from the event log.
// The work list's overdue filter now also means "settled with a result after the appointment" (one
// definition with the dossier page): those dossiers get a partial index, as the running ones have.
export const m0080PersonSearch: Migration = {
  version: 80,
  name: 'person search',
  up(db) {
    db.exec(`
      DROP TABLE dossier_search;
      CREATE VIRTUAL TABLE dossier_search USING fts5 (
        applicant, owner, numbers, reversed_numbers,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N*'",
        prefix = '1 2 3 4 5 6'
      );

      ALTER TABLE dossiers ADD COLUMN applicant_name_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE dossiers ADD COLUMN owner_name_key TEXT;
      CREATE INDEX dossiers_by_applicant_name_key ON dossiers (applicant_name_key);
      CREATE INDEX dossiers_by_owner_name_key ON dossiers (owner_name_key) WHERE owner_name_key IS NOT NULL;
      CREATE INDEX dossiers_settled_late ON dossiers (status)
        WHERE status IN (9, 10) AND finished_at IS NOT NULL AND appointment_at IS NOT NULL AND finished_at > appointment_at;
    `);
  },
};
