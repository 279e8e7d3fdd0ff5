import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { CENTRE_DATABASE_FILE } from '../../../server/storage/open-storage.js';
import type { SyncDesk } from './sync-desk.js';

// Read-only views of what each replica holds, for the assertions "nothing lost, nothing doubled,
// nothing seen that should not be".

export interface CentreRow {
  id: string;
  scope: string;
  kind: string;
  deviceId: string | null;
  deviceSeq: number | null;
  dossierId: string | null;
}

const CENTRE_LOG_SQL = `SELECT l.id AS "id", l.scope AS "scope", l.kind AS "kind", l.device_id AS "deviceId", l.device_seq AS "deviceSeq", l.dossier_id AS "dossierId"
  FROM log_order o JOIN log l ON l.id = o.log_id ORDER BY o.seq`;

/** The centre's log in sequence order, from SQLite or from a PostgreSQL schema. */
export async function readCentreLog(dataDir: string, db: { database?: string; schema?: string } = {}): Promise<CentreRow[]> {
  if (db.database === undefined) return centreLog(dataDir);
  const client = new pg.Client({ connectionString: db.database, ...(db.schema === undefined ? {} : { options: `-c search_path=${db.schema}` }) });
  await client.connect();
  try {
    return (await client.query<CentreRow>(CENTRE_LOG_SQL)).rows.map((row) => ({ ...row, deviceSeq: row.deviceSeq === null ? null : Number(row.deviceSeq) }));
  } finally {
    await client.end();
  }
}

export function centreLog(dataDir: string): CentreRow[] {
  const db = new Database(join(dataDir, CENTRE_DATABASE_FILE), { readonly: true });
  try {
    return db.prepare<[], CentreRow>(CENTRE_LOG_SQL).all();
  } finally {
    db.close();
  }
}

export interface DeskRow {
  id: string;
  deviceId: string;
  deviceSeq: number;
  dossierId: string;
  origin: 'local' | 'remote';
  pushedAt: string | null;
}

export function deskEvents(desk: SyncDesk): DeskRow[] {
  return desk.core.db
    .prepare<[], DeskRow>(
      'SELECT id, device_id AS deviceId, device_seq AS deviceSeq, dossier_id AS dossierId, origin, pushed_at AS pushedAt FROM events ORDER BY seq',
    )
    .all();
}

/** The ids a desk of `unitGso` should hold: every event of its unit the centre has, plus its own unsent ones. */
export function expectedIdsFor(desk: SyncDesk, unitGso: string, centre: readonly CentreRow[]): Set<string> {
  const ids = new Set(centre.filter((row) => row.kind === 'event' && row.scope === unitGso).map((row) => row.id));
  for (const row of deskEvents(desk)) if (row.origin === 'local') ids.add(row.id);
  return ids;
}

/** Duplicate ids or device counters in a list of rows. */
export function duplicatesOf<T>(rows: readonly T[], key: (row: T) => string): string[] {
  const seen = new Set<string>();
  const doubled: string[] = [];
  for (const row of rows) {
    const k = key(row);
    if (seen.has(k)) doubled.push(k);
    seen.add(k);
  }
  return doubled;
}
