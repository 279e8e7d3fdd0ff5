import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeviceProgress } from '../../shared/sync/protocol.js';
import { SqliteDashboardStore, SqliteDashboardTx } from '../dashboard/storage/sqlite-dashboard.js';
import { Mutex } from './mutex.js';
import { migrateSqlite } from './sqlite-schema.js';
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

// The embedded adapter: one writer connection (writes serialised by a mutex, as SQLite serialises
// them anyway) and one reader connection, which in WAL mode sees only committed transactions — so a
// pull never reads a row that a later rollback takes back.

type Db = Database.Database;

// Row shapes and mappers: ./row-mappers.ts (shared with the other adapter).

/** SQLite caps bound parameters per statement; look ids up in slices below it. */
const IN_CHUNK = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');

function readEpoch(db: Db): LogEpoch {
  const value = (name: string) => db.prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?').get(name)?.value ?? null;
  return { epoch: value('log_epoch') ?? 0, restoredThrough: value('restored_through') };
}

function openConnection(path: string, readonly: boolean): Db {
  const db = new Database(path, { readonly });
  db.pragma('busy_timeout = 10000');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // An answer "stored" to a desk must survive a power cut: the desk then forgets the event was unsent.
    db.pragma('synchronous = FULL');
  }
  return db;
}

class SqliteAppendTx implements AppendTx {
  constructor(
    private readonly db: Db,
    private readonly dashboard: SqliteDashboardTx,
  ) {}

  lockDossiers(ids: readonly string[]): Promise<void> {
    return this.dashboard.lockDossiers(ids);
  }

  eventBodiesOf(dossierIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.dashboard.eventBodiesOf(dossierIds);
  }

  replaceDashboardRows(...args: Parameters<SqliteDashboardTx['replaceDashboardRows']>): Promise<void> {
    return this.dashboard.replaceDashboardRows(...args);
  }

