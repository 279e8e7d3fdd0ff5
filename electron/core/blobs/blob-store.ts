import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { constants, copyFile, mkdir, open, readdir, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { CommandError } from '../../../shared/contract/errors.js';
import { blobCorrupt, blobMissing, blobWriteFailed, isNoEntry, tooLarge } from './blob-errors.js';
import { hashYielding, readHashing, syncDirectory, syncFile, writeTempFile } from './durable-io.js';

// The desk's content-addressed store of scans (DESIGN.md, "Desk data"): each blob is named by the
// SHA-256 of its bytes, at <root>/ab/cd/<sha256>. A blob is written by streaming into a temp file,
// fsync'd, renamed to its name and the folder fsync'd, so a crash at any point leaves either the whole
// blob under its name or nothing (a stray temp file, removed at the next open). Reads are verified.
//
// A blob's hash is known only once its last byte has gone through — a stream's, bytes in memory (hashed
// while their temp file is written), a file copied in (hashed while its copy is fsync'd) — so every
// temp file lives in <root>/.incoming and is renamed across: same file system, so the rename is still
// atomic. The new blob's folders are fsync'd together after the rename, before the caller records it.

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const INCOMING = '.incoming';
/** Scans coming down from the centre (resumable, so never swept at open as .incoming is). */
const DOWNLOADS = '.downloads';
const CHUNK_BYTES = 1024 * 1024;

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
  /** False when the same bytes were already stored (nothing new was written). */
  created: boolean;
}

export interface PutLimits {
  maxBytes?: number;
  /** Sees the first bytes before anything is kept; throws to refuse the stream (e.g. a wrong type). */
  checkHead?(head: Uint8Array): void;
  /** How many bytes the head check needs (default 16). */
  headBytes?: number;
}

export interface BlobStoreOptions {
  /** Test seam: runs after the temp file is complete and fsync'd, just before the rename. */
  beforeRename?(tempPath: string): void | Promise<void>;
}

export interface GarbageReport {
  removed: string[];
  kept: number;
}

function asStorageError(error: unknown): CommandError {
  return error instanceof CommandError ? error : blobWriteFailed(error);
}

function assertSha(sha256: string): void {
  if (!SHA256_PATTERN.test(sha256)) throw new CommandError('invalid_argument', 'Mã SHA-256 của tệp không hợp lệ.');
}

const FIRST_LEVEL = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const TEMP_SUFFIX = '.part';
export class BlobStore {
  readonly root: string;
  private readonly incoming: string;
  private ready: Promise<void> | null = null;
  private swept: Promise<void> | null = null;
  /** Temp files older than this instance were left by a process that is gone. */
  private readonly startedAtMs = Date.now();

  /** Touches nothing on disk until first used (or `open()`): building the core must not create folders. */
  constructor(root: string, private readonly options: BlobStoreOptions = {}) {
    this.root = root;
    this.incoming = join(root, INCOMING);
  }

  /**
   * Creates the folders and removes every temp file a crash left behind (in .incoming and beside
   * blobs). Idempotent; the first write does the same, waiting only for the folders, not the sweep.
   */
  async open(): Promise<void> {
    await this.prepare();
    this.swept ??= this.sweepStrayTemps();
    await this.swept;
  }

  pathOf(sha256: string): string {
    assertSha(sha256);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Streams `source` into the store, never holding more than a chunk in memory. The hash, and so the
   * folder, is known only at the end: the temp file is written in .incoming and renamed across.
   */
  async putStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limits: PutLimits = {}): Promise<StoredBlob> {
    await this.prepared();
    const tempPath = join(this.incoming, `${randomBytes(12).toString('hex')}${TEMP_SUFFIX}`);
    let handle: FileHandle | null = null;
    let placed = false;
    try {
      handle = await open(tempPath, 'wx');
      const hash = createHash('sha256');
      const headWanted = limits.headBytes ?? 16;
      let head: Uint8Array | null = limits.checkHead ? new Uint8Array(0) : null;
      let size = 0;
      for await (const chunk of source) {
        size += chunk.length;
        if (limits.maxBytes !== undefined && size > limits.maxBytes) throw tooLarge(limits.maxBytes);
        if (head !== null) {
          head = Buffer.concat([head, chunk.subarray(0, headWanted - head.length)]);
          if (head.length >= headWanted) {
            limits.checkHead?.(head);
            head = null;
          }
        }
        hash.update(chunk);
        await handle.write(chunk);
      }
      if (head !== null) limits.checkHead?.(head); // a file shorter than the head
      await handle.sync();
      await handle.close();
      handle = null;
      const sha256 = hash.digest('hex');
      if (await this.alreadyStored(sha256, size)) {
        await this.confirmDurable(sha256);
        return { sha256, sizeBytes: size, created: false };
      }
      const folders = await this.makeFolder(sha256);
      await this.options.beforeRename?.(tempPath);
      await rename(tempPath, this.pathOf(sha256));
      placed = true;
      await Promise.all(folders.map(syncDirectory));
      return { sha256, sizeBytes: size, created: true };
    } catch (error) {
      throw asStorageError(error);
    } finally {
      await handle?.close().catch(() => undefined);
      if (!placed) await unlink(tempPath).catch(() => undefined);
    }
  }

