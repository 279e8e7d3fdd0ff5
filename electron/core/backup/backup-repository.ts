import type { BackupCounts } from '../../../shared/contract/backup.js';
import type { DeskDatabase } from '../db/open-database.js';

// The SQL a backup needs on the desk's database and on its copy: the main tables' row counts (compared
// between the two) and SQLite's own integrity check of the copy.

const COUNTED = {
  events: 'SELECT count(*) AS n FROM events',
  dossiers: 'SELECT count(*) AS n FROM dossiers',
  attachments: 'SELECT count(*) AS n FROM dossier_attachments',
  officers: 'SELECT count(*) AS n FROM officers',
} as const satisfies Record<keyof BackupCounts, string>;

/** Row counts of the main tables, read in one transaction so they describe one moment. */
export function countMainTables(db: DeskDatabase): BackupCounts {
  return db.transaction(() => {
    const count = (sql: string) => (db.prepare<[], { n: number }>(sql).get()?.n ?? 0);
    return {
      events: count(COUNTED.events),
      dossiers: count(COUNTED.dossiers),
      attachments: count(COUNTED.attachments),
      officers: count(COUNTED.officers),
    };
  })();
}

/** SQLite's `PRAGMA integrity_check`: 'ok', or the first problems it lists. */
export function integrityCheck(db: DeskDatabase): string {
  const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).slice(0, 5).join('; ');
}

export function schemaVersionOf(db: DeskDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}
