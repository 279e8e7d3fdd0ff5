import { MAX_ADOPTED_AHEAD_MS, withinClockBound } from '../../../shared/domain/clock/clock-bound.js';
import { formatHlc, isHlcString, parseHlc, tick, type Hlc } from '../../../shared/domain/clock/hlc.js';
import type { DeskDatabase } from '../db/open-database.js';

const WALL_DIGITS = 15;

/**
 * This desk's per-device event counter and hybrid logical clock, persisted with each event.
 *
 * A stored clock this desk cannot use — unreadable (a 16-digit stamp left by an overflow), or far
 * ahead of this machine's clock (adopted from a forged stamp, or kept from days when the machine's
 * date was wrong) — is healed: it restarts from the greatest usable stamp the desk's log holds, so
 * new events still sort after everything sane and the desk keeps working instead of failing every
 * write from then on.
 */
export class DeviceClockRepository {
  private readonly getStmt;
  private readonly putStmt;
  private readonly greatestBelowStmt;

  constructor(db: DeskDatabase) {
    this.getStmt = db.prepare<[string], { last_seq: number; last_hlc: string }>('SELECT last_seq, last_hlc FROM device_clock WHERE device_id = ?');
    this.putStmt = db.prepare<[string, number, string]>(
      `INSERT INTO device_clock (device_id, last_seq, last_hlc) VALUES (?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET last_seq = excluded.last_seq, last_hlc = excluded.last_hlc`,
    );
    // Stamps are fixed-width, so text order is clock order; only read when healing (a whole-log scan).
    this.greatestBelowStmt = db.prepare<[string], { hlc: string | null }>('SELECT max(hlc) AS hlc FROM events WHERE hlc < ?');
  }

  /** The next contiguous counter and a stamp above every stamp issued before; call inside the event's transaction. */
  next(deviceId: string, nowMs: number): { deviceSeq: number; hlc: string } {
    const row = this.getStmt.get(deviceId);
    const stamp = tick(row === undefined ? null : this.usableOrHealed(row.last_hlc, deviceId, nowMs), nowMs, deviceId);
    const deviceSeq = (row?.last_seq ?? 0) + 1;
    const hlc = formatHlc(stamp);
    this.putStmt.run(deviceId, deviceSeq, hlc);
    return { deviceSeq, hlc };
  }

  /** The stored clock if usable, else the healed one; null before the desk's first stamp. */
  current(deviceId: string, nowMs: number): Hlc | null {
    const row = this.getStmt.get(deviceId);
    return row === undefined ? null : this.usableOrHealed(row.last_hlc, deviceId, nowMs);
  }

  /** At start: replaces a stored clock the desk cannot use (see the class comment). True if it did. */
  heal(deviceId: string, nowMs: number): boolean {
    const row = this.getStmt.get(deviceId);
    if (row === undefined || usableStamp(row.last_hlc, nowMs) !== null) return false;
    this.putStmt.run(deviceId, row.last_seq, formatHlc(this.healed(deviceId, nowMs)));
    return true;
  }

  private usableOrHealed(stored: string, deviceId: string, nowMs: number): Hlc {
    return usableStamp(stored, nowMs) ?? this.healed(deviceId, nowMs);
  }

  private healed(deviceId: string, nowMs: number): Hlc {
    const now = Number.isFinite(nowMs) ? Math.max(0, Math.floor(nowMs)) : 0;
    const limit = Math.min(10 ** WALL_DIGITS - 1, now + MAX_ADOPTED_AHEAD_MS + 1);
    const greatest = this.greatestBelowStmt.get(String(limit).padStart(WALL_DIGITS, '0'))?.hlc ?? null;
    const base = greatest === null ? null : { ...parseHlc(greatest), node: deviceId };
    return tick(base, nowMs, deviceId);
  }
}

function usableStamp(text: string, nowMs: number): Hlc | null {
  if (!isHlcString(text)) return null;
  const stamp = parseHlc(text);
  return withinClockBound(stamp.wallMs, nowMs, MAX_ADOPTED_AHEAD_MS) ? stamp : null;
}
