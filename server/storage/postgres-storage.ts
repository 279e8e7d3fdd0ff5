import pg from 'pg';
import type { DeviceProgress } from '../../shared/sync/protocol.js';
import { PostgresDashboardStore, PostgresDashboardTx } from '../dashboard/storage/postgres-dashboard.js';
import { POSTGRES_SCHEMA_VERSION, POSTGRES_STEPS } from './postgres-schema.js';
import type {
  AppendTx,
  BlobRecord,
  CentreClockState,
  CentreStorage,
  DeviceCounters,
  DeviceMove,
  DeviceRekey,
  DeviceRecord,
  DossierRecord,
  EnrollmentCodeRecord,
  EnrollmentRetry,
  FormerUnit,
  LogEpoch,
  LogInsert,
  PulledRow,
  RateLimitWindow,
  SequencedRow,
  StaffRecord,
} from './storage.js';
import { newLogEpoch } from './storage.js';
import { codeOf, deviceOf, dossierOf, staffOf, type CodeRow, type DeviceRow, type DossierRow, type StaffRow } from './row-mappers.js';

// The PostgreSQL adapter, for a province or a country: several centre processes may share one
// database. Writes run in READ COMMITTED transactions; the only serialisation point is the one-row
// counter that `takeSequence` updates just before commit (its row lock is held until commit, so the
// next writer receives its numbers only after this one is visible: sequence order is commit order).

export interface PostgresOptions {
  connectionString: string;
  /** A schema to keep the tables in (created if missing); tests use one per run. */
  schema?: string;
  maxConnections?: number;
}

const INT8_OID = 20;
// Sequences and counters stay far below 2^53: read BIGINT as a number, for this pool only.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Arbitrary but fixed: the advisory lock that lets several centres migrate one database safely. */
const MIGRATION_LOCK_KEY = 6_691_2025;

type Queryable = pg.PoolClient | pg.Pool;

// Row shapes and mappers: ./row-mappers.ts (shared with the other adapter).

const CODE_COLUMNS = 'code_hash, unit_gso, station, expires_at, created_at, created_by, used_at';
const DEVICE_COLUMNS = 'id, name, unit_id, unit_gso, station, enrolled_at, revoked_at';

async function rows<R extends pg.QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<R[]> {
  return (await db.query<R>(text, values)).rows;
}

class PostgresAppendTx implements AppendTx {
  private readonly dashboard: PostgresDashboardTx;

  constructor(private readonly client: pg.PoolClient) {
    this.dashboard = new PostgresDashboardTx(client);
  }

  lockDossiers(ids: readonly string[]): Promise<void> {
    return this.dashboard.lockDossiers(ids);
  }

  eventBodiesOf(dossierIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.dashboard.eventBodiesOf(dossierIds);
  }

  replaceDashboardRows(...args: Parameters<PostgresDashboardTx['replaceDashboardRows']>): Promise<void> {
    return this.dashboard.replaceDashboardRows(...args);
  }

  async findEvents(ids: readonly string[]): Promise<Map<string, string>> {
    const found = await rows<{ id: string; content_hash: string }>(this.client, 'SELECT id, content_hash FROM log WHERE id = ANY($1::text[])', [ids]);
    return new Map(found.map((row) => [row.id, row.content_hash]));
  }

  async findDeviceSeqs(deviceId: string, seqs: readonly number[]): Promise<Map<number, string>> {
    const found = await rows<{ id: string; device_seq: number }>(
      this.client,
      'SELECT id, device_seq FROM log WHERE device_id = $1 AND device_seq = ANY($2::bigint[])',
      [deviceId, seqs],
    );
    return new Map(found.map((row) => [row.device_seq, row.id]));
  }

  async findDossiers(ids: readonly string[]): Promise<Map<string, DossierRecord>> {
    const found = await rows<DossierRow>(this.client, 'SELECT id, unit_gso, code FROM dossiers WHERE id = ANY($1::text[])', [ids]);
    return new Map(found.map((row) => [row.id, dossierOf(row)]));
  }

