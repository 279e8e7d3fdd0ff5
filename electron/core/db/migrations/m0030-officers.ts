import type { Migration } from './types.js';

// Officers sign in on the desk offline: scrypt hashes live here (synced from the centre later).
export const m0030Officers: Migration = {
  version: 30,
  name: 'officers',
  up(db) {
    db.exec(`
      CREATE TABLE officers (
        id            TEXT PRIMARY KEY NOT NULL,
        username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
        full_name     TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('officer', 'supervisor')),
        password_hash TEXT NOT NULL,
        active        INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL
      ) STRICT;
    `);
  },
};
