import type { DeskDatabase } from '../db/open-database.js';

// The scans this desk must upload, and how far each got. A scan joins the queue when a local
// 'attachment.added' event names it (found through the blob store, see BlobLocator) or when code that
// stores one enqueues it directly. The tus upload URL is kept so a broken upload resumes.

export interface StoredBlob {
  sha256: string;
  path: string;
  size: number;
}

/** Finds a blob's file by its SHA-256: the desk's content-addressed blob store answers this. */
export interface BlobLocator {
  locate(sha256: string): StoredBlob | null;
}

/** Until the blob store is wired in, no blob is found and referenced scans simply wait. */
export const NO_BLOBS: BlobLocator = { locate: () => null };

export interface WaitingBlob extends StoredBlob {
  uploadUrl: string | null;
  attempts: number;
}

export class BlobQueueRepository {
  constructor(private readonly db: DeskDatabase) {}

  enqueue(blob: StoredBlob, nowIso: string): void {
    this.db
      .prepare(
        `INSERT INTO sync_blobs (sha256, path, size, state, queued_at) VALUES (?, ?, ?, 'waiting', ?)
         ON CONFLICT (sha256) DO UPDATE SET path = excluded.path, size = excluded.size WHERE sync_blobs.state = 'waiting'`,
      )
      .run(blob.sha256, blob.path, blob.size, nowIso);
  }

  /**
   * Queues the scans named by local attachment events since the last look. A blob the store cannot
   * find yet is queued without a file and waits; the next look fills it in.
   */
  enqueueReferenced(locator: BlobLocator, nowIso: string): number {
    const mark = Number(this.db.prepare<[], { value: string }>("SELECT value FROM sync_state WHERE key = 'blobs.scannedSeq'").get()?.value ?? 0);
    const top = this.db.prepare<[], { top: number | null }>('SELECT max(seq) AS top FROM events').get()!.top ?? 0;
    if (top <= mark && this.countOrphans() === 0) return 0;
    const rows = this.db
      .prepare<[number, number], { seq: number; sha256: string | null }>(
        `SELECT seq, json_extract(payload, '$.blobSha256') AS sha256 FROM events
         WHERE seq > ? AND seq <= ? AND origin = 'local' AND type = 'attachment.added' ORDER BY seq`,
      )
      .all(mark, top);
    const orphans = this.db
      .prepare<[], { sha256: string }>("SELECT sha256 FROM sync_blobs WHERE state = 'waiting' AND path IS NULL")
      .all()
      .map((row) => row.sha256);
    let added = 0;
    this.db.transaction(() => {
      for (const sha256 of [...rows.map((r) => r.sha256).filter((s): s is string => s !== null), ...orphans]) {
        const found = locator.locate(sha256);
        if (found !== null) this.enqueue(found, nowIso);
        else this.db.prepare("INSERT INTO sync_blobs (sha256, state, queued_at) VALUES (?, 'waiting', ?) ON CONFLICT (sha256) DO NOTHING").run(sha256, nowIso);
        added += 1;
      }
      // Everything up to `top` has been looked at, attachments or not: the next look starts above it.
      this.db
        .prepare("INSERT INTO sync_state (key, value) VALUES ('blobs.scannedSeq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .run(String(top));
    })();
    return added;
  }

  /** Scans with a file, oldest first. */
  waiting(limit: number): WaitingBlob[] {
    return this.db
      .prepare<[number], { sha256: string; path: string; size: number; upload_url: string | null; attempts: number }>(
        `SELECT sha256, path, size, upload_url, attempts FROM sync_blobs
         WHERE state = 'waiting' AND path IS NOT NULL ORDER BY attempts, queued_at LIMIT ?`,
      )
      .all(limit)
      .map((row) => ({ sha256: row.sha256, path: row.path, size: row.size, uploadUrl: row.upload_url, attempts: row.attempts }));
  }

  /** Scans named by events whose file is not on this desk (e.g. a reused paper from another desk's dossier). */
  withoutFile(limit: number): string[] {
    return this.db
      .prepare<[number], { sha256: string }>("SELECT sha256 FROM sync_blobs WHERE state = 'waiting' AND path IS NULL ORDER BY queued_at LIMIT ?")
      .all(limit)
      .map((row) => row.sha256);
  }

  private countOrphans(): number {
    return this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sync_blobs WHERE state = 'waiting' AND path IS NULL").get()!.n;
  }

  countWaiting(): number {
    return this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sync_blobs WHERE state = 'waiting'").get()!.n;
  }

  setUploadUrl(sha256: string, url: string | null): void {
    this.db.prepare('UPDATE sync_blobs SET upload_url = ? WHERE sha256 = ?').run(url, sha256);
  }

  /** Marks scans uploaded, all in one transaction. */
  markUploaded(sha256s: string | readonly string[], nowIso: string): void {
    const list = typeof sha256s === 'string' ? [sha256s] : sha256s;
    if (list.length === 0) return;
    const update = this.db.prepare("UPDATE sync_blobs SET state = 'uploaded', uploaded_at = ?, upload_url = NULL, last_error = NULL WHERE sha256 = ?");
    this.db.transaction(() => {
      for (const sha256 of list) update.run(nowIso, sha256);
    })();
  }

  /** Every scan marked uploaded waits again (a centre restored from a backup may lack it); the next round asks which. */
  requeueUploaded(): number {
    return this.db.prepare("UPDATE sync_blobs SET state = 'waiting', uploaded_at = NULL WHERE state = 'uploaded'").run().changes;
  }

  markFailed(sha256: string, message: string): void {
    this.db.prepare('UPDATE sync_blobs SET attempts = attempts + 1, last_error = ? WHERE sha256 = ?').run(message, sha256);
  }

  state(sha256: string): { state: 'waiting' | 'uploaded'; uploadUrl: string | null; attempts: number } | null {
    const row = this.db
      .prepare<[string], { state: 'waiting' | 'uploaded'; upload_url: string | null; attempts: number }>('SELECT state, upload_url, attempts FROM sync_blobs WHERE sha256 = ?')
      .get(sha256);
    return row ? { state: row.state, uploadUrl: row.upload_url, attempts: row.attempts } : null;
  }
}
