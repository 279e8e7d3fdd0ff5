import type { Database } from 'better-sqlite3';
import type { SatisfactionLevel } from '../../../shared/domain/dossier/events.js';
import type { ReportPeriod } from '../../../shared/domain/reports/report-period.js';

export interface RatingGroupRow {
  unitGso: string;
  unitName: string;
  officerId: string;
  level: SatisfactionLevel;
  n: number;
}

/** Ratings given in a period, counted per unit, receiving officer and level (report_ratings). */
export class SatisfactionRepository {
  private readonly groups;

  constructor(db: Database) {
    this.groups = db.prepare<[string, string], RatingGroupRow>(
      `SELECT unit_gso AS unitGso, max(unit_name) AS unitName, officer_id AS officerId, level, count(*) AS n
       FROM report_ratings WHERE rated_day BETWEEN ? AND ?
       GROUP BY unit_gso, officer_id, level`,
    );
  }

  groupsIn(period: ReportPeriod): RatingGroupRow[] {
    return this.groups.all(period.from, period.to);
  }
}
