import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CentreStorage } from '../storage/storage.js';

// Scans at the centre: a content-addressed store (files named by their SHA-256 under sha256/ab/…).
// A finished tus upload is hashed before it is adopted: bytes that do not match the SHA-256 the desk
// announced are deleted, never stored. The same bytes from two desks are stored once.

/** Files of single-request uploads in progress, beside tus's own files in uploads/. */
export const PUT_PREFIX = 'put-';
/** The tus upload metadata key naming the device that began an upload (set by the centre, not the desk). */
export const UPLOAD_DEVICE_METADATA = 'device';

export class ChecksumMismatchError extends Error {
  constructor() {
    super('Tệp tải lên không khớp mã SHA-256 đã khai báo: tệp đã bị huỷ, máy trạm sẽ gửi lại.');
    this.name = 'ChecksumMismatchError';
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class CentreBlobStore {
  readonly uploadsDir: string;

  constructor(
    readonly root: string,
    private readonly storage: CentreStorage,
    private readonly now: () => number,
  ) {
    this.uploadsDir = join(root, 'uploads');
  }

  /**
   * Removes what a crash left of single-request uploads (PUT). Unlike tus uploads they are never
   * resumed, so at start, before any request, every one of them is garbage. Returns how many went.
   */
  async sweepAbandonedPuts(): Promise<number> {
    const names = await readdir(this.uploadsDir).catch(() => [] as string[]);
    const abandoned = names.filter((name) => name.startsWith(PUT_PREFIX));
    await Promise.all(abandoned.map((name) => unlink(join(this.uploadsDir, name)).catch(() => undefined)));
    return abandoned.length;
  }

  pathOf(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  /** Whether the unit holds the scan at the centre (another unit's scans count as absent). */
  has(sha256: string, unitGso: string): Promise<boolean> {
    return this.storage.hasBlob(sha256, unitGso);
  }

  /**
   * Stores a small scan received whole in one request (PUT): hashed in memory, so bytes that do not
   * match are never written; otherwise written, flushed and moved into place like an adopted upload.
   */
  async adoptBytes(bytes: Uint8Array, expectedSha256: string, deviceId: string): Promise<'stored' | 'duplicate'> {
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== expectedSha256) throw new ChecksumMismatchError();
    const target = this.pathOf(actual);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(this.uploadsDir, { recursive: true });
      // A name of its own per request: two desks sending the same scan at once never share a file.
      const partial = join(this.uploadsDir, `${PUT_PREFIX}${actual}-${randomUUID()}`);
      try {
        const handle = await open(partial, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await mkdir(dirname(target), { recursive: true });
        await rename(partial, target);
      } catch (error) {
        // A full disk or a failed rename: no half file stays behind (after the rename this is a no-op).
        await unlink(partial).catch(() => undefined);
        throw error;
      }
      await fsyncPath(dirname(target));
    }
    const recorded = await this.storage.recordBlob({ sha256: actual, size: bytes.byteLength, storedAt: new Date(this.now()).toISOString(), deviceId });
    // 'stored' also when the bytes were there from another unit: the answer never tells a desk so.
    return recorded ? 'stored' : 'duplicate';
  }

  /**
   * Checks a finished upload against its announced SHA-256 and moves it into the store (or drops it
   * if the store already has those bytes). Throws ChecksumMismatchError after deleting a bad upload.
   */
  async adopt(uploadFile: string, expectedSha256: string, deviceId: string): Promise<'stored' | 'duplicate'> {
    const actual = await sha256OfFile(uploadFile);
    if (actual !== expectedSha256) {
      await unlink(uploadFile).catch(() => undefined);
      throw new ChecksumMismatchError();
    }
    const target = this.pathOf(actual);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (exists) {
      await unlink(uploadFile).catch(() => undefined);
    } else {
      await mkdir(dirname(target), { recursive: true });
      await fsyncPath(uploadFile);
      await rename(uploadFile, target);
      await fsyncPath(dirname(target));
    }
    const size = (await stat(target)).size;
    const recorded = await this.storage.recordBlob({ sha256: actual, size, storedAt: new Date(this.now()).toISOString(), deviceId });
    return recorded && !exists ? 'stored' : 'duplicate';
  }
}
