import { formatHlc, parseHlc, tick } from '../../../shared/domain/clock/hlc.js';
import type { DeskDatabase } from '../db/open-database.js';

/** This desk's per-device event counter and hybrid logical clock, persisted with each event. */
export class DeviceClockRepository {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: DeskDatabase) {
    this.getStmt = db.prepare<[string], { last_seq: number; last_hlc: string }>('SELECT last_seq, last_hlc FROM device_clock WHERE device_id = ?');
    this.putStmt = db.prepare<[string, number, string]>(
      `INSERT INTO device_clock (device_id, last_seq, last_hlc) VALUES (?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET last_seq = excluded.last_seq, last_hlc = excluded.last_hlc`,
    );
  }

  /** The next contiguous counter and a stamp above every stamp issued before; call inside the event's transaction. */
  next(deviceId: string, nowMs: number): { deviceSeq: number; hlc: string } {
    const row = this.getStmt.get(deviceId);
    const stamp = tick(row ? parseHlc(row.last_hlc) : null, nowMs, deviceId);
    const deviceSeq = (row?.last_seq ?? 0) + 1;
    const hlc = formatHlc(stamp);
    this.putStmt.run(deviceId, deviceSeq, hlc);
    return { deviceSeq, hlc };
  }
}
