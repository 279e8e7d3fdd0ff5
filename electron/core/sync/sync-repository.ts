import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { codeIssuedBy } from '../../../shared/domain/dossier/issued-code.js';
import { RETRYABLE_REJECTION_CODES, type PushRejection } from '../../../shared/sync/protocol.js';
import type { DeskDatabase } from '../db/open-database.js';
import { CodeConflictRepository, codeTakenReason } from '../dossiers/code-conflict-repository.js';
import { eventFromRow } from '../dossiers/event-log-repository.js';

// The desk's side of sync, in SQL: the enrollment (its token lives in the secrets store, never here), the small sync facts (cursor, last success, last
// error, clock skew), which local events wait to go and which the centre refused.

export interface Enrollment {
  centreUrl: string;
  deviceId: string;
  deviceName: string;
  unitGsoCode: string;
  station: number;
  enrolledAt: string;
  revokedAt: string | null;
}

export type SyncStateKey = 'pull.cursor' | 'last.success' | 'last.error' | 'clock.skewMs' | 'calendar.refused' | 'units.refused' | 'centre.logEpoch';

const UNIT_REFUSALS_KEPT = 5;

export type DossierSyncState = 'synced' | 'pending' | 'rejected';

interface EventRow {
  id: string;
  dossier_id: string;
  type: string;
  payload: string;
  officer_id: string;
  device_id: string;
  device_seq: number;
  hlc: string;
  occurred_at: string;
}

/** A push batch: the events' JSON text, built from the stored payload text without re-parsing it. */
export interface PushBatch {
  ids: string[];
  /** A JSON array of events, ready to send. */
  json: string;
  /** The local sequence of the last event in the batch (the next batch starts after it). */
  lastSeq: number;
}

export class SyncRepository {
  private readonly waitingStmt;
  private readonly batchStmt;
  private readonly waitingCountStmt;
  private readonly rejectedCountStmt;
  private readonly markPushedStmt;
  private readonly markRejectedStmt;
  private readonly eventRowStmt;
  private readonly reissuedStmt;
  private readonly conflicts: CodeConflictRepository;
  private readonly getStateStmt;
  private readonly putStateStmt;

