import type pg from 'pg';
import { addDaysToLocalDate } from '../../../shared/domain/calendar/vietnam-time.js';
import type { StatusCode } from '../../../shared/domain/dossier/events.js';
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
import { bindPostgres, type SqlParam } from './bind-params.js';
import { bieu06CountsOf, type Bieu06CountsRow } from './bieu06-rows.js';
import { DASHBOARD_SQL, DASHBOARD_TABLES, fleetWrites } from './dashboard-sql.js';

// The dashboard on PostgreSQL: reads on the pool, the projection written on the append transaction's
// client (bulk inserts with unnest), dossiers locked in id order for the length of that transaction.

type Queryable = pg.Pool | pg.PoolClient;

async function all<R extends pg.QueryResultRow>(db: Queryable, sql: string, params: Readonly<Record<string, SqlParam>>): Promise<R[]> {
  const { text, values } = bindPostgres(sql, params);
  return (await db.query<R>(text, values)).rows;
}

// count(*) is BIGINT (read as a number by the pool's parser), sum(BIGINT) is NUMERIC (a string).
const num = (value: number | string): number => Number(value);

export class PostgresDashboardStore implements DashboardStore {
  constructor(private readonly pool: pg.Pool) {}

  async dayFactTotals(fromDay: string, toDay: string, kinds: readonly DayFactKind[], eraDay: string): Promise<DayFactTotal[]> {
    const rows = await all<{ unitGso: string; kind: DayFactKind; firstDay: string; n: number | string; amount: number | string }>(
      this.pool,
      DASHBOARD_SQL.dayFactTotals,
      { from: fromDay, to: toDay, kinds, era: eraDay },
    );
    return rows.map((row) => ({ unitGso: row.unitGso, kind: row.kind, firstDay: row.firstDay, n: num(row.n), amount: num(row.amount) }));
  }

  async runningClocks(nowIso: string, dueByIso: string): Promise<RunningClockCount[]> {
    const rows = await all<{ unitGso: string; overdue: number | string; dueSoon: number | string }>(this.pool, DASHBOARD_SQL.runningClocks, {
      now: nowIso,
      dueBy: dueByIso,
    });
    return rows.map((row) => ({ unitGso: row.unitGso, overdue: num(row.overdue), dueSoon: num(row.dueSoon) }));
  }

  async bieu06Counts(period: ReportPeriod, eraDay: string): Promise<UnitProcedureCounts[]> {
    const params = { from: period.from, to: period.to, shortFrom: addDaysToLocalDate(period.from, -LONG_LIVED_DAYS), era: eraDay };
    const parts = await Promise.all(DASHBOARD_SQL.bieu06Parts.map((sql) => all<Bieu06CountsRow>(this.pool, sql, params)));
    return bieu06CountsOf(parts.flat(), eraDay);
  }

  async overdueDossiers(nowIso: string, limit: number): Promise<{ rows: OverdueDossier[]; total: number }> {
    const [rows, total] = await Promise.all([
      all<Omit<OverdueDossier, 'status'> & { status: number }>(this.pool, DASHBOARD_SQL.overdueRows, { now: nowIso, limit }),
      all<{ n: number | string }>(this.pool, DASHBOARD_SQL.overdueTotal, { now: nowIso }),
    ]);
    return { rows: rows.map((row) => ({ ...row, status: row.status as StatusCode })), total: num(total[0]?.n ?? 0) };
  }

  devices(): Promise<DeviceSyncRecord[]> {
    return all<DeviceSyncRecord>(this.pool, DASHBOARD_SQL.devices, {});
  }

  async noteDeviceSync(deviceId: string, atIso: string): Promise<void> {
    await all(this.pool, DASHBOARD_SQL.noteDeviceSync, { id: deviceId, at: atIso });
  }

  async recordDeviceStatus(deviceId: string, status: DeviceStatusRecord, crashes: readonly StoredCrash[], receivedAt: string, keep: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const statement of fleetWrites(deviceId, status, crashes, receivedAt, keep)) await all(client, statement.sql, statement.params);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async fleet(): Promise<FleetDeviceRecord[]> {
    type Row = Omit<FleetDeviceRecord, 'clockOffsetMs' | 'eventsWaiting' | 'scansWaiting' | 'crashCount'> & Record<'clockOffsetMs' | 'eventsWaiting' | 'scansWaiting', number | string | null> & { crashCount: number | string };
    const rows = await all<Row>(this.pool, DASHBOARD_SQL.fleet, {});
    const orNull = (value: number | string | null): number | null => (value === null ? null : num(value));
    return rows.map((row) => ({
      ...row,
      clockOffsetMs: orNull(row.clockOffsetMs),
      eventsWaiting: orNull(row.eventsWaiting),
      scansWaiting: orNull(row.scansWaiting),
      crashCount: num(row.crashCount),
    }));
  }

