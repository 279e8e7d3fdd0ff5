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
  private readonly allStmt;
  private readonly countStmt;

  constructor(db: DeskDatabase) {
    this.insertStmt = db.prepare(
      `INSERT INTO events (${COLUMNS}, recorded_at) VALUES (@id, @dossierId, @type, @payload, @officerId, @deviceId, @deviceSeq, @hlc, @occurredAt, @recordedAt)`,
    );
    this.byDossierStmt = db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE dossier_id = ? ORDER BY hlc, id`);
    this.byIdStmt = db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE id = ?`);
    this.allStmt = db.prepare<[], EventRow>(`SELECT ${COLUMNS} FROM events ORDER BY dossier_id, hlc, id`);
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

  /** Every event grouped by dossier, each dossier's in fold order; streamed, not loaded at once. */
  *allByDossier(): Generator<DossierEvent[]> {
    let current: DossierEvent[] = [];
    for (const row of this.allStmt.iterate()) {
      const event = eventFromRow(row);
      if (current.length > 0 && current[0]!.dossierId !== event.dossierId) {
        yield current;
        current = [];
      }
      current.push(event);
    }
    if (current.length > 0) yield current;
  }

  count(): number {
    return this.countStmt.get()!.n;
  }
}
