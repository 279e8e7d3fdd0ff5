import { watch, type FSWatcher } from 'chokidar';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { InboxFile, InboxList } from '../../../shared/contract/attachments.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { isNoEntry } from '../blobs/blob-errors.js';
import type { DeskEventBus } from '../event-bus.js';
import type { ImportSource } from '../attachments/import-sources.js';
import { readHead, sniffMediaType } from '../attachments/media-type.js';

// The scan inbox: a folder where any scanner's "scan to folder", NAPS2 or the desk's own scan command
// drops files. The list is read from the folder itself on every call, so a file dropped while the
// app was closed is offered at the next start; chokidar only tells the UI when to read it again.
//
// A file is taken only once it has stopped growing (awaitWriteFinish for the events, the file's age
// for the list), and leaves the folder only after its blob and attachment event are committed. It is
// then deleted, not moved aside: the blob store keeps a verified copy, and a second folder of
// citizens' papers would be one more place personal data could leak from.

/** A file younger than this may still be being written by the scanner. */
export const INBOX_STABLE_MS = 2000;

// Scanners and browsers write under temporary names first; those are not papers yet.
const TEMPORARY_NAME = /(^\.|^~\$|\.(part|tmp|crdownload|partial)$)/i;

export interface ScanInboxOptions {
  stableMs?: number;
  /** Real time, for file ages (the desk's business clock may be a test clock). */
  wallClock?: () => number;
  /** Files known to be complete however young (the desk's own scans, renamed into place whole). */
  knownComplete?: (fileName: string) => boolean;
}

export class ScanInbox {
  private watcher: FSWatcher | null = null;
  private watchedDir: string | null = null;
  private announce: ReturnType<typeof setTimeout> | null = null;
  private readonly stableMs: number;
  private readonly wallClock: () => number;
  private readonly knownComplete: (fileName: string) => boolean;

  constructor(
    private readonly dirOf: () => string,
    private readonly events: DeskEventBus,
    options: ScanInboxOptions = {},
  ) {
    this.stableMs = options.stableMs ?? INBOX_STABLE_MS;
    this.wallClock = options.wallClock ?? Date.now;
    this.knownComplete = options.knownComplete ?? (() => false);
  }

  dir(): string {
    return this.dirOf();
  }

  async list(): Promise<InboxList> {
    const dir = this.dir();
    await mkdir(dir, { recursive: true });
    const entries = await readdir(dir, { withFileTypes: true });
    const files: InboxFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || TEMPORARY_NAME.test(entry.name)) continue;
      const path = join(dir, entry.name);
      const info = await stat(path).catch(() => null);
      if (info === null) continue; // taken meanwhile
      const head = await readHead(path).catch(() => new Uint8Array(0));
      files.push({
        fileName: entry.name,
        sizeBytes: info.size,
        mediaType: sniffMediaType(head),
        modifiedAt: new Date(info.mtimeMs).toISOString(),
        ready: info.size > 0 && (this.knownComplete(entry.name) || this.wallClock() - info.mtimeMs >= this.stableMs),
      });
    }
    files.sort((a, b) => a.modifiedAt.localeCompare(b.modifiedAt) || a.fileName.localeCompare(b.fileName));
    return { dir, files };
  }

  /** The named files as import sources, after checking each is in the inbox and finished. */
  async take(fileNames: readonly string[]): Promise<ImportSource[]> {
    const { files } = await this.list();
    return fileNames.map((fileName) => {
      const file = files.find((f) => f.fileName === fileName);
      if (file === undefined) throw new CommandError('not_found', `Không còn tệp "${fileName}" trong thư mục quét (có thể đã được đính kèm).`);
      if (!file.ready) throw new CommandError('conflict', `Tệp "${fileName}" vẫn đang được máy quét ghi: hãy đợi vài giây rồi thử lại.`);
      return { path: join(this.dir(), basename(fileName)), fileName };
    });
  }

  /** Called only after the attachment is committed. A file already gone is fine. */
  async remove(fileNames: readonly string[]): Promise<void> {
    for (const fileName of fileNames) {
      await unlink(join(this.dir(), basename(fileName))).catch((error: unknown) => {
        if (!isNoEntry(error)) throw error;
      });
    }
    this.changed();
  }

  /** Starts watching (once; again if the folder setting changed). */
  async watch(): Promise<void> {
    const dir = this.dir();
    if (this.watcher !== null && this.watchedDir === dir) return;
    await this.stopWatching();
    await mkdir(dir, { recursive: true });
    const watcher = watch(dir, {
      ignoreInitial: true,
      depth: 0,
      ignored: (path: string) => path !== dir && TEMPORARY_NAME.test(basename(path)),
      awaitWriteFinish: { stabilityThreshold: this.stableMs, pollInterval: 100 },
    });
    watcher.on('add', () => this.changed());
    watcher.on('change', () => this.changed());
    watcher.on('unlink', () => this.changed());
    // A folder on a network share may vanish; the list still answers from the folder when asked.
    watcher.on('error', () => undefined);
    this.watcher = watcher;
    this.watchedDir = dir;
  }

  async close(): Promise<void> {
    if (this.announce !== null) clearTimeout(this.announce);
    this.announce = null;
    await this.stopWatching();
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    this.watchedDir = null;
    await watcher?.close();
  }

  // Several files arriving together (a feeder batch) make one announcement.
  private changed(): void {
    if (this.announce !== null) clearTimeout(this.announce);
    this.announce = setTimeout(() => {
      this.announce = null;
      this.list().then(
        (list) => this.events.publish('inbox.changed', { count: list.files.length }),
        () => undefined,
      );
    }, 150);
  }
}
