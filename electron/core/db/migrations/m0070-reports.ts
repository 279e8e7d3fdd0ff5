import { foldDossier } from '../../../../shared/domain/dossier/fold.js';
import { EventLogRepository } from '../../dossiers/event-log-repository.js';
import { ReportProjection } from '../../reports/report-projection.js';
import type { Migration } from './types.js';

// Projections for the supervisors' reports (issue 7), so that Biểu 06 for any period, the 30-day
// chart, the satisfaction report and the log book are index ranges, not folds:
// - report_bieu06: one row per dossier Biểu 06 counts, clustered by the date received, with the dates
//   that decide its columns (shared/domain/reports/bieu06-facts.ts). Carried-over dossiers are found
//   through a short date range plus the long-lived index; the chart reads settled days by open_until.
// - report_waits: supplement waits (and status 6), to tell "waiting for the citizen" on a past day.
// - report_ratings: one rating per dossier with its date, unit and receiving officer.
// - report_log_book: the log book (form 06) line of each received dossier, as JSON.
// Existing desks get them filled from the event log in the same transaction as the schema change.
export const m0070Reports: Migration = {
  version: 70,
  name: 'report projections',
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

    const log = new EventLogRepository(db);
    const projection = new ReportProjection(db);
    for (const id of log.dossierIds()) {
      const state = foldDossier(log.eventsOf(id));
      if (state !== null) projection.write(state);
    }
  },
};
