import Database from 'better-sqlite3';
import { SqliteStorage } from './sqlite-storage.js';

// The SQLite side of the centre's backup and restore (server/backup/): a consistent copy through
// SQLite's online backup API — it copies page by page from its own connection and starts over if the
// serving centre writes meanwhile, so the centre never stops — stamped as a restored log, verified.

export interface SqliteCopyFacts {
  events: number;
  blobs: number;
  /** The last global sequence the copy holds. */
  lastSeq: number;
}

/** Copies the live database at `source` to `target` (a new file) while the centre may be serving. */
export async function copyLiveDatabase(source: string, target: string): Promise<void> {
  const live = new Database(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 10000');
    await live.backup(target);
  } finally {
    live.close();
  }
  // If it is ever restored, desks must learn that the centre forgot what came after this copy.
  const copy = new SqliteStorage(target);
  try {
    await copy.markRestored();
  } finally {
    await copy.close();
  }
  // One self-contained file (no write-ahead log beside it) for the backup folder.
  const single = new Database(target, { fileMustExist: true });
  try {
    single.pragma('journal_mode = DELETE');
  } finally {
    single.close();
  }
}

/** Opens a copy read-only, runs integrity_check, and counts what it holds; throws if it is damaged. */
export function verifyDatabaseCopy(path: string): SqliteCopyFacts {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`The database copy ${path} failed its integrity check: ${String(check)}`);
    const count = (sql: string) => (db.prepare<[], { n: number | null }>(sql).get()?.n ?? 0);
    return {
      events: count("SELECT count(*) AS n FROM log WHERE kind = 'event'"),
      blobs: count('SELECT count(*) AS n FROM blobs'),
      lastSeq: count('SELECT max(seq) AS n FROM log_order'),
    };
  } finally {
    db.close();
  }
}
