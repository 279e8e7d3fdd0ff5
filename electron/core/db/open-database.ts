import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/registry.js';
import type { Migration } from './migrations/types.js';

export type DeskDatabase = Database.Database;

export interface OpenOptions {
  /** File path, or ':memory:' in tests. */
  path: string;
  migrations?: readonly Migration[];
  /**
   * better-sqlite3's addon built for another runtime than node_modules' (Node's): the Electron build
   * `npm start` keeps in .electron-native/. Default: the one in node_modules.
   */
  nativeAddon?: string;
}

/** Opens the desk database with the settings every connection needs, then migrates it. */
export function openDatabase({ path, migrations = MIGRATIONS, nativeAddon }: OpenOptions): DeskDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, nativeAddon === undefined ? {} : { nativeBinding: nativeAddon });
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a receipt handed to a citizen must survive a power cut, not only a process crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted content is overwritten with zeros, not left in free pages: a token moved out to the
    // secrets store, or a citizen's data removed, is then gone from the file too.
    db.pragma('secure_delete = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