  async insertDossiers(records: readonly DossierRecord[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const inserted = await rows<{ id: string }>(
      this.client,
      `INSERT INTO dossiers (id, unit_gso, code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [records.map((r) => r.id), records.map((r) => r.unitGso), records.map((r) => r.code)],
    );
    return new Set(inserted.map((row) => row.id));
  }

  async setDossierCode(id: string, code: string): Promise<void> {
    await this.client.query('UPDATE dossiers SET code = $1 WHERE id = $2', [code, id]);
  }

  async dossierHoldingCode(unitGso: string, code: string): Promise<string | null> {
    const [row] = await rows<{ id: string }>(this.client, 'SELECT id FROM dossiers WHERE unit_gso = $1 AND code = $2', [unitGso, code]);
    return row?.id ?? null;
  }

  async unitAgency(unitId: string): Promise<string | null> {
    const [row] = await rows<{ agency_id: string }>(this.client, 'SELECT agency_id FROM unit_agency_ids WHERE unit_id = $1', [unitId]);
    return row?.agency_id ?? null;
  }

  async claimUnitAgency(unitId: string, agencyId: string): Promise<boolean> {
    await this.client.query('INSERT INTO unit_agency_ids (unit_id, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [unitId, agencyId]);
    return (await this.unitAgency(unitId)) === agencyId;
  }

  async moveDevice(move: DeviceMove): Promise<boolean> {
    const moved = await this.client.query(
      'UPDATE devices SET unit_id = $1, unit_gso = $2 WHERE id = $3 AND unit_id = $4 AND revoked_at IS NULL',
      [move.to.unitId, move.to.unitGso, move.deviceId, move.from.unitId],
    );
    if (moved.rowCount !== 1) return false;
    await this.client.query(
      'INSERT INTO device_former_units (device_id, unit_id, unit_gso, moved_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [move.deviceId, move.from.unitId, move.from.unitGso, move.movedAt],
    );
    return true;
  }

  async insertLog(records: readonly LogInsert[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const inserted = await rows<{ id: string }>(
      this.client,
      `INSERT INTO log (id, kind, scope, dossier_id, device_id, device_seq, content_hash, body, recorded_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[])
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        records.map((r) => r.id),
        records.map((r) => r.kind),
        records.map((r) => r.scope),
        records.map((r) => r.dossierId),
        records.map((r) => r.deviceId),
        records.map((r) => r.deviceSeq),
        records.map((r) => r.contentHash),
        records.map((r) => r.body),
        records.map((r) => r.recordedAt),
      ],
    );
    return new Set(inserted.map((row) => row.id));
  }

  async readDeviceCounters(deviceId: string): Promise<DeviceCounters | null> {
    // FOR UPDATE: two pushes from one device (a retry racing the original) update its counters in turn.
    const [row] = await rows<{ highest_seq: number; contiguous_through: number; received: number }>(
      this.client,
      'SELECT highest_seq, contiguous_through, received FROM device_counters WHERE device_id = $1 FOR UPDATE',
      [deviceId],
    );
    return row ? { highestSeq: row.highest_seq, contiguousThrough: row.contiguous_through, received: row.received } : null;
  }

  deviceSeqsAbove(deviceId: string, after: number, limit: number): Promise<number[]> {
    return seqsAbove(this.client, deviceId, after, limit);
  }

  async writeDeviceCounters(deviceId: string, c: DeviceCounters): Promise<void> {
    await this.client.query(
      `INSERT INTO device_counters (device_id, highest_seq, contiguous_through, received) VALUES ($1, $2, $3, $4)
       ON CONFLICT (device_id) DO UPDATE SET highest_seq = excluded.highest_seq,
         contiguous_through = excluded.contiguous_through, received = excluded.received`,
      [deviceId, c.highestSeq, c.contiguousThrough, c.received],
    );
  }

  async lockCentreClock(): Promise<CentreClockState> {
    const [row] = await rows<{ last_seq: number; last_hlc: string | null }>(this.client, 'SELECT last_seq, last_hlc FROM centre_clock WHERE id = 1 FOR UPDATE');
    return { lastSeq: row!.last_seq, lastHlc: row!.last_hlc };
  }

  async writeCentreClock(state: CentreClockState): Promise<void> {
    await this.client.query('UPDATE centre_clock SET last_seq = $1, last_hlc = $2 WHERE id = 1', [state.lastSeq, state.lastHlc]);
  }

