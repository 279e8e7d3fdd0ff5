import type Database from 'better-sqlite3';
import { addDaysToLocalDate } from '../../../shared/domain/calendar/vietnam-time.js';
import { LONG_LIVED_DAYS } from '../../../shared/domain/reports/bieu06-facts.js';
import type { ReportPeriod } from '../../../shared/domain/reports/report-period.js';
import type {
  DashboardProjectionTx,
  DashboardStore,
  DayFactTotal,
  DeviceStatusRecord,
  DeviceSyncRecord,
  FleetCrash,
  FleetDeviceRecord,
  StoredCrash,
  OverdueDossier,
  RunningClockCount,
  UnitProcedureCounts,
} from '../dashboard-store.js';
import type { DashboardDossierRow, DayFactKind } from '../dossier-facts.js';
import { bindSqlite, type SqlParam } from './bind-params.js';
import { bieu06CountsOf, type Bieu06CountsRow } from './bieu06-rows.js';
import { DASHBOARD_SQL, DASHBOARD_TABLES, fleetWrites } from './dashboard-sql.js';

// The dashboard on the embedded adapter: reads on the reader connection (committed data only, WAL),
// the projection written on the writer inside the append transaction, the last-sync time through the
// writer's mutex like every other write.

type Db = Database.Database;

class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();
  constructor(private readonly db: Db) {}

  all<R>(sql: string, params: Readonly<Record<string, SqlParam>>): R[] {
    const { text, values } = bindSqlite(sql, params);
    return this.statement(text).all(values) as R[];
  }

  run(sql: string, params: Readonly<Record<string, SqlParam>>): void {
    const { text, values } = bindSqlite(sql, params);
    this.statement(text).run(values);
  }

  private statement(text: string): Database.Statement {
    // A list parameter makes one text per list length: keep the cache from growing without end.
    if (this.statements.size > 256) this.statements.clear();
    let statement = this.statements.get(text);
    if (statement === undefined) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }
}

export class SqliteDashboardStore implements DashboardStore {
  private readonly reads: StatementCache;
  private readonly writes: StatementCache;

  constructor(
    reader: Db,
    writer: Db,
    private readonly write: <T>(fn: () => T) => Promise<T>,
  ) {
    this.reads = new StatementCache(reader);
    this.writes = new StatementCache(writer);
  }

  async dayFactTotals(fromDay: string, toDay: string, kinds: readonly DayFactKind[], eraDay: string): Promise<DayFactTotal[]> {
    return this.reads.all<DayFactTotal>(DASHBOARD_SQL.dayFactTotals, { from: fromDay, to: toDay, kinds, era: eraDay });
  }

  async runningClocks(nowIso: string, dueByIso: string): Promise<RunningClockCount[]> {
    return this.reads.all<RunningClockCount>(DASHBOARD_SQL.runningClocks, { now: nowIso, dueBy: dueByIso });
  }

  async bieu06Counts(period: ReportPeriod, eraDay: string): Promise<UnitProcedureCounts[]> {
    const params = { from: period.from, to: period.to, shortFrom: addDaysToLocalDate(period.from, -LONG_LIVED_DAYS), era: eraDay };
    return bieu06CountsOf(DASHBOARD_SQL.bieu06Parts.flatMap((sql) => this.reads.all<Bieu06CountsRow>(sql, params)), eraDay);
  }

  async overdueDossiers(nowIso: string, limit: number): Promise<{ rows: OverdueDossier[]; total: number }> {
    const rows = this.reads.all<OverdueDossier>(DASHBOARD_SQL.overdueRows, { now: nowIso, limit });
    const [total] = this.reads.all<{ n: number }>(DASHBOARD_SQL.overdueTotal, { now: nowIso });
    return { rows, total: total?.n ?? 0 };
  }

  async devices(): Promise<DeviceSyncRecord[]> {
    return this.reads.all<DeviceSyncRecord>(DASHBOARD_SQL.devices, {});
  }

  noteDeviceSync(deviceId: string, atIso: string): Promise<void> {
    return this.write(() => this.writes.run(DASHBOARD_SQL.noteDeviceSync, { id: deviceId, at: atIso }));
  }

  recordDeviceStatus(deviceId: string, status: DeviceStatusRecord, crashes: readonly StoredCrash[], receivedAt: string, keep: number): Promise<void> {
    return this.write(() => {
      for (const statement of fleetWrites(deviceId, status, crashes, receivedAt, keep)) this.writes.run(statement.sql, statement.params);
    });
  }

  async fleet(): Promise<FleetDeviceRecord[]> {
    return this.reads.all<FleetDeviceRecord>(DASHBOARD_SQL.fleet, {});
  }

  async recentCrashes(limit: number): Promise<FleetCrash[]> {
    return this.reads.all<FleetCrash>(DASHBOARD_SQL.recentCrashes, { limit });
  }

