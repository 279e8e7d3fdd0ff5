import type { DeskDatabase } from '../db/open-database.js';

// What the scan fetcher (scan-fetcher.ts) reads and keeps: the scans live attachments name, newest
// first, and two numbers in sync_state — the bound on disk use a supervisor set, and the bytes taken.

export interface ReferencedScan {
  sha256: string;
  sizeBytes: number;
}

const LIMIT_KEY = 'scans.downloadMaxBytes';
const USED_KEY = 'scans.downloadedBytes';

export class ScanDownloadRepository {
  constructor(private readonly db: DeskDatabase) {}

  /** Every scan a live attachment names, the most recently added first (a dossier being worked on first). */
  referencedScans(): ReferencedScan[] {
    return this.db
      .prepare<[], ReferencedScan>(
        `SELECT blob_sha256 AS sha256, max(size_bytes) AS sizeBytes FROM dossier_attachments
         WHERE retracted_at IS NULL GROUP BY blob_sha256 ORDER BY max(added_at) DESC, blob_sha256`,
      )
      .all();
  }

  /** Changes whenever an attachment is added or retracted: a round with nothing new to look at is skipped. */
  attachmentsSignature(): string {
    const row = this.db
      .prepare<[], { n: number; latest: string | null; retracted: number }>(
        'SELECT count(*) AS n, max(added_at) AS latest, count(retracted_at) AS retracted FROM dossier_attachments',
      )
      .get()!;
    return `${row.n}|${row.latest ?? ''}|${row.retracted}`;
  }

  /** The size an attachment declares for the scan; null when no attachment names it. */
  declaredSize(sha256: string): number | null {
    return this.db.prepare<[string], { sizeBytes: number | null }>('SELECT max(size_bytes) AS sizeBytes FROM dossier_attachments WHERE blob_sha256 = ?').get(sha256)?.sizeBytes ?? null;
  }

  limitBytes(): number | null {
    const text = this.read(LIMIT_KEY);
    return text === null ? null : Number(text);
  }

  setLimitBytes(bytes: number | null): void {
    this.write(LIMIT_KEY, bytes === null ? null : String(bytes));
  }

  usedBytes(): number {
    return Number(this.read(USED_KEY) ?? 0);
  }

  addUsedBytes(bytes: number): void {
    this.db
      .prepare("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER) AS TEXT)")
      .run(USED_KEY, String(bytes));
  }

  private read(key: string): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(key)?.value ?? null;
  }

  private write(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
