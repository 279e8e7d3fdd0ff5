import { formatDossierCode } from '../../../shared/domain/dossier-code/dossier-code.js';
import { nextSerial } from '../../../shared/domain/dossier-code/serial-block.js';
import { vietnamDateKey, vietnamIsoDate } from '../../../shared/domain/dossier-code/vietnam-date.js';
import type { DeskDatabase } from '../db/open-database.js';

/**
 * Issues dossier codes `<agency>-<yyMMdd>-<NNNN>` from this station's block of the day's serials.
 * Runs inside the dossier's own transaction, so a failed receipt never burns a serial.
 */
export class CodeAllocator {
  private readonly lastStmt;
  private readonly putStmt;

  constructor(db: DeskDatabase) {
    this.lastStmt = db.prepare<[string, string, number], { last_serial: number }>(
      'SELECT last_serial FROM dossier_code_serials WHERE agency_id = ? AND day_key = ? AND station = ?',
    );
    this.putStmt = db.prepare<[string, string, number, number]>(
      `INSERT INTO dossier_code_serials (agency_id, day_key, station, last_serial) VALUES (?, ?, ?, ?)
       ON CONFLICT (agency_id, day_key, station) DO UPDATE SET last_serial = excluded.last_serial`,
    );
  }

  allocate(agencyId: string, station: number, receivedAt: string): string {
    const dayKey = vietnamDateKey(receivedAt);
    const serial = nextSerial(station, this.lastStmt.get(agencyId, dayKey, station)?.last_serial ?? null, vietnamIsoDate(receivedAt));
    this.putStmt.run(agencyId, dayKey, station, serial);
    return formatDossierCode({ agencyIdentifier: agencyId, dateKey: dayKey, serial });
  }
}
