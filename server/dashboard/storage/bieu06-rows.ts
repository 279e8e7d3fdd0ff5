import { addBieu06Counts, emptyBieu06Counts, type Bieu06Counts } from '../../../shared/domain/reports/bieu06.js';
import type { UnitProcedureCounts } from '../dashboard-store.js';

/** One row of a Biểu 06 part query (dashboard-sql.ts); PostgreSQL may return counts as strings. */
export interface Bieu06CountsRow {
  unitGso: string;
  procedureId: string;
  receivedDay: string;
  online: number | string;
  directOrPostal: number | string;
  carriedOver: number | string;
  early: number | string;
  onTime: number | string;
  late: number | string;
  pending: number | string;
  overdue: number | string;
}

/** The three disjoint parts' rows, summed per unit, procedure and side of the era. */
export function bieu06CountsOf(rows: readonly Bieu06CountsRow[], eraDay: string): UnitProcedureCounts[] {
  const byKey = new Map<string, UnitProcedureCounts>();
  for (const row of rows) {
    const pending = Number(row.pending);
    const overdue = Number(row.overdue);
    const counts: Bieu06Counts = {
      online: Number(row.online),
      directOrPostal: Number(row.directOrPostal),
      carriedOver: Number(row.carriedOver),
      early: Number(row.early),
      onTime: Number(row.onTime),
      late: Number(row.late),
      withinTime: pending - overdue,
      overdue,
    };
    const key = `${row.unitGso}\u0000${row.procedureId}\u0000${row.receivedDay < eraDay}`;
    const held = byKey.get(key);
    if (held === undefined) {
      byKey.set(key, { unitGso: row.unitGso, procedureId: row.procedureId, receivedDay: row.receivedDay, counts: addBieu06Counts(emptyBieu06Counts(), counts) });
    } else {
      addBieu06Counts(held.counts, counts);
      if (row.receivedDay < held.receivedDay) held.receivedDay = row.receivedDay;
    }
  }
  return [...byKey.values()];
}
