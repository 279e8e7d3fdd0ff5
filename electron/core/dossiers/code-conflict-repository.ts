import type { CodeConflict } from '../../../shared/contract/dossiers.js';
import type { DeskDatabase } from '../db/open-database.js';

// Dossiers set aside because another dossier of the unit holds their code (m0080). Setting one aside
// takes the code off its projection row (so the other can hold it) and flags it for the supervisor;
// a reissued code ends it.

export class CodeConflictRepository {
  private readonly getStmt;
  private readonly putStmt;
  private readonly clearRowStmt;
  private readonly deleteStmt;
  private readonly holderStmt;
  private readonly retryStmt;

  constructor(db: DeskDatabase) {
    this.getStmt = db.prepare<[string], { code: string; reason: string; found_at: string }>(
      'SELECT code, reason, found_at FROM dossier_code_conflicts WHERE dossier_id = ?',
    );
    this.putStmt = db.prepare<[string, string, string, string]>(
      `INSERT INTO dossier_code_conflicts (dossier_id, code, reason, found_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (dossier_id) DO UPDATE SET code = excluded.code, reason = excluded.reason, found_at = excluded.found_at`,
    );
    this.clearRowStmt = db.prepare<[string, string]>('UPDATE dossiers SET code = NULL, needs_review = 1 WHERE id = ? AND code = ?');
    this.deleteStmt = db.prepare<[string]>('DELETE FROM dossier_code_conflicts WHERE dossier_id = ?');
    this.retryStmt = db.prepare<[string]>(
      `UPDATE events SET push_rejection = NULL WHERE dossier_id = ? AND origin = 'local' AND pushed_at IS NULL
         AND json_extract(push_rejection, '$.code') = 'code_taken'`,
    );
    this.holderStmt = db.prepare<[string, string], { id: string }>('SELECT id FROM dossiers WHERE code = ? AND id <> ?');
  }

  of(dossierId: string): CodeConflict | null {
    const row = this.getStmt.get(dossierId);
    return row === undefined ? null : { code: row.code, reason: row.reason, foundAt: row.found_at };
  }

  /** The other dossier whose projection holds `code`, if any. */
  holderOf(code: string, exceptDossierId: string): string | null {
    return this.holderStmt.get(code, exceptDossierId)?.id ?? null;
  }

  setAside(dossierId: string, code: string, reason: string, atIso: string): void {
    this.putStmt.run(dossierId, code, reason, atIso);
    this.clearRowStmt.run(dossierId, code);
  }

  /**
   * The dossier has a code of its own again (reissued): its events the centre refused for the taken
   * code wait to go again, with the reissue (SyncRepository.reissuedBatch).
   */
  resolve(dossierId: string): void {
    this.deleteStmt.run(dossierId);
    this.retryStmt.run(dossierId);
  }
}

export const codeTakenReason = (code: string): string =>
  `Mã hồ sơ ${code} đã được trung tâm ghi cho một hồ sơ khác của đơn vị (máy khôi phục từ bản sao hoặc cài đặt sai quầy). ` +
  'Giám sát viên cần cấp lại mã mới cho hồ sơ này và in lại giấy tiếp nhận.';
