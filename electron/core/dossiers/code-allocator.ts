import { formatDossierCode } from '../../../shared/domain/dossier-code/dossier-code.js';
import { nextSerial, serialBlockOf } from '../../../shared/domain/dossier-code/serial-block.js';
import { vietnamDateKey, vietnamIsoDate } from '../../../shared/domain/dossier-code/vietnam-date.js';
import type { DeskDatabase } from '../db/open-database.js';

/**
 * Issues dossier codes `<agency>-<yyMMdd>-<NNNN>` from this station's block of the day's serials.
 * Runs inside the dossier's own transaction, so a failed receipt never burns a serial. The next serial
 * follows every code of the station this desk knows of — its own, and those pulled from the centre (a
 * replacement desk for the station of a revoked one, or a desk restored from an old copy) — and codes
 * of dossiers set aside for a taken code.
 */
export class CodeAllocator {
  private readonly lastStmt;
  private readonly knownStmt;
  private readonly putStmt;

  constructor(db: DeskDatabase) {
    this.lastStmt = db.prepare<[string, string, number], { last_serial: number }>(
      'SELECT last_serial FROM dossier_code_serials WHERE agency_id = ? AND day_key = ? AND station = ?',
    );
    // Codes of one station and day sort by serial: one range of the unique code index each.
    this.knownStmt = db.prepare<[string, string, string, string], { code: string | null }>(
      `SELECT max(code) AS code FROM (
         SELECT max(code) AS code FROM dossiers WHERE code BETWEEN ? AND ?
         UNION ALL SELECT max(code) FROM dossier_code_conflicts WHERE code BETWEEN ? AND ?)`,
    );
    this.putStmt = db.prepare<[string, string, number, number]>(
      `INSERT INTO dossier_code_serials (agency_id, day_key, station, last_serial) VALUES (?, ?, ?, ?)
       ON CONFLICT (agency_id, day_key, station) DO UPDATE SET last_serial = excluded.last_serial`,
    );
  }

  allocate(agencyId: string, station: number, receivedAt: string): string {
    const dayKey = vietnamDateKey(receivedAt);
    const block = serialBlockOf(station);
    const first = formatDossierCode({ agencyIdentifier: agencyId, dateKey: dayKey, serial: block.first });
    const last = formatDossierCode({ agencyIdentifier: agencyId, dateKey: dayKey, serial: block.last });
    const known = this.knownStmt.get(first, last, first, last)?.code ?? null;
    const knownSerial = known === null ? null : Number(known.slice(-4));
    const counted = this.lastStmt.get(agencyId, dayKey, station)?.last_serial ?? null;
    const lastUsed = knownSerial === null ? counted : counted === null ? knownSerial : Math.max(counted, knownSerial);
    const serial = nextSerial(station, lastUsed, vietnamIsoDate(receivedAt));
    this.putStmt.run(agencyId, dayKey, station, serial);
    return formatDossierCode({ agencyIdentifier: agencyId, dateKey: dayKey, serial });
  }
}
