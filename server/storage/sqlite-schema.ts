import type Database from 'better-sqlite3';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import { unitKeysOf, type UnkeyedAgency, type UnkeyedDevice } from './unit-keys.js';

// The centre's tables on SQLite. The same tables exist on PostgreSQL (postgres-schema.ts); a change
// here needs its twin there, and the shared storage suite proves the two behave alike.

interface SqliteStep {
  version: number;
  sql: string;
  /** Rows the SQL alone cannot carry over (it needs the catalogue); runs after `sql`, in the same transaction. */
  backfill?: (db: Database.Database) => void;
}

const STEPS: readonly SqliteStep[] = [
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
  {
    version: 2,
    // The city dashboard's projection (server/dashboard/): written from each dossier's folded state in
    // the append transaction. Existing logs are projected at start (dashboard_projection = 0).
    sql: `
      CREATE TABLE dash_dossiers (
        dossier_id     TEXT PRIMARY KEY NOT NULL,
        unit_gso       TEXT NOT NULL,
        unit_name      TEXT NOT NULL,
        code           TEXT,
        status         INTEGER NOT NULL,
        procedure_name TEXT NOT NULL,
        sector_id      TEXT NOT NULL,
        sector_name    TEXT NOT NULL,
        appointment_at TEXT,
        clock_running  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX dash_dossiers_running ON dash_dossiers (appointment_at) WHERE clock_running = 1;

      CREATE TABLE dash_bieu06 (
        received_day        TEXT NOT NULL,
        dossier_id          TEXT NOT NULL,
        unit_gso            TEXT NOT NULL,
        sector_id           TEXT NOT NULL,
        channel             INTEGER NOT NULL,
        open_until          TEXT NOT NULL,
        long_lived          INTEGER NOT NULL,
        settlement          TEXT,
        due_day             TEXT,
        original_due_day    TEXT,
        first_apology_day   TEXT,
        first_extension_day TEXT,
        PRIMARY KEY (received_day, dossier_id)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX dash_bieu06_by_dossier ON dash_bieu06 (dossier_id);
      CREATE INDEX dash_bieu06_long_lived ON dash_bieu06 (open_until, received_day) WHERE long_lived = 1;

      CREATE TABLE dash_waits (
        dossier_id TEXT NOT NULL,
        position   INTEGER NOT NULL,
        from_day   TEXT NOT NULL,
        until_day  TEXT NOT NULL,
        PRIMARY KEY (dossier_id, position)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dash_day_facts (
        kind       TEXT NOT NULL,
        day        TEXT NOT NULL,
        unit_gso   TEXT NOT NULL,
        dossier_id TEXT NOT NULL,
        position   INTEGER NOT NULL,
        amount     INTEGER NOT NULL,
        PRIMARY KEY (kind, day, unit_gso, dossier_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX dash_day_facts_by_dossier ON dash_day_facts (dossier_id);

      ALTER TABLE devices ADD COLUMN last_sync_at TEXT;
      INSERT INTO counters (name, value) VALUES ('dashboard_projection', 0);
    `,
  },
  {
    version: 3,
    // When a device's current token was first presented. An enrollment may be retried with the same
    // code (its answer lost on the way) only while the token it issued was never used; tokens issued
    // before this column existed count as used.
    sql: `
      ALTER TABLE devices ADD COLUMN token_used_at TEXT;
      UPDATE devices SET token_used_at = enrolled_at;
    `,
  },
  {
    version: 4,
    // Rate-limit windows (server/http/rate-limit-store.ts), kept in the database so a limit survives a
    // restart and holds across centre processes. The key is a SHA-256 of the route and the client.
    sql: `
      CREATE TABLE rate_limits (
        key     TEXT PRIMARY KEY NOT NULL,
        hits    INTEGER NOT NULL,
        ends_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX rate_limits_by_end ON rate_limits (ends_ms);
    `,
  },
  {
    version: 5,
    // Codes stay unique per unit (a code held twice is kept by the first dossier, the others lose it:
    // their desks are asked to reissue); each unit's agency identifier, one unit per identifier; and
    // which units hold each scan (a device of the unit delivered the bytes), so a desk is never told
    // that another unit's scan exists.
    sql: `
      UPDATE dossiers SET code = NULL WHERE id IN (
        SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY unit_gso, code ORDER BY id) AS rn FROM dossiers WHERE code IS NOT NULL) AS ranked
        WHERE rn > 1);
      CREATE UNIQUE INDEX dossiers_code_per_unit ON dossiers (unit_gso, code) WHERE code IS NOT NULL;

      CREATE TABLE unit_agencies (
        unit_gso  TEXT PRIMARY KEY NOT NULL,
        agency_id TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE blob_units (
        sha256   TEXT NOT NULL,
        unit_gso TEXT NOT NULL,
        PRIMARY KEY (sha256, unit_gso)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO blob_units (sha256, unit_gso) SELECT b.sha256, d.unit_gso FROM blobs b JOIN devices d ON d.id = b.device_id WHERE true ON CONFLICT DO NOTHING;
    `,
  },
  {
    version: 6,
    // The dashboard's rows keep ids, never the names a desk's events carry (a desk could write any):
    // units, sectors and procedures are named from the centre's catalogue when read, and Biểu 06 counts
    // per procedure, summed into the catalogue's sectors. The rows are derived: emptied here, refilled
    // at start (DASHBOARD_PROJECTION_VERSION 3).
    sql: `
      DELETE FROM dash_day_facts;
      DELETE FROM dash_waits;
      DELETE FROM dash_bieu06;
      DELETE FROM dash_dossiers;
      ALTER TABLE dash_dossiers DROP COLUMN unit_name;
      ALTER TABLE dash_dossiers DROP COLUMN procedure_name;
      ALTER TABLE dash_dossiers DROP COLUMN sector_name;
      ALTER TABLE dash_dossiers RENAME COLUMN sector_id TO procedure_id;
      ALTER TABLE dash_bieu06 RENAME COLUMN sector_id TO procedure_id;
      UPDATE counters SET value = 0 WHERE name = 'dashboard_projection';
    `,
  },
  {
    version: 7,
    // The centre's unit identity is the catalogue unit id, not the GSO code a successor may reuse (old
    // and new Bãi Cháy are both 06673): each device's unit, each unit's agency identifier, and the units
    // a device moved from (to its successor; its earlier receptions stay its own). The backfill keys the
    // existing rows (unit-keys.ts), then the GSO-keyed identifiers go.
    sql: `
      ALTER TABLE devices ADD COLUMN unit_id TEXT;
      CREATE TABLE unit_agency_ids (
        unit_id   TEXT PRIMARY KEY NOT NULL,
        agency_id TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE TABLE device_former_units (
        device_id TEXT NOT NULL,
        unit_id   TEXT NOT NULL,
        unit_gso  TEXT NOT NULL,
        moved_at  TEXT NOT NULL,
        PRIMARY KEY (device_id, unit_id)
      ) STRICT, WITHOUT ROWID;
    `,
    backfill: (db) => {
      const devices = db.prepare<[], UnkeyedDevice>('SELECT id, unit_gso AS unitGso, enrolled_at AS enrolledAt FROM devices').all();
      const agencies = db.prepare<[], UnkeyedAgency>('SELECT unit_gso AS unitGso, agency_id AS agencyId FROM unit_agencies').all();
      const keys = unitKeysOf(devices, agencies, CATALOGUE_UNITS);
      const setUnit = db.prepare('UPDATE devices SET unit_id = ? WHERE id = ?');
      for (const [deviceId, unitId] of keys.devices) setUnit.run(unitId, deviceId);
      const insertAgency = db.prepare('INSERT INTO unit_agency_ids (unit_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
      for (const [unitId, agencyId] of keys.agencies) insertAgency.run(unitId, agencyId);
      db.exec('DROP TABLE unit_agencies');
    },
  },
  {
    version: 8,
    // The fleet view: each desk's last reported status (one row per device, replaced on each report)
    // and its crash reports (keyed per device: a desk cannot overwrite another's), trimmed per device.
    sql: `
      CREATE TABLE device_status (
        device_id       TEXT PRIMARY KEY NOT NULL,
        app_version     TEXT NOT NULL,
        reported_at     TEXT NOT NULL,
        clock_offset_ms INTEGER NOT NULL,
        events_waiting  INTEGER NOT NULL,
        scans_waiting   INTEGER NOT NULL,
        last_error      TEXT
      ) STRICT;
      CREATE TABLE device_crashes (
        device_id   TEXT NOT NULL,
        id          TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        kind        TEXT NOT NULL,
        place       TEXT NOT NULL,
        message     TEXT NOT NULL,
        stack       TEXT,
        app_version TEXT NOT NULL,
        os          TEXT NOT NULL,
        PRIMARY KEY (device_id, id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    // A desk restored from a backup signs with a new device id (its old counters may have been used
    // after the backup); the station's earlier ids stay its own, so their events can still be pushed.
    sql: `
      CREATE TABLE device_predecessors (
        device_id      TEXT NOT NULL,
        predecessor_id TEXT NOT NULL,
        rekeyed_at     TEXT NOT NULL,
        PRIMARY KEY (device_id, predecessor_id)
      ) STRICT, WITHOUT ROWID;
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
      step.backfill?.(db);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
}