  /** Where a scan being downloaded from the centre grows, kept across attempts (and restarts) to resume. */
  downloadPathOf(sha256: string): string {
    assertSha(sha256);
    return join(this.root, DOWNLOADS, `${sha256}${TEMP_SUFFIX}`);
  }

  /**
   * Takes a finished download into the store once its bytes hash to the name the centre served them
   * under; other bytes are deleted (the next attempt starts over) and refused as corrupt. The partial
   * file is beside the store on the same disk: the rename is atomic, as a put's is.
   */
  async adoptDownloaded(sha256: string): Promise<StoredBlob> {
    const partPath = this.downloadPathOf(sha256);
    await this.prepared();
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of createReadStream(partPath, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
        size += chunk.length;
        hash.update(chunk);
      }
    } catch (error) {
      if (isNoEntry(error)) throw blobMissing(sha256);
      throw blobWriteFailed(error);
    }
    if (hash.digest('hex') !== sha256) {
      await unlink(partPath).catch(() => undefined);
      throw blobCorrupt(sha256);
    }
    try {
      await syncFile(partPath);
      if (await this.alreadyStored(sha256, size)) {
        await unlink(partPath).catch(() => undefined);
        return { sha256, sizeBytes: size, created: false };
      }
      const folders = await this.makeFolder(sha256);
      await rename(partPath, this.pathOf(sha256));
      await Promise.all(folders.map(syncDirectory));
      return { sha256, sizeBytes: size, created: true };
    } catch (error) {
      throw asStorageError(error);
    }
  }

  putFile(path: string, limits: PutLimits = {}): Promise<StoredBlob> {
    return this.putStream(createReadStream(path, { highWaterMark: CHUNK_BYTES }), limits);
  }

  /**
   * Stores bytes already in memory (a PDF just checked or built) in one pass: the temp file is written
   * and fsync'd on libuv's thread pool WHILE the hash is computed here, in slices that let the write's
   * steps through — the two costs overlap instead of adding up. The hash is known only at the end, so
   * the temp file lives in .incoming and is renamed across, as a stream's is. For bytes already stored,
   * the temp file is dropped without its fsync.
   */
  async putBytes(bytes: Uint8Array, limits: PutLimits = {}): Promise<StoredBlob> {
    if (limits.maxBytes !== undefined && bytes.length > limits.maxBytes) throw tooLarge(limits.maxBytes);
    limits.checkHead?.(bytes.subarray(0, limits.headBytes ?? 16));
    await this.prepared();
    const size = bytes.length;
    const tempPath = join(this.incoming, `${randomBytes(12).toString('hex')}${TEMP_SUFFIX}`);
    const temp = writeTempFile(tempPath, bytes);
    let placed = false;
    try {
      const sha256 = await hashYielding(bytes);
      // The folder is made while the temp file's fsync may still run.
      const [stored, folders] = await Promise.all([this.alreadyStored(sha256, size), this.makeFolder(sha256)]);
      if (stored) {
        temp.abandon();
        await this.confirmDurable(sha256);
        return { sha256, sizeBytes: size, created: false };
      }
      await temp.done;
      await this.options.beforeRename?.(tempPath);
      await rename(tempPath, this.pathOf(sha256));
      placed = true;
      await Promise.all(folders.map(syncDirectory));
      return { sha256, sizeBytes: size, created: true };
    } catch (error) {
      throw asStorageError(error);
    } finally {
      if (!placed) {
        await temp.done.catch(() => undefined); // never unlink before the open has run
        await unlink(tempPath).catch(() => undefined);
      }
    }
  }

  /**
   * Copies a file on this machine into the store — the import path for scans and PDFs kept as they are.
   * The kernel copies the file into a temp file (no pass through JavaScript); the copy's fsync then runs
   * while the copy is read back, given to `inspect` (say, a PDF's page count: it throws to refuse the
   * file, and nothing is kept) and hashed. The bytes named, inspected and stored are the same bytes,
   * even if the source changes meanwhile, and the source is read once.
   */
  async copyIn<T>(path: string, inspect: (bytes: Buffer) => T | Promise<T>, limits: PutLimits = {}): Promise<StoredBlob & { inspected: T }> {
    await this.prepared();
    const tempPath = join(this.incoming, `${randomBytes(12).toString('hex')}${TEMP_SUFFIX}`);
    let synced: Promise<void> | null = null;
    let placed = false;
    try {
      await copyFile(path, tempPath, constants.COPYFILE_EXCL);
      synced = syncFile(tempPath);
      synced.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
      const { bytes, sha256 } = await readHashing(tempPath, limits.maxBytes); // the file may have grown since checked
      const size = bytes.length;
      limits.checkHead?.(bytes.subarray(0, limits.headBytes ?? 16));
      const inspected = await inspect(bytes);
      const [stored, folders] = await Promise.all([this.alreadyStored(sha256, size), this.makeFolder(sha256)]);
      if (stored) {
        await this.confirmDurable(sha256);
        return { sha256, sizeBytes: size, created: false, inspected };
      }
      await synced;
      await this.options.beforeRename?.(tempPath);
      await rename(tempPath, this.pathOf(sha256));
      placed = true;
      await Promise.all(folders.map(syncDirectory));
      return { sha256, sizeBytes: size, created: true, inspected };
    } catch (error) {
      throw asStorageError(error);
    } finally {
      if (!placed) {
        await synced?.catch(() => undefined);
        await unlink(tempPath).catch(() => undefined);
      }
    }
  }

  /** The stored size, or null when the blob is not on this machine. Does not read the bytes. */
  async sizeOf(sha256: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch (error) {
      if (isNoEntry(error)) return null;
      throw blobWriteFailed(error);
    }
  }

  /** Hashes the stored file; throws not_found or storage_failure (with a Vietnamese message). */
  async verify(sha256: string): Promise<{ sizeBytes: number }> {
    const path = this.pathOf(sha256);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
        size += chunk.length;
        hash.update(chunk);
      }
    } catch (error) {
      if (isNoEntry(error)) throw blobMissing(sha256);
      throw blobWriteFailed(error);
    }
    if (hash.digest('hex') !== sha256) throw blobCorrupt(sha256);
    return { sizeBytes: size };
  }

  /** The whole blob, verified. For files the core must parse (PDF pages); prefer openVerified for serving. */
  async readVerified(sha256: string): Promise<Buffer> {
    const path = this.pathOf(sha256);
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        chunks.push(chunk);
      }
    } catch (error) {
      if (isNoEntry(error)) throw blobMissing(sha256);
      throw blobWriteFailed(error);
    }
    if (hash.digest('hex') !== sha256) throw blobCorrupt(sha256);
    return Buffer.concat(chunks);
  }

  /**
   * Verifies the blob, then streams it. The stream hashes again as it goes and fails at the end if the
   * file changed in between, so a reader never takes damaged bytes for good ones.
   */
  async openVerified(sha256: string): Promise<{ sizeBytes: number; stream: Readable }> {
    const { sizeBytes } = await this.verify(sha256);
    const hash = createHash('sha256');
    const check = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        done(hash.digest('hex') === sha256 ? null : blobCorrupt(sha256));
      },
    });
    const file = createReadStream(this.pathOf(sha256), { highWaterMark: CHUNK_BYTES });
    file.on('error', (error) => check.destroy(error));
    return { sizeBytes, stream: file.pipe(check) };
  }

  /**
   * Removes blobs nothing references that are older than the grace period (a blob is written before
   * the event that names it commits, and an upload waits for its attach). Temp files are left alone:
   * the next open removes them.
   */
  async collectGarbage(isReferenced: (sha256: string) => boolean, graceMs: number, nowMs: number = Date.now()): Promise<GarbageReport> {
    const removed: string[] = [];
    let kept = 0;
    for (const sha256 of await this.list()) {
      if (isReferenced(sha256)) {
        kept += 1;
        continue;
      }
      const path = this.pathOf(sha256);
      const info = await stat(path).catch(() => null);
      if (info === null) continue;
      if (nowMs - info.mtimeMs < graceMs) {
        kept += 1;
        continue;
      }
      await unlink(path).catch((error: unknown) => {
        if (!isNoEntry(error)) throw blobWriteFailed(error);
      });
      removed.push(sha256);
    }
    return { removed, kept };
  }

  /** Every stored blob's hash (walks the two folder levels). */
  async list(): Promise<string[]> {
    const hashes: string[] = [];
    const firsts = await readdir(this.root).catch((error: unknown) => {
      if (isNoEntry(error)) return [] as string[];
      throw blobWriteFailed(error);
    });
    for (const first of firsts) {
      if (!/^[0-9a-f]{2}$/.test(first)) continue;
      for (const second of await readdir(join(this.root, first)).catch(() => [] as string[])) {
        if (!/^[0-9a-f]{2}$/.test(second)) continue;
        for (const name of await readdir(join(this.root, first, second)).catch(() => [] as string[])) {
          if (SHA256_PATTERN.test(name) && name.startsWith(first + second)) hashes.push(name);
        }
      }
    }
    return hashes;
  }

  private folderOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4));
  }

  // Same bytes already stored: nothing to keep. (A stored file of another size is damaged: replace it.)
  private async alreadyStored(sha256: string, size: number): Promise<boolean> {
    const existing = await stat(this.pathOf(sha256)).catch(() => null);
    return existing?.size === size;
  }

  /**
   * Makes the blob's folder and returns the folders to fsync once the blob is renamed in: its own and,
   * when new, the parents that gained an entry (a new folder is itself a directory entry). They are
   * fsync'd together after the rename, not one after another before it: the blob is durable once all
   * of them are, and a crash before that loses a blob no event names yet (the event commits after). The 256 first-level folders
   * are made once at open, so the root rarely needs it.
   */
  private async makeFolder(sha256: string): Promise<string[]> {
    const folder = this.folderOf(sha256);
    const first = join(this.root, sha256.slice(0, 2));
    const created = await mkdir(folder, { recursive: true });
    if (created === undefined) return [folder];
    return created === first ? [folder, first, this.root] : [folder, first];
  }

  /**
   * Same bytes already stored. They may have been renamed in by a process that died before its folder
   * fsyncs (the bytes themselves are always fsync'd before the rename): fsync the folders now, so the
   * event about to name them never outlives them. Cheap when nothing is dirty.
   */
  private async confirmDurable(sha256: string): Promise<void> {
    await Promise.all([syncDirectory(this.folderOf(sha256)), syncDirectory(join(this.root, sha256.slice(0, 2)))]);
  }

  private prepared(): Promise<void> {
    return this.prepare().catch((error: unknown) => {
      this.ready = null; // let the next write try again (a removable disk may come back)
      throw blobWriteFailed(error);
    });
  }

  // Runs on first use, not when the core starts: building a core (tests, a web host closed at once)
  // must not leave folder creation racing with whoever removes the data folder next.
  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      await mkdir(this.incoming, { recursive: true });
      // Whatever is in .incoming at open was being written by a process that is gone.
      for (const name of await readdir(this.incoming)) await rm(join(this.incoming, name), { force: true, recursive: true });
      let made = false;
      for (const first of FIRST_LEVEL) made = (await mkdir(join(this.root, first), { recursive: true })) !== undefined || made;
      if (made) await syncDirectory(this.root);
      // Stray temps beside blobs are only read and removed, never created: safe to leave running.
      this.swept ??= this.sweepStrayTemps().catch(() => undefined);
    })();
    return this.ready;
  }

  // Temp files beside blobs, which earlier versions' putBytes wrote there, left by a crash: older than
  // this instance, so not ours. (Every temp file is now written in .incoming.)
  private async sweepStrayTemps(): Promise<void> {
    for (const first of FIRST_LEVEL) {
      for (const second of await readdir(join(this.root, first)).catch(() => [] as string[])) {
        const folder = join(this.root, first, second);
        for (const name of await readdir(folder).catch(() => [] as string[])) {
          if (!name.endsWith(TEMP_SUFFIX)) continue;
          const info = await stat(join(folder, name)).catch(() => null);
          if (info !== null && info.mtimeMs < this.startedAtMs) await unlink(join(folder, name)).catch(() => undefined);
        }
      }
    }
  }
}
