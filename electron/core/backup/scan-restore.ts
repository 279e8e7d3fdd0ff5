import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ScansBack } from '../../../shared/contract/backup.js';
import { BlobStore } from '../blobs/blob-store.js';
import { blobAreaOf, readScanList } from './backup-folder.js';
import { PENDING_RESTORE } from './pending-restore.js';

// A restore stages only the database, so a restored or replaced desk receives seconds after its
// restart; the backup's scans are copied back here, in the background, after the start. What is left
// is "the backup's scan list minus what the store holds" (content-addressed: a scan present is the
// same bytes), so the only state kept is which backup to copy from — <dataDir>/restore-scans.json,
// removed once every scan is back — and a kill at any point is finished by the next start. A scan
// opened before its turn is copied at once (copyNow); one the backup lacks or holds damaged is left
// to the centre's fetch.

/** In the staged restore: which backup the scans come from (moved into the data folder at the swap). */
export const STAGED_SCAN_SOURCE = 'scan-source.json';
const SCANS_TO_RESTORE = 'restore-scans.json';
const RETRY_MS = 60_000;

export interface ScanSource {
  folder: string;
  name: string;
}

export interface ScanRestoreOptions {
  /** Waited for before each scan is copied (tests hold the copy with it). */
  beforeScanCopy?: (sha256: string) => Promise<void>;
  /** Pause before trying again when the backup folder cannot be read (a USB drive not plugged in). */
  retryMs?: number;
}

/** At the swap (start, before finishRestore drops the staged folder): the restored backup's scans are to come back. */
export function adoptScanSource(dataDir: string): void {
  const staged = join(dataDir, PENDING_RESTORE, STAGED_SCAN_SOURCE);
  if (existsSync(staged)) renameSync(staged, join(dataDir, SCANS_TO_RESTORE));
}

export class ScanRestorer {
  private progress: ScansBack | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly blobs: BlobStore,
    private readonly onProgress: (progress: ScansBack) => void,
    private readonly options: ScanRestoreOptions = {},
  ) {}

  /** What the status bar and the backup section show; null when no restored scans are waiting. */
  status(): ScansBack | null {
    return this.progress ?? (this.source() === null ? null : { done: 0, total: null, problem: null });
  }

  /** Starts (or resumes) copying the scans back, when a restore left some to copy. */
  start(): void {
    if (this.stopped || this.running !== null || this.source() === null) return;
    this.running = this.copyAll().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no copy round is running (tests, and a clean stop). */
  async settled(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.retry !== null) clearTimeout(this.retry);
  }

  /** One scan now (the officer opened it before its turn); true once it is in the store. */
  async copyNow(sha256: string): Promise<boolean> {
    const source = this.source();
    if (source === null) return false;
    return this.copyOne(new BlobStore(blobAreaOf(source.folder)), sha256).catch(() => false);
  }

  private source(): ScanSource | null {
    const path = join(this.dataDir, SCANS_TO_RESTORE);
    if (!existsSync(path)) return null;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as ScanSource;
    } catch {
      return null;
    }
  }

  private async copyAll(): Promise<void> {
    const source = this.source()!;
    let scans: string[];
    try {
      scans = await readScanList(join(source.folder, source.name));
    } catch {
      const problem = `Không đọc được thư mục sao lưu "${source.folder}" để chép lại bản quét; hãy cắm lại ổ USB hoặc kết nối ổ mạng. Máy sẽ thử lại.`;
      this.report({ done: 0, total: null, problem });
      this.retry = setTimeout(() => this.start(), this.options.retryMs ?? RETRY_MS);
      this.retry.unref();
      return;
    }
    const area = new BlobStore(blobAreaOf(source.folder));
    let done = 0;
    this.report({ done, total: scans.length, problem: null });
    for (const sha256 of scans) {
      if (this.stopped) return;
      if ((await this.blobs.sizeOf(sha256)) === null) {
        await this.options.beforeScanCopy?.(sha256);
        if (this.stopped) return;
        // A scan missing or damaged in the backup is left to the centre's fetch; the others go on.
        await this.copyOne(area, sha256).catch(() => false);
      }
      done += 1;
      if (done % 20 === 0 || done === scans.length) this.report({ done, total: scans.length, problem: null });
    }
    rmSync(join(this.dataDir, SCANS_TO_RESTORE), { force: true });
    this.progress = null;
    this.onProgress({ done, total: scans.length, problem: null });
  }

  private async copyOne(area: BlobStore, sha256: string): Promise<boolean> {
    if ((await this.blobs.sizeOf(sha256)) !== null) return true;
    if ((await area.sizeOf(sha256)) === null) return false;
    // putFile hashes as it copies and names the file by that hash: a damaged copy never takes the scan's name.
    const stored = await this.blobs.putFile(area.pathOf(sha256));
    return stored.sha256 === sha256;
  }

  private report(progress: ScansBack): void {
    this.progress = progress;
    this.onProgress(progress);
  }
}