  constructor(private readonly db: DeskDatabase) {
    this.waitingStmt = db.prepare<[number], EventRow>(
      `SELECT id, dossier_id, type, payload, officer_id, device_id, device_seq, hlc, occurred_at FROM events
       WHERE origin = 'local' AND pushed_at IS NULL AND push_rejection IS NULL ORDER BY seq LIMIT ?`,
    );
    this.batchStmt = db.prepare<[number, number], EventRow & { seq: number }>(
      `SELECT seq, id, dossier_id, type, payload, officer_id, device_id, device_seq, hlc, occurred_at FROM events
       WHERE origin = 'local' AND pushed_at IS NULL AND push_rejection IS NULL AND seq > ? ORDER BY seq LIMIT ?`,
    );
    // Each count reads one partial index, never the whole log.
    this.waitingCountStmt = db.prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM events WHERE origin = 'local' AND pushed_at IS NULL AND push_rejection IS NULL",
    );
    this.rejectedCountStmt = db.prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM events WHERE origin = 'local' AND pushed_at IS NULL AND push_rejection IS NOT NULL",
    );
    this.markPushedStmt = db.prepare<[string, string]>("UPDATE events SET pushed_at = ? WHERE id = ? AND origin = 'local'");
    this.markRejectedStmt = db.prepare<[string, string]>("UPDATE events SET push_rejection = ? WHERE id = ? AND origin = 'local'");
    this.eventRowStmt = db.prepare<[string], EventRow>(
      'SELECT id, dossier_id, type, payload, officer_id, device_id, device_seq, hlc, occurred_at FROM events WHERE id = ?',
    );
    this.reissuedStmt = db.prepare<[number], EventRow & { seq: number }>(
      `SELECT seq, id, dossier_id, type, payload, officer_id, device_id, device_seq, hlc, occurred_at FROM events
       WHERE origin = 'local' AND pushed_at IS NULL AND push_rejection IS NULL AND dossier_id IN (
         SELECT dossier_id FROM events WHERE origin = 'local' AND pushed_at IS NULL AND push_rejection IS NULL AND type = 'code.reissued')
       ORDER BY seq LIMIT ?`,
    );
    this.conflicts = new CodeConflictRepository(db);
    this.getStateStmt = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
    this.putStateStmt = db.prepare<[string, string]>(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  enrollment(): Enrollment | null {
    const row = this.db
      .prepare<
        [],
        {
          centre_url: string;
          device_id: string;
          device_name: string;
          unit_gso: string;
          station: number;
          enrolled_at: string;
          revoked_at: string | null;
        }
      >('SELECT centre_url, device_id, device_name, unit_gso, station, enrolled_at, revoked_at FROM sync_enrollment WHERE id = 1')
      .get();
    if (!row) return null;
    return {
      centreUrl: row.centre_url,
      deviceId: row.device_id,
      deviceName: row.device_name,
      unitGsoCode: row.unit_gso,
      station: row.station,
      enrolledAt: row.enrolled_at,
      revokedAt: row.revoked_at,
    };
  }

  /** Saves a (new) enrollment; a different centre starts its pull from the beginning. */
  saveEnrollment(e: Enrollment): void {
    this.db.transaction(() => {
      const previous = this.enrollment();
      this.db
        .prepare(
          `INSERT INTO sync_enrollment (id, centre_url, device_id, device_name, token, unit_gso, station, enrolled_at, revoked_at)
           VALUES (1, ?, ?, ?, NULL, ?, ?, ?, NULL)
           ON CONFLICT (id) DO UPDATE SET centre_url = excluded.centre_url, device_id = excluded.device_id,
             device_name = excluded.device_name, token = NULL, unit_gso = excluded.unit_gso,
             station = excluded.station, enrolled_at = excluded.enrolled_at, revoked_at = NULL`,
        )
        .run(e.centreUrl, e.deviceId, e.deviceName, e.unitGsoCode, e.station, e.enrolledAt);
      if (previous !== null && previous.centreUrl !== e.centreUrl) this.db.prepare("DELETE FROM sync_state WHERE key = 'pull.cursor'").run();
    })();
  }

  /**
   * Forgets the enrollment and where the pull had reached (the next centre may be another). The events'
   * sent marks stay: what reached the centre did, and what did not still waits.
   */
  forgetEnrollment(): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sync_enrollment WHERE id = 1').run();
      this.db.prepare("DELETE FROM sync_state WHERE key IN ('pull.cursor', 'last.error')").run();
    })();
  }

  /** A token stored by a desk from before the secrets store (schema < 100), still to be moved out. */
  legacyToken(): string | null {
    return this.db.prepare<[], { token: string }>('SELECT token FROM sync_enrollment WHERE id = 1 AND token IS NOT NULL').get()?.token ?? null;
  }

  /**
   * Forgets the legacy token once the secrets store holds it. secure_delete (set on every connection)
   * zeroes the old bytes in the page; the checkpoint copies that page into the file and empties the
   * WAL, whose older frames would otherwise still hold the token.
   */
  clearLegacyToken(): void {
    this.db.prepare('UPDATE sync_enrollment SET token = NULL WHERE id = 1').run();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  markRevoked(atIso: string): void {
    this.db.prepare('UPDATE sync_enrollment SET revoked_at = ? WHERE id = 1 AND revoked_at IS NULL').run(atIso);
  }

  state(key: SyncStateKey): string | null {
    return this.getStateStmt.get(key)?.value ?? null;
  }

  setState(key: SyncStateKey, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
    else this.putStateStmt.run(key, value);
  }

  /** Why each calendar year the centre sent was not applied (year → Vietnamese reason); empty when none was refused. */
  refusedCalendarYears(): Record<string, string> {
    const text = this.state('calendar.refused');
    return text === null ? {} : (JSON.parse(text) as Record<string, string>);
  }

  /** Records (or, with null, forgets) why a pulled calendar year was not applied. */
  setCalendarYearRefusal(year: number, reason: string | null): void {
    const refused = this.refusedCalendarYears();
    if (reason === null) delete refused[String(year)];
    else refused[String(year)] = reason;
    this.setState('calendar.refused', Object.keys(refused).length === 0 ? null : JSON.stringify(refused));
  }

  /** The last unit changes the centre sent that this desk did not apply, newest last; empty when none. */
  refusedUnitChanges(): string[] {
    const text = this.state('units.refused');
    return text === null ? [] : (JSON.parse(text) as string[]);
  }

  /** Records why a pulled unit change was not applied (the last few kept: the reasons are for the status line). */
  noteUnitChangeRefusal(reason: string, atIso: string): void {
    const kept = [...this.refusedUnitChanges(), `${atIso.slice(0, 10)}: ${reason}`].slice(-UNIT_REFUSALS_KEPT);
    this.setState('units.refused', JSON.stringify(kept));
  }

  /** The oldest local events not yet stored at the centre (refused ones excluded), in local order. */
  waitingEvents(limit: number): DossierEvent[] {
    return this.waitingStmt.all(limit).map(eventFromRow);
  }

  /** The next waiting events after local sequence `afterSeq`, as JSON text for the push body. */
  waitingBatch(afterSeq: number, limit: number): PushBatch | null {
    return this.toBatch(this.batchStmt.all(afterSeq, limit));
  }

  private toBatch(rows: (EventRow & { seq: number })[]): PushBatch | null {
    if (rows.length === 0) return null;
    const text = JSON.stringify;
    const json = rows
      .map(
        (r) =>
          `{"id":${text(r.id)},"dossierId":${text(r.dossier_id)},"type":${text(r.type)},"payload":${r.payload},"officerId":${text(r.officer_id)},` +
          `"deviceId":${text(r.device_id)},"deviceSeq":${r.device_seq},"hlc":${text(r.hlc)},"occurredAt":${text(r.occurred_at)}}`,
      )
      .join(',');
    return { ids: rows.map((r) => r.id), json: `[${json}]`, lastSeq: rows.at(-1)!.seq };
  }

  /**
   * Records the centre's answer to one push, in one transaction. A retryable refusal leaves the event
   * waiting (returned: how many); a reception refused for a code another dossier holds sets its
   * dossier aside for the supervisor (code-conflict-repository.ts).
   */
  recordPushOutcome(storedOrDuplicate: readonly string[], rejected: readonly PushRejection[], atIso: string): number {
    let retryable = 0;
    this.db.transaction(() => {
      for (const id of storedOrDuplicate) this.markPushedStmt.run(atIso, id);
      for (const r of rejected) {
        if (RETRYABLE_REJECTION_CODES.includes(r.code)) {
          retryable += 1;
          continue;
        }
        this.markRejectedStmt.run(JSON.stringify({ code: r.code, message: r.message }), r.id);
        if (r.code === 'code_taken') this.setAsideRefused(r.id, atIso);
      }
    })();
    return retryable;
  }

  private setAsideRefused(eventId: string, atIso: string): void {
    const row = this.eventRowStmt.get(eventId);
    if (row === undefined) return;
    const code = codeIssuedBy(eventFromRow(row));
    if (code !== null) this.conflicts.setAside(row.dossier_id, code, codeTakenReason(code), atIso);
  }

  /**
   * Every waiting event of the dossiers whose code was reissued, in local order, as one push: the
   * reception the centre refused for its taken code goes again with the reissue, so the centre sees
   * the code the dossier ends with (at most `limit` events).
   */
  reissuedBatch(limit: number): PushBatch | null {
    return this.toBatch(this.reissuedStmt.all(limit));
  }

  /**
   * Events this desk believed stored that the centre says it lacks (a centre restored from a backup):
   * every counter of `deviceId` above `highestSeq` or inside one of `missingRanges`. They wait to be
   * pushed again; the centre stores each once. Returns how many.
   */
  unmarkLost(deviceId: string, highestSeq: number, missingRanges: readonly (readonly [number, number])[]): number {
    const unmark = this.db.prepare<[string, number, number]>(
      `UPDATE events SET pushed_at = NULL WHERE origin = 'local' AND pushed_at IS NOT NULL AND push_rejection IS NULL
       AND device_id = ? AND device_seq BETWEEN ? AND ?`,
    );
    return this.db.transaction(() => {
      let count = unmark.run(deviceId, highestSeq + 1, Number.MAX_SAFE_INTEGER).changes;
      for (const [from, to] of missingRanges) count += unmark.run(deviceId, from, to).changes;
      return count;
    })();
  }

  counts(): { waitingEvents: number; rejectedEvents: number } {
    return { waitingEvents: this.waitingCountStmt.get()!.n, rejectedEvents: this.rejectedCountStmt.get()!.n };
  }

  /** Per dossier: every local event stored at the centre ('synced'), some waiting, or some refused. */
  dossierStates(dossierIds: readonly string[]): Map<string, { state: DossierSyncState; waitingEvents: number }> {
    const result = new Map<string, { state: DossierSyncState; waitingEvents: number }>();
    for (const id of dossierIds) result.set(id, { state: 'synced', waitingEvents: 0 });
    if (dossierIds.length === 0) return result;
    const rows = this.db
      .prepare<string[], { dossier_id: string; waiting: number; rejected: number }>(
        `SELECT dossier_id, sum(push_rejection IS NULL) AS waiting, sum(push_rejection IS NOT NULL) AS rejected FROM events
         WHERE origin = 'local' AND pushed_at IS NULL AND dossier_id IN (${dossierIds.map(() => '?').join(',')}) GROUP BY dossier_id`,
      )
      .all(...dossierIds);
    for (const row of rows) {
      result.set(row.dossier_id, { state: row.rejected > 0 ? 'rejected' : 'pending', waitingEvents: row.waiting });
    }
    return result;
  }
}
