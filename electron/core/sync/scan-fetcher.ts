import { existsSync } from 'node:fs';
import type { DeskDatabase } from '../db/open-database.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { downloadBlob, type DownloadOutcome } from './blob-downloader.js';
import { ScanDownloadRepository, type ReferencedScan } from './scan-download-repository.js';
import { SyncFailure } from './sync-failure.js';

// A replaced or restored desk pulls its unit's events in seconds, but their scans stay at the centre:
// this fetches them in the background — the scans of the most recently touched dossiers first — and
// at once a scan the officer opens before its turn. Each is resumed where a cut left it, verified
// against its SHA-256 before it enters the store, and counted against a bound on disk use: when the
// next scan would pass it, fetching stops and the status bar says so.

export type ScanStore = Pick<BlobStore, 'pathOf' | 'downloadPathOf' | 'adoptDownloaded'>;

export interface ScanFetchContext {
  centreUrl: string;
  token: string;
  fetch: typeof fetch;
  stallTimeoutMs: number;
  signal: AbortSignal;
  /** Pauses between attempts at one scan after a cut; each attempt resumes from the bytes on disk. */
  retryDelays: readonly number[];
}

export interface ScanFetchRound {
  done: number;
  total: number;
  /** Set when the disk bound stopped the round (Vietnamese). */
  limitReached: string | null;
}

type WantedScan = ReferencedScan;

/** The bound when a supervisor set none. */
export const SCAN_DOWNLOAD_DEFAULT_MAX_BYTES = 50 * 1024 ** 3;

export class ScanFetcher {
  private readonly inFlight = new Map<string, Promise<DownloadOutcome>>();
  private readonly repo: ScanDownloadRepository;
  /** The attachments as they were when a round left nothing to fetch: until they change, there is nothing to look for. */
  private completeAt: string | null = null;

  constructor(
    db: DeskDatabase,
    private readonly store: ScanStore,
  ) {
    this.repo = new ScanDownloadRepository(db);
  }

  /** The most the desk may take from the centre in scans, in bytes. */
  limitBytes(): number {
    return this.repo.limitBytes() ?? SCAN_DOWNLOAD_DEFAULT_MAX_BYTES;
  }

  setLimitBytes(bytes: number | null): void {
    this.completeAt = null;
    if (bytes !== null && (!Number.isSafeInteger(bytes) || bytes < 0)) throw new RangeError('the scan download bound is a whole number of bytes');
    this.repo.setLimitBytes(bytes);
  }

  /** Bytes of scans taken from the centre so far (what the bound counts). */
  usedBytes(): number {
    return this.repo.usedBytes();
  }

  /**
   * Scans live attachments name that this desk has no file for, the most recently added first (a
   * dossier being worked on is the one a ward needs back first).
   */
  wanted(): WantedScan[] {
    return this.repo.referencedScans().filter((scan) => !existsSync(this.store.pathOf(scan.sha256)));
  }

  /** Fetches every wanted scan it may, in order; `onProgress` after each. Stops at the disk bound. */
  async fetchAll(context: ScanFetchContext, onProgress: (done: number, total: number) => void): Promise<ScanFetchRound> {
    // A desk with 100,000 attachments would otherwise look for each file after every pull.
    const signature = this.repo.attachmentsSignature();
    if (signature === this.completeAt) return { done: 0, total: 0, limitReached: null };
    const wanted = this.wanted();
    let done = 0;
    onProgress(done, wanted.length);
    for (const scan of wanted) {
      if (context.signal.aborted) break;
      if (this.usedBytes() + scan.sizeBytes > this.limitBytes()) {
        return { done, total: wanted.length, limitReached: limitMessage(this.limitBytes(), wanted.length - done) };
      }
      if ((await this.fetchOne(scan, context)) === 'complete') done += 1;
      onProgress(done, wanted.length);
    }
    if (done === wanted.length && !context.signal.aborted) this.completeAt = signature;
    return { done, total: wanted.length, limitReached: null };
  }

  /** One scan now (the officer opened it): shares a download already under way for it. */
  async fetchNow(sha256: string, context: ScanFetchContext): Promise<DownloadOutcome> {
    if (existsSync(this.store.pathOf(sha256))) return 'complete';
    return this.fetchOne({ sha256, sizeBytes: this.repo.declaredSize(sha256) ?? 0 }, context);
  }

  private fetchOne(scan: WantedScan, context: ScanFetchContext): Promise<DownloadOutcome> {
    const running = this.inFlight.get(scan.sha256);
    if (running !== undefined) return running;
    const job = this.download(scan, context).finally(() => this.inFlight.delete(scan.sha256));
    this.inFlight.set(scan.sha256, job);
    return job;
  }

  private async download(scan: WantedScan, context: ScanFetchContext): Promise<DownloadOutcome> {
    const partPath = this.store.downloadPathOf(scan.sha256);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const outcome = await downloadBlob({ ...context, sha256: scan.sha256, partPath, onProgress: () => undefined });
        if (outcome === 'absent') return 'absent';
        const stored = await this.store.adoptDownloaded(scan.sha256);
        if (stored.created) this.repo.addUsedBytes(stored.sizeBytes);
        return 'complete';
      } catch (error) {
        // A cut line resumes from the bytes on disk; bytes that failed their hash start over. Others stop the round.
        const retryable = error instanceof SyncFailure ? error.kind === 'offline' || error.kind === 'timeout' : true;
        const delay = context.retryDelays[attempt];
        if (!retryable || delay === undefined || context.signal.aborted) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

function limitMessage(limitBytes: number, left: number): string {
  const gb = (limitBytes / 1024 ** 3).toFixed(1).replace('.', ',');
  return `Đã dừng tải bản quét về máy: đã dùng hết giới hạn ${gb} GB dành cho bản quét tải về (còn ${left} bản quét ở trung tâm). Hãy tăng giới hạn trong cài đặt đồng bộ hoặc giải phóng ổ đĩa.`;
}
