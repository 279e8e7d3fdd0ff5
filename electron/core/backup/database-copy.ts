import Database from 'better-sqlite3';
import type { BackupCounts } from '../../../shared/contract/backup.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { DeskDatabase } from '../db/open-database.js';
import { countMainTables, integrityCheck } from './backup-repository.js';

// A consistent copy of the desk's database through SQLite's online backup API (better-sqlite3's
// `db.backup`): the desk keeps working while pages are copied, and a write made meanwhile through the
// same connection is carried into the copy. The copy is then opened on its own, integrity-checked and
// its main tables counted against the desk's.

export interface CopiedDatabase {
  counts: BackupCounts;
}

function countsEqual(a: BackupCounts, b: BackupCounts): boolean {
  return a.events === b.events && a.dossiers === b.dossiers && a.attachments === b.attachments && a.officers === b.officers;
}

/** Opens the copy, checks it and turns it into one self-contained file (no WAL beside it). */
function verifyCopy(path: string, expected: BackupCounts): { ok: true } | { ok: false; reason: string; countsDiffer: boolean } {
  const copy = new Database(path, { fileMustExist: true });
  try {
    const integrity = integrityCheck(copy);
    if (integrity !== 'ok') return { ok: false, reason: `kiểm tra toàn vẹn báo lỗi: ${integrity}`, countsDiffer: false };
    const counts = countMainTables(copy);
    if (!countsEqual(counts, expected)) return { ok: false, reason: 'số bản ghi của bản sao không khớp với máy', countsDiffer: true };
    copy.pragma('journal_mode = DELETE');
    return { ok: true };
  } finally {
    copy.close();
  }
}

/**
 * Copies the database to `path` and verifies it. The desk's counts are read as soon as the copy ends;
 * a command committed in between makes them differ, so the copy is made once more before giving up.
 */
export async function copyDatabase(db: DeskDatabase, path: string, onPages: (done: number, total: number) => void): Promise<CopiedDatabase> {
  for (let attempt = 1; ; attempt += 1) {
    await db.backup(path, {
      progress: ({ totalPages, remainingPages }) => {
        onPages(totalPages - remainingPages, totalPages);
        return 1024;
      },
    });
    const counts = countMainTables(db);
    const verdict = verifyCopy(path, counts);
    if (verdict.ok) return { counts };
    if (!verdict.countsDiffer || attempt >= 2) {
      throw new CommandError('storage_failure', `Bản sao cơ sở dữ liệu không đạt khi kiểm tra (${verdict.reason}); bản sao lưu này không được giữ. Hãy thử lại hoặc chọn ổ khác.`);
    }
  }
}
