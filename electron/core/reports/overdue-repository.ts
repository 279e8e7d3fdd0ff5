import type { Database } from 'better-sqlite3';
import type { StatusCode } from '../../../shared/domain/dossier/events.js';
import { DUE_SOON_WINDOW_HOURS, OVERDUE_LIST_LIMIT, type OverdueList } from '../../../shared/domain/reports/overdue-list.js';

interface Row {
  id: string;
  code: string | null;
  procedureName: string;
  sectorName: string;
  applicantName: string;
  phone: string | null;
  receivedAt: string | null;
  appointmentAt: string;
  status: StatusCode;
}

const HOUR_MS = 3_600_000;

/**
 * Pending dossiers with a running clock past their appointment or due within 24 hours, from the
 * dossiers projection — the same predicates as the daily tally's counts (tally-repository.ts).
 */
export class OverdueRepository {
  private readonly list;
  private readonly counts;

  constructor(db: Database) {
    this.list = db.prepare<[{ dueBy: string; limit: number }], Row>(
      `SELECT id, code, procedure_name AS procedureName, sector_name AS sectorName, applicant_name AS applicantName,
              applicant_phone AS phone, received_at AS receivedAt, appointment_at AS appointmentAt, status
       FROM dossiers WHERE clock_running = 1 AND appointment_at <= @dueBy
       ORDER BY appointment_at, coalesce(code, ''), id LIMIT @limit`,
    );
    this.counts = db.prepare<[{ now: string; dueBy: string }], { overdue: number; dueSoon: number }>(
      `SELECT count(*) FILTER (WHERE appointment_at < @now) AS overdue,
              count(*) FILTER (WHERE appointment_at >= @now) AS dueSoon
       FROM dossiers WHERE clock_running = 1 AND appointment_at <= @dueBy`,
    );
  }

  listAt(nowMs: number, limit = OVERDUE_LIST_LIMIT): OverdueList {
    const now = new Date(nowMs).toISOString();
    const dueBy = new Date(nowMs + DUE_SOON_WINDOW_HOURS * HOUR_MS).toISOString();
    const rows = this.list.all({ dueBy, limit: limit + 1 });
    const { overdue, dueSoon } = this.counts.get({ now, dueBy })!;
    return {
      asOf: now,
      overdue,
      dueSoon,
      rows: rows.slice(0, limit).map((r) => ({
        dossierId: r.id,
        code: r.code,
        procedureName: r.procedureName,
        sectorName: r.sectorName,
        applicantName: r.applicantName,
        phone: r.phone,
        receivedAt: r.receivedAt,
        appointmentAt: r.appointmentAt,
        status: r.status,
        kind: r.appointmentAt < now ? 'overdue' : 'dueSoon',
      })),
      truncated: rows.length > limit,
    };
  }
}
