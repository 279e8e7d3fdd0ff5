import type { Migration } from './types.js';

// Desk-wide key/value settings: unit, station, agency identifier, device id.
export const m0010Settings: Migration = {
  version: 10,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
