import type { Migration } from './types.js';

// The event log (the only source of truth) and the projections folded from it. Projections are
// rewritten in the same transaction as each event and can be rebuilt from the log at any time.
export const m0040DossierLog: Migration = {
  version: 40,
  name: 'dossier event log and projections',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        seq          INTEGER PRIMARY KEY,           -- local arrival order
        id           TEXT NOT NULL UNIQUE,          -- ULID
        dossier_id   TEXT NOT NULL,
        type         TEXT NOT NULL,
        payload      TEXT NOT NULL,                 -- JSON
        officer_id   TEXT NOT NULL,
        device_id    TEXT NOT NULL,
        device_seq   INTEGER NOT NULL,
        hlc          TEXT NOT NULL,
        occurred_at  TEXT NOT NULL,
        recorded_at  TEXT NOT NULL,                 -- when this desk stored it
        UNIQUE (device_id, device_seq)
      ) STRICT;
      CREATE INDEX events_by_dossier ON events (dossier_id, hlc, id);

      -- The next per-device counter and the last clock stamp issued by this desk.
      CREATE TABLE device_clock (
        device_id TEXT PRIMARY KEY NOT NULL,
        last_seq  INTEGER NOT NULL,
        last_hlc  TEXT NOT NULL
      ) STRICT;

      -- Serials of the day per unit and station: a station's block never overlaps another's.
      CREATE TABLE dossier_code_serials (
        agency_id   TEXT NOT NULL,
        day_key     TEXT NOT NULL,
        station     INTEGER NOT NULL,
        last_serial INTEGER NOT NULL,
        PRIMARY KEY (agency_id, day_key, station)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dossiers (
        id                  TEXT PRIMARY KEY NOT NULL,
        code                TEXT UNIQUE,
        status              INTEGER NOT NULL,
        unit_gso            TEXT NOT NULL,
        procedure_id        TEXT NOT NULL,
        procedure_name      TEXT NOT NULL,
        sector_id           TEXT NOT NULL,
        sector_name         TEXT NOT NULL,
        channel             INTEGER NOT NULL,
        applicant_name      TEXT NOT NULL,
        applicant_id_number TEXT,
        applicant_phone     TEXT,
        owner_name          TEXT,
        received_at         TEXT,
        received_day        TEXT,
        appointment_at      TEXT,
        finished_at         TEXT,
        -- 1 while pending with a running clock (not waiting for papers or fees): what can be overdue.
        clock_running       INTEGER NOT NULL,
        rating              TEXT,
        fees_vnd            INTEGER NOT NULL,
        needs_review        INTEGER NOT NULL,
        created_by          TEXT,
        last_event_at       TEXT NOT NULL,
        event_count         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX dossiers_running_by_appointment ON dossiers (appointment_at) WHERE clock_running = 1;
      CREATE INDEX dossiers_by_received_day ON dossiers (received_day);
      CREATE INDEX dossiers_by_id_number ON dossiers (applicant_id_number) WHERE applicant_id_number IS NOT NULL;
      CREATE INDEX dossiers_by_status ON dossiers (status);
      CREATE INDEX dossiers_needing_review ON dossiers (needs_review) WHERE needs_review = 1;

      -- Facts that happened on a Vietnam date, one row each: the daily tally is one index range.
      CREATE TABLE dossier_day_facts (
        day        TEXT NOT NULL,
        kind       TEXT NOT NULL,
        dossier_id TEXT NOT NULL,
        amount     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX day_facts_by_day ON dossier_day_facts (day, kind);
      CREATE INDEX day_facts_by_dossier ON dossier_day_facts (dossier_id);

      -- The papers received, against the procedure's checklist (form 01's table).
      CREATE TABLE dossier_documents (
        dossier_id TEXT NOT NULL,
        position   INTEGER NOT NULL,
        item_id    TEXT NOT NULL,
        name       TEXT NOT NULL,
        form       TEXT NOT NULL,
        count      INTEGER NOT NULL,
        PRIMARY KEY (dossier_id, position)
      ) STRICT, WITHOUT ROWID;

      -- Rows of the control sheet (form 05): the receipt, then each hand-over.
      CREATE TABLE dossier_handovers (
        dossier_id TEXT NOT NULL,
        position   INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        at         TEXT NOT NULL,
        to_kind    TEXT NOT NULL,
        to_name    TEXT NOT NULL,
        note       TEXT NOT NULL,
        officer_id TEXT NOT NULL,
        PRIMARY KEY (dossier_id, position)
      ) STRICT, WITHOUT ROWID;

      -- One rating per dossier, with the officer who received it (the satisfaction report).
      CREATE TABLE dossier_ratings (
        dossier_id           TEXT PRIMARY KEY NOT NULL,
        level                TEXT NOT NULL,
        rated_at             TEXT NOT NULL,
        receiving_officer_id TEXT
      ) STRICT;

      -- Search: folded (no marks, đ→d) text so "nguyen van duc" finds "Nguyễn Văn Đức".
      CREATE VIRTUAL TABLE dossier_search USING fts5 (
        code, names, id_number, phone, procedure,
        tokenize = "unicode61 remove_diacritics 2",
        prefix = '2 3'
      );
    `);
  },
};
