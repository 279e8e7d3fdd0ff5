import type { Database } from 'better-sqlite3';
import { addDaysToLocalDate } from '../../../shared/domain/calendar/vietnam-time.js';
import { emptyBieu06Counts, addBieu06Counts, type Bieu06Counts } from '../../../shared/domain/reports/bieu06.js';
import { LONG_LIVED_DAYS } from '../../../shared/domain/reports/bieu06-facts.js';
import type { ReportPeriod } from '../../../shared/domain/reports/report-period.js';

// Biểu 06 over the report_bieu06 projection. The rules live in shared/domain/reports/bieu06.ts (the
// reference a property test holds this to); here they are written as SQL over per-dossier dates:
// - in the period: received_day ≤ to and open_until ≥ from, found as three disjoint index ranges —
//   received inside the period; received in the LONG_LIVED_DAYS before it and still open at its start
//   (short-lived dossiers, by the primary key); and long-lived ones (their own partial index);
// - settled: open_until ≤ to, by the stored settlement; pending: open_until > to;
// - overdue: the due date as of `to` (rule 9) before `to`, and no supplement wait open at the end of `to`.

interface SectorCountsRow {
  sectorId: string;
  online: number;
  directOrPostal: number;
  carriedOver: number;
  early: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
}

const DUE_AS_OF_TO = `CASE
    WHEN b.first_apology_day <= @to THEN b.due_day
    WHEN b.first_extension_day IS NULL OR b.first_extension_day > @to THEN b.original_due_day
    ELSE b.due_day
  END`;

const WAITING_AT_TO = `EXISTS (SELECT 1 FROM report_waits w WHERE w.dossier_id = b.dossier_id AND w.from_day <= @to AND w.until_day > @to)`;

const COUNTS = `
  SELECT b.sector_id AS sectorId,
    count(*) FILTER (WHERE b.received_day >= @from AND b.channel = 2) AS online,
    count(*) FILTER (WHERE b.received_day >= @from AND b.channel <> 2) AS directOrPostal,
    count(*) FILTER (WHERE b.received_day < @from) AS carriedOver,
    count(*) FILTER (WHERE b.open_until <= @to AND b.settlement = 'early') AS early,
    count(*) FILTER (WHERE b.open_until <= @to AND b.settlement = 'onTime') AS onTime,
    count(*) FILTER (WHERE b.open_until <= @to AND b.settlement = 'late') AS late,
    count(*) FILTER (WHERE b.open_until > @to) AS pending,
    count(*) FILTER (WHERE b.open_until > @to AND (${DUE_AS_OF_TO}) < @to AND NOT ${WAITING_AT_TO}) AS overdue
  FROM report_bieu06 b`;

/** The three disjoint parts of "received on or before `to` and still open on `from`". */
export const BIEU06_PARTS = {
  receivedInPeriod: `${COUNTS} WHERE b.received_day BETWEEN @from AND @to GROUP BY b.sector_id`,
  carriedShortLived: `${COUNTS} WHERE b.received_day >= @shortFrom AND b.received_day < @from AND b.long_lived = 0 AND b.open_until >= @from GROUP BY b.sector_id`,
  carriedLongLived: `${COUNTS} INDEXED BY report_bieu06_long_lived WHERE b.long_lived = 1 AND b.open_until >= @from AND b.received_day < @from GROUP BY b.sector_id`,
} as const;

export class Bieu06Repository {
  private readonly parts;

  constructor(db: Database) {
    this.parts = Object.values(BIEU06_PARTS).map((sql) => db.prepare<[{ from: string; to: string; shortFrom: string }], SectorCountsRow>(sql));
  }

  /** The eight counts per sector for a period that has already been checked. */
  countsBySector(period: ReportPeriod): Map<string, Bieu06Counts> {
    const params = { from: period.from, to: period.to, shortFrom: addDaysToLocalDate(period.from, -LONG_LIVED_DAYS) };
    const bySector = new Map<string, Bieu06Counts>();
    for (const part of this.parts) {
      for (const row of part.all(params)) {
        const counts: Bieu06Counts = {
          online: row.online,
          directOrPostal: row.directOrPostal,
          carriedOver: row.carriedOver,
          early: row.early,
          onTime: row.onTime,
          late: row.late,
          withinTime: row.pending - row.overdue,
          overdue: row.overdue,
        };
        const held = bySector.get(row.sectorId);
        bySector.set(row.sectorId, held === undefined ? addBieu06Counts(emptyBieu06Counts(), counts) : addBieu06Counts(held, counts));
      }
    }
    return bySector;
  }
}
