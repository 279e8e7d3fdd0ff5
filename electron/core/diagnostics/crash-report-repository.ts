import type { CrashKind, CrashReportInput } from '../../../shared/contract/crash-report.js';
import type { CrashReport } from '../../../shared/sync/device-status.js';
import { redactText } from '../../../shared/logging/redact.js';
import type { DeskDatabase } from '../db/open-database.js';

/** A desk that crashes in a loop keeps only its latest reports: the queue never grows past this. */
export const CRASH_QUEUE_MAX = 50;

interface CrashRow {
  id: string;
  occurred_at: string;
  kind: string;
  place: string;
  message: string;
  stack: string | null;
  app_version: string;
  os: string;
}

/** Crash reports waiting for the centre (migration 120). Texts are redacted before they are stored. */
export class CrashReportRepository {
  constructor(private readonly db: DeskDatabase) {}

  record(report: CrashReportInput, stamp: { id: string; occurredAt: string; appVersion: string; os: string }): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO crash_reports (id, occurred_at, kind, place, message, stack, app_version, os) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(stamp.id, stamp.occurredAt, report.kind, redactText(report.where), redactText(report.message), report.stack === undefined ? null : redactText(report.stack), stamp.appVersion, stamp.os);
      this.db.prepare('DELETE FROM crash_reports WHERE id NOT IN (SELECT id FROM crash_reports ORDER BY occurred_at DESC, id DESC LIMIT ?)').run(CRASH_QUEUE_MAX);
    })();
  }

  /** The oldest waiting reports first, at most `limit`. */
  waiting(limit: number): CrashReport[] {
    const rows = this.db.prepare('SELECT * FROM crash_reports ORDER BY occurred_at, id LIMIT ?').all(limit) as CrashRow[];
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      kind: row.kind as CrashKind,
      where: row.place,
      message: row.message,
      ...(row.stack === null ? {} : { stack: row.stack }),
      appVersion: row.app_version,
      os: row.os,
    }));
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM crash_reports').get() as { n: number }).n;
  }

  /** The centre stored them: they leave the queue. */
  sent(ids: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM crash_reports WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) remove.run(id);
    })();
  }
}
