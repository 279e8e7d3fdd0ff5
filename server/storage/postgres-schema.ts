// The centre's tables on PostgreSQL: the twins of sqlite-schema.ts (keep the two in step). Sequences
// are BIGINT; times are ISO strings in TEXT, as on SQLite, so both adapters return the same values.

export const POSTGRES_STEPS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE log (
        id           TEXT PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('event', 'reference')),
        scope        TEXT NOT NULL,
        dossier_id   TEXT,
        device_id    TEXT,
        device_seq   BIGINT,
        content_hash TEXT NOT NULL,
        body         TEXT NOT NULL,
        recorded_at  TEXT NOT NULL,
        UNIQUE (device_id, device_seq)
      );
      CREATE INDEX log_by_dossier ON log (dossier_id);

      CREATE TABLE log_order (
        seq       BIGINT PRIMARY KEY,
        log_id    TEXT NOT NULL UNIQUE REFERENCES log (id),
        scope     TEXT NOT NULL,
        device_id TEXT
      );
      CREATE INDEX log_order_by_scope ON log_order (scope, seq);

      CREATE TABLE counters (
        name  TEXT PRIMARY KEY,
        value BIGINT NOT NULL
      );
      INSERT INTO counters (name, value) VALUES ('log', 0);

      CREATE TABLE dossiers (
        id       TEXT PRIMARY KEY,
        unit_gso TEXT NOT NULL,
        code     TEXT
      );
      CREATE INDEX dossiers_by_code ON dossiers (code) WHERE code IS NOT NULL;

      CREATE TABLE device_counters (
        device_id          TEXT PRIMARY KEY,
        highest_seq        BIGINT NOT NULL,
        contiguous_through BIGINT NOT NULL,
        received           BIGINT NOT NULL
      );

      CREATE TABLE centre_clock (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq BIGINT NOT NULL,
        last_hlc TEXT
      );
      INSERT INTO centre_clock (id, last_seq, last_hlc) VALUES (1, 0, NULL);

      CREATE TABLE staff (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );

      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id   TEXT NOT NULL REFERENCES staff (id),
        expires_at TEXT NOT NULL
      );

      CREATE TABLE enrollment_codes (
        code_hash  TEXT PRIMARY KEY,
        unit_gso   TEXT NOT NULL,
        station    INTEGER NOT NULL,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        used_at    TEXT,
        used_by    TEXT
      );

      CREATE TABLE devices (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        unit_gso    TEXT NOT NULL,
        station     INTEGER NOT NULL,
        token_hash  TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        revoked_at  TEXT
      );

      CREATE TABLE blobs (
        sha256    TEXT PRIMARY KEY,
        size      BIGINT NOT NULL,
        stored_at TEXT NOT NULL,
        device_id TEXT NOT NULL
      );
    `,
  },
];

export const POSTGRES_SCHEMA_VERSION = POSTGRES_STEPS.at(-1)!.version;
