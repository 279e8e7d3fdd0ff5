import type { Migration } from './types.js';

// The centre's device token leaves the database for the secrets store (safeStorage in the app, an
// owner-only file under Node). A migration has only SQL, so it cannot reach that store: it makes the
// column nullable (NULL: "the token is in the secrets store"), keeping an existing desk's token in
// place, and the core moves it out on its first start (SyncAgent, then the column is set to NULL).
// The connection runs with secure_delete on, so the dropped table's pages are zeroed, not left behind.
export const m0100TokenOutOfDatabase: Migration = {
  version: 100,
  name: 'centre token out of the database',
  // The enrollment row is sync state, not a projection: no rebuild.
  projections: 'untouched',
  up(db) {
    db.exec(`
      CREATE TABLE sync_enrollment_next (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        centre_url  TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        device_name TEXT NOT NULL,
        token       TEXT,
        unit_gso    TEXT NOT NULL,
        station     INTEGER NOT NULL,
        enrolled_at TEXT NOT NULL,
        revoked_at  TEXT
      ) STRICT;
      INSERT INTO sync_enrollment_next (id, centre_url, device_id, device_name, token, unit_gso, station, enrolled_at, revoked_at)
        SELECT id, centre_url, device_id, device_name, token, unit_gso, station, enrolled_at, revoked_at FROM sync_enrollment;
      DROP TABLE sync_enrollment;
      ALTER TABLE sync_enrollment_next RENAME TO sync_enrollment;
    `);
  },
};
