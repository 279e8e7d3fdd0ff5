import type { Database } from 'better-sqlite3';
import type { LogBookRow } from '../../../shared/domain/reports/log-book.js';
import type { ReportPeriod } from '../../../shared/domain/reports/report-period.js';

/** The log book (form 06) lines of the dossiers received in a period, in order of receipt. */
export class LogBookRepository {
  private readonly page;
  private readonly count;

  constructor(db: Database) {
    this.page = db.prepare<[string, string, number, number], { line: string }>(
      'SELECT line FROM report_log_book WHERE received_day BETWEEN ? AND ? ORDER BY received_day, received_at, code LIMIT ? OFFSET ?',
    );
    this.count = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM report_log_book WHERE received_day BETWEEN ? AND ?');
  }

  /** `limit` null: every line (exports). */
  rows(period: ReportPeriod, limit: number | null = null, offset = 0): LogBookRow[] {
    return this.page.all(period.from, period.to, limit ?? -1, offset).map((row) => JSON.parse(row.line) as LogBookRow);
  }

  total(period: ReportPeriod): number {
    return this.count.get(period.from, period.to)!.n;
  }
}
