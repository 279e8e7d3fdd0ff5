import type { Migration } from './types.js';

// Sync with the city centre: which local events still wait to go (or were refused), where the pull
// stopped, the desk's enrollment, and the scans waiting to upload. Events pulled from the centre are
// stored in the same log with origin 'remote' and are never pushed back.
export const m0060Sync: Migration = {
  version: 60,
  name: 'sync with the centre',
  up(db) {
    db.exec(`
      ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'remote'));
      ALTER TABLE events ADD COLUMN pushed_at TEXT;
      -- JSON {code, message} when the centre refused the event: it stays here, visible, and never blocks the queue.
      ALTER TABLE events ADD COLUMN push_rejection TEXT;
      CREATE INDEX events_waiting_to_push ON events (seq) WHERE origin = 'local' AND pushed_at IS NULL AND push_rejection IS NULL;
      CREATE INDEX events_unsynced_by_dossier ON events (dossier_id) WHERE origin = 'local' AND pushed_at IS NULL;

      -- The centre this desk is enrolled with (one row at most). The token is what the centre issued.
      CREATE TABLE sync_enrollment (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        centre_url  TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        device_name TEXT NOT NULL,
        token       TEXT NOT NULL,
        unit_gso    TEXT NOT NULL,
        station     INTEGER NOT NULL,
        enrolled_at TEXT NOT NULL,
        revoked_at  TEXT
      ) STRICT;

      -- Small facts of the sync: the pull cursor, the last success and error, the measured clock skew.
      CREATE TABLE sync_state (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      -- Scans (content-addressed blobs) this desk must upload; the tus upload URL lets a broken upload resume.
      CREATE TABLE sync_blobs (
        sha256      TEXT PRIMARY KEY NOT NULL,
        path        TEXT,
        size        INTEGER,
        state       TEXT NOT NULL CHECK (state IN ('waiting', 'uploaded')),
        upload_url  TEXT,
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        queued_at   TEXT NOT NULL,
        uploaded_at TEXT
      ) STRICT;
      CREATE INDEX sync_blobs_waiting ON sync_blobs (queued_at) WHERE state = 'waiting';
    `);
  },
};
