import type Database from 'better-sqlite3';

// The centre's tables on SQLite. The same tables exist on PostgreSQL (postgres-schema.ts); a change
// here needs its twin there, and the shared storage suite proves the two behave alike.

const STEPS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      -- Every accepted event and reference change, once. Its place in the global order is in log_order.
      CREATE TABLE log (
        id           TEXT PRIMARY KEY NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('event', 'reference')),
        scope        TEXT NOT NULL,
        dossier_id   TEXT,
        device_id    TEXT,
        device_seq   INTEGER,
        content_hash TEXT NOT NULL,
        body         TEXT NOT NULL,
        recorded_at  TEXT NOT NULL,
        UNIQUE (device_id, device_seq)
      ) STRICT;
      CREATE INDEX log_by_dossier ON log (dossier_id);

      -- The global sequence, given as the last step of each transaction (commit order).
      CREATE TABLE log_order (
        seq       INTEGER PRIMARY KEY,
        log_id    TEXT NOT NULL UNIQUE REFERENCES log (id),
        scope     TEXT NOT NULL,
        device_id TEXT
      ) STRICT;
      CREATE INDEX log_order_by_scope ON log_order (scope, seq);

      CREATE TABLE counters (
        name  TEXT PRIMARY KEY NOT NULL,
        value INTEGER NOT NULL
      ) STRICT;
      INSERT INTO counters (name, value) VALUES ('log', 0);

      -- Which unit each dossier belongs to (fixed by its first accepted event) and its code (lookup).
      CREATE TABLE dossiers (
        id       TEXT PRIMARY KEY NOT NULL,
        unit_gso TEXT NOT NULL,
        code     TEXT
      ) STRICT;
      CREATE INDEX dossiers_by_code ON dossiers (code) WHERE code IS NOT NULL;

      -- Per-device counters held, so the centre can tell a desk which of its events are missing.
      CREATE TABLE device_counters (
        device_id          TEXT PRIMARY KEY NOT NULL,
        highest_seq        INTEGER NOT NULL,
        contiguous_through INTEGER NOT NULL,
        received           INTEGER NOT NULL
      ) STRICT;

      -- The centre's own event counter and hybrid logical clock (events its staff record).
      CREATE TABLE centre_clock (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq INTEGER NOT NULL,
        last_hlc TEXT
      ) STRICT;
      INSERT INTO centre_clock (id, last_seq, last_hlc) VALUES (1, 0, NULL);

      CREATE TABLE staff (
        id            TEXT PRIMARY KEY NOT NULL,
        username      TEXT NOT NULL UNIQUE,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY NOT NULL,
        staff_id   TEXT NOT NULL REFERENCES staff (id),
        expires_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE enrollment_codes (
        code_hash  TEXT PRIMARY KEY NOT NULL,
        unit_gso   TEXT NOT NULL,
        station    INTEGER NOT NULL,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        used_at    TEXT,
        used_by    TEXT
      ) STRICT;

      CREATE TABLE devices (
        id          TEXT PRIMARY KEY NOT NULL,
        name        TEXT NOT NULL,
        unit_gso    TEXT NOT NULL,
        station     INTEGER NOT NULL,
        token_hash  TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        revoked_at  TEXT
      ) STRICT;

      CREATE TABLE blobs (
        sha256    TEXT PRIMARY KEY NOT NULL,
        size      INTEGER NOT NULL,
        stored_at TEXT NOT NULL,
        device_id TEXT NOT NULL
      ) STRICT;
    `,
  },
];

export const SQLITE_SCHEMA_VERSION = STEPS.at(-1)!.version;

/** Brings a centre database to the current schema in one transaction; refuses a newer one. */
export function migrateSqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SQLITE_SCHEMA_VERSION) {
    throw new Error(`The centre database has schema ${current}; this version knows up to ${SQLITE_SCHEMA_VERSION}. Update the centre.`);
  }
  db.transaction(() => {
    for (const step of STEPS.filter((s) => s.version > current)) {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
}