  async projectionVersion(): Promise<number> {
    return this.reads.all<{ value: number }>(DASHBOARD_SQL.projectionVersion, {})[0]?.value ?? 0;
  }

  setProjectionVersion(version: number): Promise<void> {
    return this.write(() => this.writes.run(DASHBOARD_SQL.setProjectionVersion, { version }));
  }

  async dossierIdsAfter(after: string, limit: number): Promise<string[]> {
    return this.reads.all<{ id: string }>(DASHBOARD_SQL.dossierIdsAfter, { after, limit }).map((row) => row.id);
  }
}

/** SQLite caps bound parameters per statement: look dossiers up in slices below it. */
const IN_CHUNK = 500;
/** Rows per multi-row INSERT (fewer statements, far fewer calls into SQLite, under the parameter cap). */
const ROWS_PER_INSERT = 64;

type Row = (string | number | null)[];

/** INSERTs of many rows: full chunks through one multi-row statement, the rest one by one. */
class BulkInsert {
  private readonly one: Database.Statement;
  private readonly many: Database.Statement;

  constructor(db: Db, table: string, columns: readonly string[]) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.one = db.prepare(head + tuple);
    this.many = db.prepare(head + Array.from({ length: ROWS_PER_INSERT }, () => tuple).join(', '));
  }

  run(rows: readonly Row[]): void {
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) this.many.run(rows.slice(i, i + ROWS_PER_INSERT).flat());
    for (; i < rows.length; i += 1) this.one.run(rows[i]!);
  }
}

/** The projection's writes, on the writer connection, inside the transaction SqliteStorage opened. */
export class SqliteDashboardTx implements DashboardProjectionTx {
  private readonly statements: StatementCache;
  private readonly dossiers: BulkInsert;
  private readonly bieu06: BulkInsert;
  private readonly waits: BulkInsert;
  private readonly facts: BulkInsert;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
    this.dossiers = new BulkInsert(db, 'dash_dossiers', [
      'dossier_id', 'unit_gso', 'code', 'status', 'procedure_id', 'appointment_at', 'clock_running',
    ]);
    this.bieu06 = new BulkInsert(db, 'dash_bieu06', [
      'received_day', 'dossier_id', 'unit_gso', 'procedure_id', 'channel', 'open_until', 'long_lived', 'settlement',
      'due_day', 'original_due_day', 'first_apology_day', 'first_extension_day',
    ]);
    this.waits = new BulkInsert(db, 'dash_waits', ['dossier_id', 'position', 'from_day', 'until_day']);
    this.facts = new BulkInsert(db, 'dash_day_facts', ['kind', 'day', 'unit_gso', 'dossier_id', 'position', 'amount']);
  }

  /** The writer already holds SQLite's write lock for the whole transaction: nothing more to hold. */
  async lockDossiers(_ids: readonly string[]): Promise<void> {}

  async eventBodiesOf(dossierIds: readonly string[]): Promise<Map<string, string[]>> {
    const bodies = new Map<string, string[]>();
    for (let i = 0; i < dossierIds.length; i += IN_CHUNK) {
      const rows = this.statements.all<{ dossierId: string; body: string }>(DASHBOARD_SQL.eventBodies, { ids: dossierIds.slice(i, i + IN_CHUNK) });
      for (const row of rows) {
        const list = bodies.get(row.dossierId);
        if (list === undefined) bodies.set(row.dossierId, [row.body]);
        else list.push(row.body);
      }
    }
    return bodies;
  }

  async replaceDashboardRows(dossierIds: readonly string[], rows: readonly DashboardDossierRow[]): Promise<void> {
    for (let i = 0; i < dossierIds.length; i += IN_CHUNK) {
      const ids = dossierIds.slice(i, i + IN_CHUNK);
      for (const table of DASHBOARD_TABLES) this.statements.run(`DELETE FROM ${table} WHERE dossier_id IN (@ids)`, { ids });
    }
    this.dossiers.run(
      rows.map((r) => [r.dossierId, r.unitGso, r.code, r.status, r.procedureId, r.appointmentAt, r.clockRunning ? 1 : 0]),
    );
    const counted = rows.filter((r) => r.bieu06 !== null);
    this.bieu06.run(
      counted.map((r) => {
        const f = r.bieu06!;
        return [f.receivedDay, r.dossierId, r.unitGso, r.procedureId, f.channel, f.openUntil, f.longLived ? 1 : 0, f.settlement, f.dueDay, f.originalDueDay, f.firstApologyDay, f.firstExtensionDay];
      }),
    );
    this.waits.run(counted.flatMap((r) => r.bieu06!.waits.map((w, position) => [r.dossierId, position, w.fromDay, w.untilDay])));
    this.facts.run(rows.flatMap((r) => r.dayFacts.map((f, position) => [f.kind, f.day, r.unitGso, r.dossierId, position, f.amount])));
  }
}
