import { FileStore } from '@tus/file-store';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { BLOB_SHA256_METADATA, SHA256_PATTERN } from '../../shared/sync/protocol.js';
import { ChecksumMismatchError, PUT_PREFIX, UPLOAD_DEVICE_METADATA, type CentreBlobStore } from './blob-store.js';

// What a centre that stopped abruptly leaves in the tus upload folder. A centre killed between a
// scan's last byte and the blob's row leaves the file complete there while the blob table lacks it;
// a resuming desk is then told by tus that its upload is complete. So complete uploads are adopted
// (hashed against the SHA-256 they announced first; a mismatch is deleted) at start, and partial ones
// nobody has continued for ABANDONED_UPLOAD_AGE_MS are removed. The same sweep runs every hour, for
// centres that share one folder (several processes on PostgreSQL) and one of them died.

/** A partial upload untouched this long is abandoned: deleted (a desk coming back later starts over). */
export const ABANDONED_UPLOAD_AGE_MS = 7 * 24 * 3_600_000;
/** How often a running centre sweeps the upload folder. */
export const UPLOAD_SWEEP_INTERVAL_MS = 3_600_000;
/**
 * While running, a complete upload is adopted by the sweep only once it has sat this long: the request
 * that wrote its last byte adopts it itself, and finishes long before this.
 */
export const UNADOPTED_UPLOAD_AGE_MS = 10 * 60_000;

export interface UploadSweep {
  /** Complete uploads moved into the store (or found already there). */
  adopted: number;
  /** Complete uploads whose bytes did not match their SHA-256: deleted. */
  discarded: number;
  /** Abandoned partial uploads (and stray files of them) deleted. */
  removed: number;
  /** Complete uploads that could not be adopted now (say, a disk error): left for the next sweep. */
  failed: number;
}

const TUS_INFO_SUFFIX = '.json';

async function ageMs(path: string, now: number): Promise<number | null> {
  return stat(path).then(
    (info) => now - info.mtimeMs,
    () => null,
  );
}

const removeFile = (path: string) => unlink(path).catch(() => undefined);

/**
 * Adopts complete uploads last written at least `completeAgeMs` ago and removes partial ones older than
 * ABANDONED_UPLOAD_AGE_MS. Ages are measured from each file's last write against `now` (the centre's clock).
 */
export async function sweepUploads(blobs: CentreBlobStore, options: { now: number; completeAgeMs: number }): Promise<UploadSweep> {
  const sweep: UploadSweep = { adopted: 0, discarded: 0, removed: 0, failed: 0 };
  const names = await readdir(blobs.uploadsDir).catch(() => [] as string[]);
  const tus = new FileStore({ directory: blobs.uploadsDir });
  const ids = new Set(names.filter((name) => name.endsWith(TUS_INFO_SUFFIX)).map((name) => name.slice(0, -TUS_INFO_SUFFIX.length)));
  for (const id of ids) {
    const file = join(blobs.uploadsDir, id);
    const info = join(blobs.uploadsDir, `${id}${TUS_INFO_SUFFIX}`);
    const upload = await tus.getUpload(id).catch(() => null);
    const age = await ageMs(upload === null ? info : file, options.now);
    if (age === null) continue;
    const complete = upload !== null && upload.size !== undefined && upload.offset === upload.size;
    if (!complete) {
      if (age >= ABANDONED_UPLOAD_AGE_MS) {
        await Promise.all([removeFile(file), removeFile(info)]);
        sweep.removed += 1;
      }
      continue;
    }
    if (age < options.completeAgeMs) continue;
    const sha256 = upload.metadata?.[BLOB_SHA256_METADATA] ?? '';
    try {
      if (!SHA256_PATTERN.test(sha256)) throw new ChecksumMismatchError();
      await blobs.adopt(file, sha256, upload.metadata?.[UPLOAD_DEVICE_METADATA] ?? '');
      sweep.adopted += 1;
    } catch (error) {
      if (!(error instanceof ChecksumMismatchError)) {
        sweep.failed += 1;
        continue;
      }
      await removeFile(file);
      sweep.discarded += 1;
    }
    await removeFile(info);
  }
  // Bytes whose tus record is gone (a crash between the two files): nothing can resume them.
  for (const name of names) {
    if (name.endsWith(TUS_INFO_SUFFIX) || ids.has(name) || name.startsWith(PUT_PREFIX)) continue;
    const age = await ageMs(join(blobs.uploadsDir, name), options.now);
    if (age !== null && age >= ABANDONED_UPLOAD_AGE_MS) {
      await removeFile(join(blobs.uploadsDir, name));
      sweep.removed += 1;
    }
  }
  return sweep;
}

export interface SweepLog {
  info(detail: object, message: string): void;
  warn(detail: object, message: string): void;
}

const worthLogging = (sweep: UploadSweep) => sweep.adopted + sweep.discarded + sweep.removed + sweep.failed > 0;

/** Sweeps every UPLOAD_SWEEP_INTERVAL_MS while the centre runs; returns what stops it. */
export function startUploadSweeps(blobs: CentreBlobStore, now: () => number, log: SweepLog): () => void {
  const timer = setInterval(() => {
    sweepUploads(blobs, { now: now(), completeAgeMs: UNADOPTED_UPLOAD_AGE_MS }).then(
      (sweep) => {
        if (worthLogging(sweep)) log.info({ uploads: sweep }, 'scan uploads swept');
      },
      (error: unknown) => log.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, 'scan upload sweep failed'),
    );
  }, UPLOAD_SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** The start-up sweep's report, when it did anything. */
export function logStartSweep(sweep: UploadSweep, log: SweepLog): void {
  if (worthLogging(sweep)) log.info({ uploads: sweep }, 'scan uploads recovered at start');
}
