import type { Migration } from './types.js';

// Projections for the supervisors' reports (issue 7), so that Biểu 06 for any period, the 30-day
// chart, the satisfaction report and the log book are index ranges, not folds:
// - report_bieu06: one row per dossier Biểu 06 counts, clustered by the date received, with the dates
//   that decide its columns (shared/domain/reports/bieu06-facts.ts). Carried-over dossiers are found
//   through a short date range plus the long-lived index; the chart reads settled days by open_until.
// - report_waits: supplement waits (and status 6), to tell "waiting for the citizen" on a past day.
// - report_ratings: one rating per dossier with its date, unit and receiving officer.
// - report_log_book: the log book (form 06) line of each received dossier, as JSON.
// The tables are projections: this step only creates them; the core fills them from the event log after
// migrating (rebuild-projections.ts, when the stored projection version is behind).
// Edited after release (issue 12, the only edit of a released step): as first released, this step also
// folded every dossier with the application's event-log repository and report projection, so a later
// change to those classes could break the upgrade of a desk still below schema 70. Removing that back-fill
// is safe: a desk that already ran it keeps its tables untouched (a migration never runs twice), and a desk
// still below 70 has no stored projection version (it was introduced at schema 80), so at its first start
// the core rebuilds every projection, these included, from the same log with the same fold — the rows the
// back-fill wrote (tests/electron/core/db/upgrade-from-every-version.test.ts).
export const m0070Reports: Migration = {
  version: 70,
  name: 'report projections',
  projections: 'reshaped',
  up(db) {
    db.exec(`
      CREATE TABLE report_bieu06 (
        received_day        TEXT NOT NULL,
        dossier_id          TEXT NOT NULL,
        sector_id           TEXT NOT NULL,
        channel             INTEGER NOT NULL,
        open_until          TEXT NOT NULL,             -- date finished, or 9999-12-31
        long_lived          INTEGER NOT NULL,
        settlement          TEXT,                      -- early | onTime | late; null while unfinished
        due_day             TEXT,
        original_due_day    TEXT,
        first_apology_day   TEXT,
        first_extension_day TEXT,
        PRIMARY KEY (received_day, dossier_id)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX report_bieu06_by_dossier ON report_bieu06 (dossier_id);
      CREATE INDEX report_bieu06_long_lived ON report_bieu06 (open_until, received_day) WHERE long_lived = 1;
      CREATE INDEX report_bieu06_by_finish ON report_bieu06 (open_until, settlement) WHERE settlement IS NOT NULL;

      CREATE TABLE report_waits (
        dossier_id TEXT NOT NULL,
        position   INTEGER NOT NULL,
        from_day   TEXT NOT NULL,
        until_day  TEXT NOT NULL,
        PRIMARY KEY (dossier_id, position)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE report_ratings (
        dossier_id TEXT PRIMARY KEY NOT NULL,
        rated_day  TEXT NOT NULL,
        level      TEXT NOT NULL,
        officer_id TEXT NOT NULL,                      -- receiving officer; '' when unknown
        unit_gso   TEXT NOT NULL,
        unit_name  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX report_ratings_by_day ON report_ratings (rated_day, unit_gso, officer_id, level);

      CREATE TABLE report_log_book (
        dossier_id   TEXT PRIMARY KEY NOT NULL,
        received_day TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        code         TEXT NOT NULL,
        line         TEXT NOT NULL                     -- JSON LogBookRow
      ) STRICT;
      CREATE INDEX report_log_book_by_day ON report_log_book (received_day, received_at, code);
    `);
  },
};
