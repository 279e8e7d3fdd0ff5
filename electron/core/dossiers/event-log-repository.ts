import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import type { DeskDatabase } from '../db/open-database.js';

interface EventRow {
  id: string;
  dossier_id: string;
  type: string;
  payload: string;
  officer_id: string;
  device_id: string;
  device_seq: number;
  hlc: string;
  occurred_at: string;
}

const COLUMNS = 'id, dossier_id, type, payload, officer_id, device_id, device_seq, hlc, occurred_at';

export function eventFromRow(row: EventRow): DossierEvent {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    officerId: row.officer_id,
    deviceId: row.device_id,
    deviceSeq: row.device_seq,
    hlc: row.hlc,
    occurredAt: row.occurred_at,
  } as DossierEvent;
}

/** The append-only event log: the desk's source of truth. Events are never updated or deleted. */
export class EventLogRepository {
  private readonly insertStmt;
  private readonly byDossierStmt;
  private readonly byIdStmt;
  private readonly dossierIdsStmt;
  private readonly countStmt;

  constructor(db: DeskDatabase) {
    this.insertStmt = db.prepare(
      `INSERT INTO events (${COLUMNS}, recorded_at) VALUES (@id, @dossierId, @type, @payload, @officerId, @deviceId, @deviceSeq, @hlc, @occurredAt, @recordedAt)`,
    );
    this.byDossierStmt = db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE dossier_id = ? ORDER BY hlc, id`);
    this.byIdStmt = db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE id = ?`);
    this.dossierIdsStmt = db.prepare<[], { dossier_id: string }>('SELECT dossier_id FROM events GROUP BY dossier_id ORDER BY min(seq)');
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');
  }

  append(event: DossierEvent, recordedAt: string): void {
    this.insertStmt.run({ ...event, payload: JSON.stringify(event.payload), recordedAt });
  }

  eventsOf(dossierId: string): DossierEvent[] {
    return this.byDossierStmt.all(dossierId).map(eventFromRow);
  }

  find(eventId: string): DossierEvent | null {
    const row = this.byIdStmt.get(eventId);
    return row ? eventFromRow(row) : null;
  }

  /**
   * Every dossier id, in the order its first event arrived. The rebuild reads each dossier's events
   * separately: better-sqlite3 cannot write while a read cursor on the same connection is open.
   */
  dossierIds(): string[] {
    return this.dossierIdsStmt.all().map((row) => row.dossier_id);
  }

  count(): number {
    return this.countStmt.get()!.n;
  }
}