  async findEvents(ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const part of chunks(ids)) {
      const rows = this.db
        .prepare<string[], { id: string; content_hash: string }>(`SELECT id, content_hash FROM log WHERE id IN (${placeholders(part.length)})`)
        .all(...part);
      for (const row of rows) found.set(row.id, row.content_hash);
    }
    return found;
  }

  async findDeviceSeqs(deviceId: string, seqs: readonly number[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    for (const part of chunks(seqs)) {
      const rows = this.db
        .prepare<(string | number)[], { id: string; device_seq: number }>(
          `SELECT id, device_seq FROM log WHERE device_id = ? AND device_seq IN (${placeholders(part.length)})`,
        )
        .all(deviceId, ...part);
      for (const row of rows) found.set(row.device_seq, row.id);
    }
    return found;
  }

  async findDossiers(ids: readonly string[]): Promise<Map<string, DossierRecord>> {
    const found = new Map<string, DossierRecord>();
    for (const part of chunks(ids)) {
      const rows = this.db.prepare<string[], DossierRow>(`SELECT id, unit_gso, code FROM dossiers WHERE id IN (${placeholders(part.length)})`).all(...part);
      for (const row of rows) found.set(row.id, dossierOf(row));
    }
    return found;
  }

  async insertDossiers(rows: readonly DossierRecord[]): Promise<Set<string>> {
    const insert = this.db.prepare('INSERT INTO dossiers (id, unit_gso, code) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING');
    const inserted = new Set<string>();
    for (const row of rows) if (insert.run(row.id, row.unitGso, row.code).changes === 1) inserted.add(row.id);
    return inserted;
  }

  async setDossierCode(id: string, code: string): Promise<void> {
    this.db.prepare('UPDATE dossiers SET code = ? WHERE id = ?').run(code, id);
  }

  async dossierHoldingCode(unitGso: string, code: string): Promise<string | null> {
    return this.db.prepare<[string, string], { id: string }>('SELECT id FROM dossiers WHERE unit_gso = ? AND code = ?').get(unitGso, code)?.id ?? null;
  }

  async unitAgency(unitId: string): Promise<string | null> {
    return this.db.prepare<[string], { agency_id: string }>('SELECT agency_id FROM unit_agency_ids WHERE unit_id = ?').get(unitId)?.agency_id ?? null;
  }

  async claimUnitAgency(unitId: string, agencyId: string): Promise<boolean> {
    this.db.prepare('INSERT INTO unit_agency_ids (unit_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(unitId, agencyId);
    return (await this.unitAgency(unitId)) === agencyId;
  }

  async moveDevice(move: DeviceMove): Promise<boolean> {
    const moved = this.db
      .prepare('UPDATE devices SET unit_id = ?, unit_gso = ? WHERE id = ? AND unit_id = ? AND revoked_at IS NULL')
      .run(move.to.unitId, move.to.unitGso, move.deviceId, move.from.unitId).changes;
    if (moved !== 1) return false;
    this.db
      .prepare('INSERT INTO device_former_units (device_id, unit_id, unit_gso, moved_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(move.deviceId, move.from.unitId, move.from.unitGso, move.movedAt);
    return true;
  }

  async insertLog(rows: readonly LogInsert[]): Promise<Set<string>> {
    const insert = this.db.prepare(
      `INSERT INTO log (id, kind, scope, dossier_id, device_id, device_seq, content_hash, body, recorded_at)
       VALUES (@id, @kind, @scope, @dossierId, @deviceId, @deviceSeq, @contentHash, @body, @recordedAt)
       ON CONFLICT DO NOTHING`,
    );
    const inserted = new Set<string>();
    for (const row of rows) if (insert.run(row).changes === 1) inserted.add(row.id);
    return inserted;
  }

  async readDeviceCounters(deviceId: string): Promise<DeviceCounters | null> {
    const row = this.db
      .prepare<[string], { highest_seq: number; contiguous_through: number; received: number }>(
        'SELECT highest_seq, contiguous_through, received FROM device_counters WHERE device_id = ?',
      )
      .get(deviceId);
    return row ? { highestSeq: row.highest_seq, contiguousThrough: row.contiguous_through, received: row.received } : null;
  }

  async deviceSeqsAbove(deviceId: string, after: number, limit: number): Promise<number[]> {
    return seqsAbove(this.db, deviceId, after, limit);
  }

  async writeDeviceCounters(deviceId: string, c: DeviceCounters): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO device_counters (device_id, highest_seq, contiguous_through, received) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET highest_seq = excluded.highest_seq,
           contiguous_through = excluded.contiguous_through, received = excluded.received`,
      )
      .run(deviceId, c.highestSeq, c.contiguousThrough, c.received);
  }

  async lockCentreClock(): Promise<CentreClockState> {
    // The writer already holds SQLite's write lock (BEGIN IMMEDIATE): reading is locking.
    const row = this.db.prepare<[], { last_seq: number; last_hlc: string | null }>('SELECT last_seq, last_hlc FROM centre_clock WHERE id = 1').get()!;
    return { lastSeq: row.last_seq, lastHlc: row.last_hlc };
  }

  async writeCentreClock(state: CentreClockState): Promise<void> {
    this.db.prepare('UPDATE centre_clock SET last_seq = ?, last_hlc = ? WHERE id = 1').run(state.lastSeq, state.lastHlc);
  }

  async takeSequence(rows: readonly SequencedRow[]): Promise<number> {
    const { value } = this.db
      .prepare<[number], { value: number }>("UPDATE counters SET value = value + ? WHERE name = 'log' RETURNING value")
      .get(rows.length)!;
    const first = value - rows.length + 1;
    const insert = this.db.prepare('INSERT INTO log_order (seq, log_id, scope, device_id) VALUES (?, ?, ?, ?)');
    rows.forEach((row, i) => insert.run(first + i, row.id, row.scope, row.deviceId));
    return first;
  }
}

function seqsAbove(db: Db, deviceId: string, after: number, limit: number): number[] {
  return db
    .prepare<[string, number, number], { device_seq: number }>(
      'SELECT device_seq FROM log WHERE device_id = ? AND device_seq > ? ORDER BY device_seq LIMIT ?',
    )
    .all(deviceId, after, limit)
    .map((row) => row.device_seq);
}

export class SqliteStorage implements CentreStorage {
  readonly kind = 'sqlite' as const;
  private readonly writer: Db;
  private readonly reader: Db;
  private readonly lock = new Mutex();
  readonly dashboard: SqliteDashboardStore;
  private readonly dashboardTx: SqliteDashboardTx;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.writer = openConnection(path, false);
    migrateSqlite(this.writer);
    this.reader = openConnection(path, true);
    this.dashboard = new SqliteDashboardStore(this.reader, this.writer, (fn) => this.write(() => fn()));
    this.dashboardTx = new SqliteDashboardTx(this.writer);
  }

  private write<T>(fn: (db: Db) => T): Promise<T> {
    return this.lock.run(() => fn(this.writer));
  }

  transaction<T>(fn: (tx: AppendTx) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteAppendTx(this.writer, this.dashboardTx));
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async pull(scopes: readonly string[], after: number, limit: number, excludeDeviceId: string | null): Promise<PulledRow[]> {
    // One index range per scope, merged: a unit's rows are found without scanning the whole city's log.
    const perScope = scopes.map(
      () => `SELECT * FROM (SELECT seq, log_id FROM log_order WHERE scope = ? AND seq > ? AND (? IS NULL OR device_id IS NOT ?) ORDER BY seq LIMIT ?)`,
    );
    const params = scopes.flatMap((scope) => [scope, after, excludeDeviceId, excludeDeviceId, limit]);
    return this.reader
      .prepare<(string | number | null)[], PulledRow>(
        `SELECT o.seq AS seq, l.kind AS kind, l.body AS body FROM (${perScope.join(' UNION ALL ')}) o JOIN log l ON l.id = o.log_id ORDER BY o.seq LIMIT ?`,
      )
      .all(...params, limit);
  }

  async dossierEventBodies(dossierId: string): Promise<string[]> {
    return this.reader
      .prepare<[string], { body: string }>("SELECT body FROM log WHERE dossier_id = ? AND kind = 'event'")
      .all(dossierId)
      .map((row) => row.body);
  }

  async dossier(id: string): Promise<DossierRecord | null> {
    const row = this.reader.prepare<[string], DossierRow>('SELECT id, unit_gso, code FROM dossiers WHERE id = ?').get(id);
    return row ? dossierOf(row) : null;
  }

  async dossierByCode(code: string): Promise<DossierRecord | null> {
    const row = this.reader.prepare<[string], DossierRow>('SELECT id, unit_gso, code FROM dossiers WHERE code = ?').get(code);
    return row ? dossierOf(row) : null;
  }

  async deviceProgress(deviceId: string): Promise<DeviceProgress> {
    const row = this.reader
      .prepare<[string], { highest_seq: number; contiguous_through: number; received: number }>(
        'SELECT highest_seq, contiguous_through, received FROM device_counters WHERE device_id = ?',
      )
      .get(deviceId);
    if (!row) return { deviceId, highestSeq: 0, contiguousThrough: 0, missing: 0 };
    return { deviceId, highestSeq: row.highest_seq, contiguousThrough: row.contiguous_through, missing: row.highest_seq - row.received };
  }

  async logEpoch(): Promise<LogEpoch> {
    return this.write((db) =>
      db.transaction(() => {
        db.prepare("INSERT INTO counters (name, value) VALUES ('log_epoch', ?) ON CONFLICT (name) DO NOTHING").run(newLogEpoch());
        return readEpoch(db);
      })(),
    );
  }

  async markRestored(): Promise<LogEpoch> {
    return this.write((db) =>
      db.transaction(() => {
        const top = db.prepare<[], { top: number | null }>('SELECT max(seq) AS top FROM log_order').get()!.top ?? 0;
        const set = db.prepare('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
        set.run('log_epoch', newLogEpoch());
        set.run('restored_through', top);
        return readEpoch(db);
      })(),
    );
  }

  async deviceSeqsAbove(deviceId: string, after: number, limit: number): Promise<number[]> {
    return seqsAbove(this.reader, deviceId, after, limit);
  }

  insertStaff(staff: StaffRecord): Promise<void> {
    return this.write((db) => {
      db.prepare('INSERT INTO staff (id, username, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
        staff.id,
        staff.username,
        staff.role,
        staff.passwordHash,
        staff.createdAt,
      );
    });
  }

  async staffByUsername(username: string): Promise<StaffRecord | null> {
    const row = this.reader.prepare<[string], StaffRow>('SELECT * FROM staff WHERE username = ?').get(username);
    return row ? staffOf(row) : null;
  }

  async staffById(id: string): Promise<StaffRecord | null> {
    const row = this.reader.prepare<[string], StaffRow>('SELECT * FROM staff WHERE id = ?').get(id);
    return row ? staffOf(row) : null;
  }

  async countStaff(): Promise<number> {
    return this.reader.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff').get()!.n;
  }

  insertStaffSession(tokenHash: string, staffId: string, expiresAt: string): Promise<void> {
    return this.write((db) => {
      db.prepare('DELETE FROM staff_sessions WHERE expires_at < ?').run(new Date().toISOString());
      db.prepare('INSERT INTO staff_sessions (token_hash, staff_id, expires_at) VALUES (?, ?, ?)').run(tokenHash, staffId, expiresAt);
    });
  }

  async staffSession(tokenHash: string, nowIso: string): Promise<string | null> {
    const row = this.reader
      .prepare<[string, string], { staff_id: string }>('SELECT staff_id FROM staff_sessions WHERE token_hash = ? AND expires_at > ?')
      .get(tokenHash, nowIso);
    return row?.staff_id ?? null;
  }

  deleteStaffSession(tokenHash: string): Promise<void> {
    return this.write((db) => {
      db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash);
    });
  }

  insertEnrollmentCode(code: EnrollmentCodeRecord): Promise<void> {
    return this.write((db) => {
      db.prepare(
        'INSERT INTO enrollment_codes (code_hash, unit_gso, station, expires_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(code.codeHash, code.unitGso, code.station, code.expiresAt, code.createdAt, code.createdBy);
    });
  }

  consumeEnrollmentCode(codeHash: string, nowIso: string, deviceId: string): Promise<EnrollmentCodeRecord | null> {
    return this.write((db) => {
      const row = db
        .prepare<[string, string, string, string], CodeRow>(
          `UPDATE enrollment_codes SET used_at = ?, used_by = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
           RETURNING code_hash, unit_gso, station, expires_at, created_at, created_by, used_at`,
        )
        .get(nowIso, deviceId, codeHash, nowIso);
      return row ? codeOf(row) : null;
    });
  }

  async enrollmentCode(codeHash: string): Promise<(EnrollmentCodeRecord & { usedAt: string | null }) | null> {
    const row = this.reader
      .prepare<[string], CodeRow>('SELECT code_hash, unit_gso, station, expires_at, created_at, created_by, used_at FROM enrollment_codes WHERE code_hash = ?')
      .get(codeHash);
    return row ? codeOf(row) : null;
  }

  upsertDevice(device: DeviceRecord, tokenHash: string): Promise<void> {
    return this.write((db) => {
      db.prepare(
        `INSERT INTO devices (id, name, unit_id, unit_gso, station, token_hash, enrolled_at, revoked_at, token_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id, station = excluded.station, token_hash = excluded.token_hash,
           enrolled_at = excluded.enrolled_at, revoked_at = NULL, token_used_at = NULL`,
      ).run(device.id, device.name, device.unitId, device.unitGso, device.station, tokenHash, device.enrolledAt);
    });
  }

  reissueEnrollment(retry: EnrollmentRetry): Promise<EnrollmentCodeRecord | null> {
    return this.write((db) =>
      db.transaction(() => {
        const code = db
          .prepare<[string, string, string], CodeRow>(
            `SELECT code_hash, unit_gso, station, expires_at, created_at, created_by, used_at FROM enrollment_codes
             WHERE code_hash = ? AND used_by = ? AND expires_at > ?`,
          )
          .get(retry.codeHash, retry.deviceId, retry.nowIso);
        if (code === undefined) return null;
        const rebound = db
          .prepare(
            `UPDATE devices SET token_hash = ?, name = ?, enrolled_at = ?
             WHERE id = ? AND unit_gso = ? AND station = ? AND revoked_at IS NULL AND token_used_at IS NULL`,
          )
          .run(retry.tokenHash, retry.deviceName, retry.nowIso, retry.deviceId, code.unit_gso, code.station).changes;
        return rebound === 1 ? codeOf(code) : null;
      })(),
    );
  }

  noteTokenUsed(tokenHash: string, nowIso: string): Promise<void> {
    return this.write((db) => {
      db.prepare('UPDATE devices SET token_used_at = ? WHERE token_hash = ? AND token_used_at IS NULL').run(nowIso, tokenHash);
    });
  }

  async device(id: string): Promise<DeviceRecord | null> {
    const row = this.reader.prepare<[string], DeviceRow>('SELECT id, name, unit_id, unit_gso, station, enrolled_at, revoked_at FROM devices WHERE id = ?').get(id);
    return row ? deviceOf(row) : null;
  }

  async deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    const row = this.reader
      .prepare<[string], DeviceRow>('SELECT id, name, unit_id, unit_gso, station, enrolled_at, revoked_at FROM devices WHERE token_hash = ?')
      .get(tokenHash);
    return row ? deviceOf(row) : null;
  }

  revokeDevice(id: string, nowIso: string): Promise<boolean> {
    return this.write((db) => {
      db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(nowIso, id);
      return db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM devices WHERE id = ?').get(id)!.n === 1;
    });
  }

  async listDevices(): Promise<DeviceRecord[]> {
    return this.reader
      .prepare<[], DeviceRow>('SELECT id, name, unit_id, unit_gso, station, enrolled_at, revoked_at FROM devices ORDER BY unit_gso, station, enrolled_at')
      .all()
      .map(deviceOf);
  }

  rekeyDevice(rekey: DeviceRekey): Promise<'rekeyed' | 'already' | 'refused'> {
    return this.write((db) =>
      db.transaction(() => {
        const held = db.prepare<[string], { id: string }>('SELECT id FROM devices WHERE token_hash = ? AND revoked_at IS NULL').get(rekey.tokenHash);
        if (held?.id === rekey.newId) {
          const known = db.prepare('SELECT 1 FROM device_predecessors WHERE device_id = ? AND predecessor_id = ?').get(rekey.newId, rekey.formerId);
          return known === undefined ? 'refused' : 'already';
        }
        if (held?.id !== rekey.formerId || db.prepare('SELECT 1 FROM devices WHERE id = ?').get(rekey.newId) !== undefined) return 'refused';
        // The retired row keeps its history but no token: a hash is hex, so this never matches one.
        db.prepare("UPDATE devices SET token_hash = 'retired:' || id, revoked_at = ? WHERE id = ?").run(rekey.nowIso, rekey.formerId);
        db.prepare(
          `INSERT INTO devices (id, name, unit_id, unit_gso, station, token_hash, enrolled_at, revoked_at, token_used_at)
           SELECT ?, name, unit_id, unit_gso, station, ?, ?, NULL, ? FROM devices WHERE id = ?`,
        ).run(rekey.newId, rekey.tokenHash, rekey.nowIso, rekey.nowIso, rekey.formerId);
        db.prepare(
          `INSERT INTO device_predecessors (device_id, predecessor_id, rekeyed_at)
           SELECT ?, predecessor_id, rekeyed_at FROM device_predecessors WHERE device_id = ? UNION ALL SELECT ?, ?, ?`,
        ).run(rekey.newId, rekey.formerId, rekey.newId, rekey.formerId, rekey.nowIso);
        db.prepare('INSERT INTO device_former_units (device_id, unit_id, unit_gso, moved_at) SELECT ?, unit_id, unit_gso, moved_at FROM device_former_units WHERE device_id = ?').run(
          rekey.newId,
          rekey.formerId,
        );
        return 'rekeyed';
      })(),
    );
  }

  async predecessors(deviceId: string): Promise<string[]> {
    return this.reader
      .prepare<[string], { id: string }>('SELECT predecessor_id AS id FROM device_predecessors WHERE device_id = ? ORDER BY rekeyed_at, predecessor_id')
      .all(deviceId)
      .map((row) => row.id);
  }

  async formerUnits(deviceId: string): Promise<FormerUnit[]> {
    return this.reader
      .prepare<[string], FormerUnit>(
        'SELECT unit_id AS unitId, unit_gso AS unitGso, moved_at AS movedAt FROM device_former_units WHERE device_id = ? ORDER BY moved_at, unit_id',
      )
      .all(deviceId);
  }

  recordBlob(blob: BlobRecord): Promise<boolean> {
    return this.write((db) =>
      db.transaction(() => {
        const newBlob = db
          .prepare('INSERT INTO blobs (sha256, size, stored_at, device_id) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING')
          .run(blob.sha256, blob.size, blob.storedAt, blob.deviceId).changes;
        const newToUnit = db
          .prepare('INSERT INTO blob_units (sha256, unit_gso) SELECT ?, unit_gso FROM devices WHERE id = ? ON CONFLICT DO NOTHING')
          .run(blob.sha256, blob.deviceId).changes;
        return newBlob + newToUnit > 0;
      })(),
    );
  }

  async hasBlob(sha256: string, unitGso?: string): Promise<boolean> {
    return (await this.missingBlobs([sha256], unitGso)).length === 0;
  }

  async missingBlobs(sha256s: readonly string[], unitGso?: string): Promise<string[]> {
    const held = new Set<string>();
    for (const part of chunks(sha256s)) {
      const rows =
        unitGso === undefined
          ? this.reader.prepare<string[], { sha256: string }>(`SELECT sha256 FROM blobs WHERE sha256 IN (${placeholders(part.length)})`).all(...part)
          : this.reader
              .prepare<string[], { sha256: string }>(`SELECT sha256 FROM blob_units WHERE unit_gso = ? AND sha256 IN (${placeholders(part.length)})`)
              .all(unitGso, ...part);
      for (const row of rows) {
        held.add(row.sha256);
      }
    }
    return sha256s.filter((sha) => !held.has(sha));
  }

  hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<RateLimitWindow> {
    // Every SET expression reads the row as it was: a window that ended restarts, else it counts one more.
    return this.write(
      (db) =>
        db
          .prepare<[{ key: string; endsMs: number; nowMs: number }], RateLimitWindow>(
            `INSERT INTO rate_limits (key, hits, ends_ms) VALUES (@key, 1, @endsMs)
             ON CONFLICT (key) DO UPDATE SET
               hits = CASE WHEN rate_limits.ends_ms <= @nowMs THEN 1 ELSE rate_limits.hits + 1 END,
               ends_ms = CASE WHEN rate_limits.ends_ms <= @nowMs THEN excluded.ends_ms ELSE rate_limits.ends_ms END
             RETURNING hits, ends_ms AS endsAtMs`,
          )
          .get({ key, endsMs: nowMs + windowMs, nowMs })!,
    );
  }

  pruneRateLimits(nowMs: number): Promise<number> {
    return this.write((db) => db.prepare('DELETE FROM rate_limits WHERE ends_ms < ?').run(nowMs).changes);
  }

  async close(): Promise<void> {
    await this.lock.run(() => undefined);
    this.reader.close();
    this.writer.close();
  }
}
