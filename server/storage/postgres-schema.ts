// The centre's tables on PostgreSQL: the twins of sqlite-schema.ts (keep the two in step). Sequences
// are BIGINT; times are ISO strings in TEXT, as on SQLite, so both adapters return the same values.

import type pg from 'pg';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import { unitKeysOf, type UnkeyedAgency, type UnkeyedDevice } from './unit-keys.js';

interface PostgresStep {
  version: number;
  sql: string;
  /** Rows the SQL alone cannot carry over (it needs the catalogue); runs after `sql`, in the same transaction. */
  backfill?: (client: pg.PoolClient) => Promise<void>;
}

export const POSTGRES_STEPS: readonly PostgresStep[] = [
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
  {
    version: 2,
    // The city dashboard's projection: the twin of sqlite-schema.ts step 2. Dates, codes and ids compare
    // byte by byte (COLLATE "C"), as on SQLite and in the shared TypeScript rules — a linguistic collation
    // would order '.' and '-' in dossier codes differently, and is slower on every comparison.
    sql: `
      CREATE TABLE dash_dossiers (
        dossier_id     TEXT COLLATE "C" PRIMARY KEY,
        unit_gso       TEXT COLLATE "C" NOT NULL,
        unit_name      TEXT NOT NULL,
        code           TEXT COLLATE "C",
        status         INTEGER NOT NULL,
        procedure_name TEXT NOT NULL,
        sector_id      TEXT COLLATE "C" NOT NULL,
        sector_name    TEXT NOT NULL,
        appointment_at TEXT COLLATE "C",
        clock_running  INTEGER NOT NULL
      );
      CREATE INDEX dash_dossiers_running ON dash_dossiers (appointment_at) WHERE clock_running = 1;

      CREATE TABLE dash_bieu06 (
        received_day        TEXT COLLATE "C" NOT NULL,
        dossier_id          TEXT COLLATE "C" NOT NULL,
        unit_gso            TEXT COLLATE "C" NOT NULL,
        sector_id           TEXT COLLATE "C" NOT NULL,
        channel             INTEGER NOT NULL,
        open_until          TEXT COLLATE "C" NOT NULL,
        long_lived          INTEGER NOT NULL,
        settlement          TEXT COLLATE "C",
        due_day             TEXT COLLATE "C",
        original_due_day    TEXT COLLATE "C",
        first_apology_day   TEXT COLLATE "C",
        first_extension_day TEXT COLLATE "C",
        PRIMARY KEY (received_day, dossier_id)
      );
      CREATE UNIQUE INDEX dash_bieu06_by_dossier ON dash_bieu06 (dossier_id);
      CREATE INDEX dash_bieu06_long_lived ON dash_bieu06 (open_until, received_day) WHERE long_lived = 1;

      CREATE TABLE dash_waits (
        dossier_id TEXT COLLATE "C" NOT NULL,
        position   INTEGER NOT NULL,
        from_day   TEXT COLLATE "C" NOT NULL,
        until_day  TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (dossier_id, position)
      );

      CREATE TABLE dash_day_facts (
        kind       TEXT COLLATE "C" NOT NULL,
        day        TEXT COLLATE "C" NOT NULL,
        unit_gso   TEXT COLLATE "C" NOT NULL,
        dossier_id TEXT COLLATE "C" NOT NULL,
        position   INTEGER NOT NULL,
        amount     BIGINT NOT NULL,
        PRIMARY KEY (kind, day, unit_gso, dossier_id, position)
      );
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
    sql: `
      CREATE TABLE rate_limits (
        key     TEXT PRIMARY KEY,
        hits    INTEGER NOT NULL,
        ends_ms BIGINT NOT NULL
      );
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
        agency_id TEXT COLLATE "C" NOT NULL UNIQUE
      );

      CREATE TABLE blob_units (
        sha256   TEXT COLLATE "C" NOT NULL,
        unit_gso TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (sha256, unit_gso)
      );
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
    // As SQLite's step 7: unit identity by catalogue unit id (GSO codes are reused by successors).
    sql: `
      ALTER TABLE devices ADD COLUMN unit_id TEXT;
      CREATE TABLE unit_agency_ids (
        unit_id   TEXT PRIMARY KEY,
        agency_id TEXT COLLATE "C" NOT NULL UNIQUE
      );
      CREATE TABLE device_former_units (
        device_id TEXT NOT NULL,
        unit_id   TEXT NOT NULL,
        unit_gso  TEXT NOT NULL,
        moved_at  TEXT NOT NULL,
        PRIMARY KEY (device_id, unit_id)
      );
    `,
    backfill: async (client) => {
      const devices = (await client.query<UnkeyedDevice>('SELECT id, unit_gso AS "unitGso", enrolled_at AS "enrolledAt" FROM devices')).rows;
      const agencies = (await client.query<UnkeyedAgency>('SELECT unit_gso AS "unitGso", agency_id AS "agencyId" FROM unit_agencies')).rows;
      const keys = unitKeysOf(devices, agencies, CATALOGUE_UNITS);
      for (const [deviceId, unitId] of keys.devices) await client.query('UPDATE devices SET unit_id = $1 WHERE id = $2', [unitId, deviceId]);
      for (const [unitId, agencyId] of keys.agencies) {
        await client.query('INSERT INTO unit_agency_ids (unit_id, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [unitId, agencyId]);
      }
      await client.query('DROP TABLE unit_agencies');
    },
  },
  {
    version: 8,
    // As SQLite's step 8: the fleet view's device status and crash reports.
    sql: `
      CREATE TABLE device_status (
        device_id       TEXT PRIMARY KEY,
        app_version     TEXT NOT NULL,
        reported_at     TEXT COLLATE "C" NOT NULL,
        clock_offset_ms BIGINT NOT NULL,
        events_waiting  BIGINT NOT NULL,
        scans_waiting   BIGINT NOT NULL,
        last_error      TEXT
      );
      CREATE TABLE device_crashes (
        device_id   TEXT NOT NULL,
        id          TEXT NOT NULL,
        occurred_at TEXT COLLATE "C" NOT NULL,
        received_at TEXT COLLATE "C" NOT NULL,
        kind        TEXT NOT NULL,
        place       TEXT NOT NULL,
        message     TEXT NOT NULL,
        stack       TEXT,
        app_version TEXT NOT NULL,
        os          TEXT NOT NULL,
        PRIMARY KEY (device_id, id)
      );
    `,
  },
  {
    version: 9,
    // As SQLite's step 9: the ids a re-keyed (restored) desk signed with before.
    sql: `
      CREATE TABLE device_predecessors (
        device_id      TEXT NOT NULL,
        predecessor_id TEXT NOT NULL,
        rekeyed_at     TEXT NOT NULL,
        PRIMARY KEY (device_id, predecessor_id)
      );
    `,
  },
];

export const POSTGRES_SCHEMA_VERSION = POSTGRES_STEPS.at(-1)!.version;