  recentCrashes(limit: number): Promise<FleetCrash[]> {
    return all<FleetCrash>(this.pool, DASHBOARD_SQL.recentCrashes, { limit });
  }

  async projectionVersion(): Promise<number> {
    const [row] = await all<{ value: number | string }>(this.pool, DASHBOARD_SQL.projectionVersion, {});
    return row === undefined ? 0 : num(row.value);
  }

  async setProjectionVersion(version: number): Promise<void> {
    await all(this.pool, DASHBOARD_SQL.setProjectionVersion, { version });
  }

  async dossierIdsAfter(after: string, limit: number): Promise<string[]> {
    return (await all<{ id: string }>(this.pool, DASHBOARD_SQL.dossierIdsAfter, { after, limit })).map((row) => row.id);
  }
}

/** The projection's writes on the append transaction's client. */
export class PostgresDashboardTx implements DashboardProjectionTx {
  constructor(private readonly client: pg.PoolClient) {}

  async lockDossiers(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    // ORDER BY before FOR UPDATE: rows are locked in id order, so two writers never wait on each other in a cycle.
    await this.client.query('SELECT id FROM dossiers WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [[...ids].sort()]);
  }

  async eventBodiesOf(dossierIds: readonly string[]): Promise<Map<string, string[]>> {
    const bodies = new Map<string, string[]>();
    if (dossierIds.length === 0) return bodies;
    const { rows } = await this.client.query<{ dossierId: string; body: string }>(
      `SELECT dossier_id AS "dossierId", body FROM log WHERE kind = 'event' AND dossier_id = ANY($1::text[])`,
      [dossierIds],
    );
    for (const row of rows) {
      const list = bodies.get(row.dossierId);
      if (list === undefined) bodies.set(row.dossierId, [row.body]);
      else list.push(row.body);
    }
    return bodies;
  }

  async replaceDashboardRows(dossierIds: readonly string[], rows: readonly DashboardDossierRow[]): Promise<void> {
    if (dossierIds.length > 0) {
      for (const table of DASHBOARD_TABLES) await this.client.query(`DELETE FROM ${table} WHERE dossier_id = ANY($1::text[])`, [dossierIds]);
    }
    if (rows.length === 0) return;
    await this.client.query(
      `INSERT INTO dash_dossiers (dossier_id, unit_gso, code, status, procedure_id, appointment_at, clock_running)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::int[])`,
      [
        rows.map((r) => r.dossierId),
        rows.map((r) => r.unitGso),
        rows.map((r) => r.code),
        rows.map((r) => r.status),
        rows.map((r) => r.procedureId),
        rows.map((r) => r.appointmentAt),
        rows.map((r) => (r.clockRunning ? 1 : 0)),
      ],
    );
    const counted = rows.filter((r) => r.bieu06 !== null);
    if (counted.length > 0) {
      const facts = counted.map((r) => r.bieu06!);
      await this.client.query(
        `INSERT INTO dash_bieu06 (received_day, dossier_id, unit_gso, procedure_id, channel, open_until, long_lived, settlement,
           due_day, original_due_day, first_apology_day, first_extension_day)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[], $8::text[],
           $9::text[], $10::text[], $11::text[], $12::text[])`,
        [
          facts.map((f) => f.receivedDay),
          counted.map((r) => r.dossierId),
          counted.map((r) => r.unitGso),
          counted.map((r) => r.procedureId),
          facts.map((f) => f.channel),
          facts.map((f) => f.openUntil),
          facts.map((f) => (f.longLived ? 1 : 0)),
          facts.map((f) => f.settlement),
          facts.map((f) => f.dueDay),
          facts.map((f) => f.originalDueDay),
          facts.map((f) => f.firstApologyDay),
          facts.map((f) => f.firstExtensionDay),
        ],
      );
      const waits = counted.flatMap((r) => r.bieu06!.waits.map((wait, position) => ({ id: r.dossierId, position, ...wait })));
      if (waits.length > 0) {
        await this.client.query('INSERT INTO dash_waits (dossier_id, position, from_day, until_day) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])', [
          waits.map((w) => w.id),
          waits.map((w) => w.position),
          waits.map((w) => w.fromDay),
          waits.map((w) => w.untilDay),
        ]);
      }
    }
    const facts = rows.flatMap((r) => r.dayFacts.map((fact, position) => ({ unitGso: r.unitGso, id: r.dossierId, position, ...fact })));
    if (facts.length > 0) {
      await this.client.query(
        'INSERT INTO dash_day_facts (kind, day, unit_gso, dossier_id, position, amount) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[])',
        [facts.map((f) => f.kind), facts.map((f) => f.day), facts.map((f) => f.unitGso), facts.map((f) => f.id), facts.map((f) => f.position), facts.map((f) => f.amount)],
      );
    }
  }
}