  async takeSequence(records: readonly SequencedRow[]): Promise<number> {
    const [row] = await rows<{ value: number }>(this.client, "UPDATE counters SET value = value + $1 WHERE name = 'log' RETURNING value", [records.length]);
    const first = row!.value - records.length + 1;
    if (records.length > 0) {
      await this.client.query(
        'INSERT INTO log_order (seq, log_id, scope, device_id) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])',
        [records.map((_, i) => first + i), records.map((r) => r.id), records.map((r) => r.scope), records.map((r) => r.deviceId)],
      );
    }
    return first;
  }
}

async function seqsAbove(db: Queryable, deviceId: string, after: number, limit: number): Promise<number[]> {
  const found = await rows<{ device_seq: number }>(
    db,
    'SELECT device_seq FROM log WHERE device_id = $1 AND device_seq > $2 ORDER BY device_seq LIMIT $3',
    [deviceId, after, limit],
  );
  return found.map((row) => row.device_seq);
}

export class PostgresStorage implements CentreStorage {
  readonly kind = 'postgres' as const;
  readonly dashboard: PostgresDashboardStore;

  private constructor(private readonly pool: pg.Pool) {
    this.dashboard = new PostgresDashboardStore(pool);
  }

  /** Connects, creates the schema if asked, and migrates (under an advisory lock: many centres may start at once). */
  static async open(options: PostgresOptions): Promise<PostgresStorage> {
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) throw new Error(`Invalid schema name: ${options.schema}`);
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      types,
      // No JIT: the centre's queries are short, and the dashboard's aggregates over a quarter are costed
      // high enough to trigger it — compiling took four times longer than running them (bench:dashboard).
      options: `-c jit=off${options.schema === undefined ? '' : ` -c search_path=${options.schema}`}`,
    });
    // An idle client's error (the server restarting) must not crash the centre; the next query reconnects.
    pool.on('error', () => undefined);
    const storage = new PostgresStorage(pool);
    try {
      await storage.migrate(options.schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return storage;
  }

  private async migrate(schema: string | undefined): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query('CREATE TABLE IF NOT EXISTS centre_schema (version INTEGER NOT NULL)');
      const [row] = await rows<{ version: number }>(client, 'SELECT max(version) AS version FROM centre_schema');
      const current = row?.version ?? 0;
      if (current > POSTGRES_SCHEMA_VERSION) {
        throw new Error(`The centre database has schema ${current}; this version knows up to ${POSTGRES_SCHEMA_VERSION}. Update the centre.`);
      }
      for (const step of POSTGRES_STEPS.filter((s) => s.version > current)) {
        await client.query(step.sql);
        await step.backfill?.(client);
        await client.query('INSERT INTO centre_schema (version) VALUES ($1)', [step.version]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async transaction<T>(fn: (tx: AppendTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresAppendTx(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async pull(scopes: readonly string[], after: number, limit: number, excludeDeviceId: string | null): Promise<PulledRow[]> {
    const parts = scopes.map(
      (_, i) =>
        `SELECT * FROM (SELECT seq, log_id FROM log_order WHERE scope = $${i + 4} AND seq > $1 AND ($2::text IS NULL OR device_id IS DISTINCT FROM $2) ORDER BY seq LIMIT $3) s${i}`,
    );
    return rows<PulledRow>(
      this.pool,
      `SELECT o.seq, l.kind, l.body FROM (${parts.join(' UNION ALL ')}) o JOIN log l ON l.id = o.log_id ORDER BY o.seq LIMIT $3`,
      [after, excludeDeviceId, limit, ...scopes],
    );
  }

  async dossierEventBodies(dossierId: string): Promise<string[]> {
    return (await rows<{ body: string }>(this.pool, "SELECT body FROM log WHERE dossier_id = $1 AND kind = 'event'", [dossierId])).map((r) => r.body);
  }

  async dossier(id: string): Promise<DossierRecord | null> {
    const [row] = await rows<DossierRow>(this.pool, 'SELECT id, unit_gso, code FROM dossiers WHERE id = $1', [id]);
    return row ? dossierOf(row) : null;
  }

  async dossierByCode(code: string): Promise<DossierRecord | null> {
    const [row] = await rows<DossierRow>(this.pool, 'SELECT id, unit_gso, code FROM dossiers WHERE code = $1', [code]);
    return row ? dossierOf(row) : null;
  }

  async deviceProgress(deviceId: string): Promise<DeviceProgress> {
    const [row] = await rows<{ highest_seq: number; contiguous_through: number; received: number }>(
      this.pool,
      'SELECT highest_seq, contiguous_through, received FROM device_counters WHERE device_id = $1',
      [deviceId],
    );
    if (!row) return { deviceId, highestSeq: 0, contiguousThrough: 0, missing: 0 };
    return { deviceId, highestSeq: row.highest_seq, contiguousThrough: row.contiguous_through, missing: row.highest_seq - row.received };
  }

  deviceSeqsAbove(deviceId: string, after: number, limit: number): Promise<number[]> {
    return seqsAbove(this.pool, deviceId, after, limit);
  }

  async logEpoch(): Promise<LogEpoch> {
    await this.pool.query("INSERT INTO counters (name, value) VALUES ('log_epoch', $1) ON CONFLICT (name) DO NOTHING", [newLogEpoch()]);
    return this.readEpoch();
  }

  async markRestored(): Promise<LogEpoch> {
    await this.pool.query(
      `INSERT INTO counters (name, value) VALUES ('log_epoch', $1), ('restored_through', (SELECT coalesce(max(seq), 0) FROM log_order))
       ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      [newLogEpoch()],
    );
    return this.readEpoch();
  }

  private async readEpoch(): Promise<LogEpoch> {
    const found = await rows<{ name: string; value: number }>(this.pool, "SELECT name, value FROM counters WHERE name IN ('log_epoch', 'restored_through')");
    const value = (name: string) => found.find((row) => row.name === name)?.value ?? null;
    return { epoch: value('log_epoch') ?? 0, restoredThrough: value('restored_through') };
  }

  async insertStaff(staff: StaffRecord): Promise<void> {
    await this.pool.query('INSERT INTO staff (id, username, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
      staff.id,
      staff.username,
      staff.role,
      staff.passwordHash,
      staff.createdAt,
    ]);
  }

  async staffByUsername(username: string): Promise<StaffRecord | null> {
    const [row] = await rows<StaffRow>(this.pool, 'SELECT * FROM staff WHERE username = $1', [username]);
    return row ? staffOf(row) : null;
  }

  async staffById(id: string): Promise<StaffRecord | null> {
    const [row] = await rows<StaffRow>(this.pool, 'SELECT * FROM staff WHERE id = $1', [id]);
    return row ? staffOf(row) : null;
  }

  async countStaff(): Promise<number> {
    const [row] = await rows<{ n: number }>(this.pool, 'SELECT count(*) AS n FROM staff');
    return row!.n;
  }

  async insertStaffSession(tokenHash: string, staffId: string, expiresAt: string): Promise<void> {
    await this.pool.query('DELETE FROM staff_sessions WHERE expires_at < $1', [new Date().toISOString()]);
    await this.pool.query('INSERT INTO staff_sessions (token_hash, staff_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, staffId, expiresAt]);
  }

  async staffSession(tokenHash: string, nowIso: string): Promise<string | null> {
    const [row] = await rows<{ staff_id: string }>(this.pool, 'SELECT staff_id FROM staff_sessions WHERE token_hash = $1 AND expires_at > $2', [
      tokenHash,
      nowIso,
    ]);
    return row?.staff_id ?? null;
  }

  async deleteStaffSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async insertEnrollmentCode(code: EnrollmentCodeRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO enrollment_codes (code_hash, unit_gso, station, expires_at, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [code.codeHash, code.unitGso, code.station, code.expiresAt, code.createdAt, code.createdBy],
    );
  }

  async consumeEnrollmentCode(codeHash: string, nowIso: string, deviceId: string): Promise<EnrollmentCodeRecord | null> {
    // One statement: a second concurrent use re-checks `used_at IS NULL` after the first commits and finds nothing.
    const [row] = await rows<CodeRow>(
      this.pool,
      `UPDATE enrollment_codes SET used_at = $1, used_by = $2 WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $1 RETURNING ${CODE_COLUMNS}`,
      [nowIso, deviceId, codeHash],
    );
    return row ? codeOf(row) : null;
  }

  async enrollmentCode(codeHash: string): Promise<(EnrollmentCodeRecord & { usedAt: string | null }) | null> {
    const [row] = await rows<CodeRow>(this.pool, `SELECT ${CODE_COLUMNS} FROM enrollment_codes WHERE code_hash = $1`, [codeHash]);
    return row ? codeOf(row) : null;
  }

  async upsertDevice(device: DeviceRecord, tokenHash: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO devices (id, name, unit_id, unit_gso, station, token_hash, enrolled_at, revoked_at, token_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id, station = excluded.station, token_hash = excluded.token_hash,
         enrolled_at = excluded.enrolled_at, revoked_at = NULL, token_used_at = NULL`,
      [device.id, device.name, device.unitId, device.unitGso, device.station, tokenHash, device.enrolledAt],
    );
  }

  async reissueEnrollment(retry: EnrollmentRetry): Promise<EnrollmentCodeRecord | null> {
    // One statement: the device row's lock makes a concurrent revocation or first use either land
    // before (and refuse this) or after (and apply to the new token).
    const [row] = await rows<CodeRow>(
      this.pool,
      `UPDATE devices d SET token_hash = $1, name = $2, enrolled_at = $3
       FROM enrollment_codes c
       WHERE c.code_hash = $4 AND c.used_by = d.id AND c.expires_at > $3
         AND d.id = $5 AND d.unit_gso = c.unit_gso AND d.station = c.station AND d.revoked_at IS NULL AND d.token_used_at IS NULL
       RETURNING ${CODE_COLUMNS.split(', ').map((column) => `c.${column}`).join(', ')}`,
      [retry.tokenHash, retry.deviceName, retry.nowIso, retry.codeHash, retry.deviceId],
    );
    return row ? codeOf(row) : null;
  }

  async noteTokenUsed(tokenHash: string, nowIso: string): Promise<void> {
    await this.pool.query('UPDATE devices SET token_used_at = $1 WHERE token_hash = $2 AND token_used_at IS NULL', [nowIso, tokenHash]);
  }

  async device(id: string): Promise<DeviceRecord | null> {
    const [row] = await rows<DeviceRow>(this.pool, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1`, [id]);
    return row ? deviceOf(row) : null;
  }

  async deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    const [row] = await rows<DeviceRow>(this.pool, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE token_hash = $1`, [tokenHash]);
    return row ? deviceOf(row) : null;
  }

  async revokeDevice(id: string, nowIso: string): Promise<boolean> {
    await this.pool.query('UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [nowIso, id]);
    const [row] = await rows<{ n: number }>(this.pool, 'SELECT count(*) AS n FROM devices WHERE id = $1', [id]);
    return row!.n === 1;
  }

  async listDevices(): Promise<DeviceRecord[]> {
    return (await rows<DeviceRow>(this.pool, `SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY unit_gso, station, enrolled_at`)).map(deviceOf);
  }

  async rekeyDevice(rekey: DeviceRekey): Promise<'rekeyed' | 'already' | 'refused'> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // The token's row locked: a concurrent repeat or revocation lands before or after, never between.
      const [held] = await rows<{ id: string }>(client, 'SELECT id FROM devices WHERE token_hash = $1 AND revoked_at IS NULL FOR UPDATE', [rekey.tokenHash]);
      let outcome: 'rekeyed' | 'already' | 'refused';
      if (held?.id === rekey.newId) {
        const known = await rows(client, 'SELECT 1 FROM device_predecessors WHERE device_id = $1 AND predecessor_id = $2', [rekey.newId, rekey.formerId]);
        outcome = known.length === 0 ? 'refused' : 'already';
      } else if (held?.id !== rekey.formerId || (await rows(client, 'SELECT 1 FROM devices WHERE id = $1', [rekey.newId])).length > 0) {
        outcome = 'refused';
      } else {
        await client.query("UPDATE devices SET token_hash = 'retired:' || id, revoked_at = $1 WHERE id = $2", [rekey.nowIso, rekey.formerId]);
        await client.query(
          `INSERT INTO devices (id, name, unit_id, unit_gso, station, token_hash, enrolled_at, revoked_at, token_used_at)
           SELECT $1, name, unit_id, unit_gso, station, $2, $3, NULL, $3 FROM devices WHERE id = $4`,
          [rekey.newId, rekey.tokenHash, rekey.nowIso, rekey.formerId],
        );
        await client.query(
          `INSERT INTO device_predecessors (device_id, predecessor_id, rekeyed_at)
           SELECT $1, predecessor_id, rekeyed_at FROM device_predecessors WHERE device_id = $2 UNION ALL SELECT $1, $2, $3`,
          [rekey.newId, rekey.formerId, rekey.nowIso],
        );
        await client.query(
          'INSERT INTO device_former_units (device_id, unit_id, unit_gso, moved_at) SELECT $1, unit_id, unit_gso, moved_at FROM device_former_units WHERE device_id = $2',
          [rekey.newId, rekey.formerId],
        );
        outcome = 'rekeyed';
      }
      await client.query('COMMIT');
      return outcome;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async predecessors(deviceId: string): Promise<string[]> {
    return (
      await rows<{ id: string }>(this.pool, 'SELECT predecessor_id AS id FROM device_predecessors WHERE device_id = $1 ORDER BY rekeyed_at, predecessor_id', [deviceId])
    ).map((row) => row.id);
  }

  async formerUnits(deviceId: string): Promise<FormerUnit[]> {
    return rows<FormerUnit>(
      this.pool,
      'SELECT unit_id AS "unitId", unit_gso AS "unitGso", moved_at AS "movedAt" FROM device_former_units WHERE device_id = $1 ORDER BY moved_at, unit_id',
      [deviceId],
    );
  }

  async recordBlob(blob: BlobRecord): Promise<boolean> {
    // One statement: the blob row (once) and the unit of the device that delivered the bytes.
    const [row] = await rows<{ added: number }>(
      this.pool,
      `WITH blob AS (INSERT INTO blobs (sha256, size, stored_at, device_id) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING RETURNING 1),
            unit AS (INSERT INTO blob_units (sha256, unit_gso) SELECT $1, unit_gso FROM devices WHERE id = $4 ON CONFLICT DO NOTHING RETURNING 1)
       SELECT ((SELECT count(*) FROM blob) + (SELECT count(*) FROM unit))::int AS added`,
      [blob.sha256, blob.size, blob.storedAt, blob.deviceId],
    );
    return row!.added > 0;
  }

  async hasBlob(sha256: string, unitGso?: string): Promise<boolean> {
    return (await this.missingBlobs([sha256], unitGso)).length === 0;
  }

  async missingBlobs(sha256s: readonly string[], unitGso?: string): Promise<string[]> {
    const found =
      unitGso === undefined
        ? await rows<{ sha256: string }>(this.pool, 'SELECT sha256 FROM blobs WHERE sha256 = ANY($1::text[])', [sha256s])
        : await rows<{ sha256: string }>(this.pool, 'SELECT sha256 FROM blob_units WHERE unit_gso = $1 AND sha256 = ANY($2::text[])', [unitGso, sha256s]);
    const held = new Set(found.map((r) => r.sha256));
    return sha256s.filter((sha) => !held.has(sha));
  }

  async hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<RateLimitWindow> {
    // One statement: concurrent hits from several centres queue on the row's lock, and every SET
    // expression reads the row as it was (a window that ended restarts, else it counts one more).
    const [row] = await rows<RateLimitWindow>(
      this.pool,
      `INSERT INTO rate_limits (key, hits, ends_ms) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.ends_ms <= $3 THEN 1 ELSE rate_limits.hits + 1 END,
         ends_ms = CASE WHEN rate_limits.ends_ms <= $3 THEN excluded.ends_ms ELSE rate_limits.ends_ms END
       RETURNING hits, ends_ms AS "endsAtMs"`,
      [key, nowMs + windowMs, nowMs],
    );
    return row!;
  }

  async pruneRateLimits(nowMs: number): Promise<number> {
    return (await this.pool.query('DELETE FROM rate_limits WHERE ends_ms < $1', [nowMs])).rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
