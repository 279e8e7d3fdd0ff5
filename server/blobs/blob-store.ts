import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CentreStorage } from '../storage/storage.js';

// Scans at the centre: a content-addressed store (files named by their SHA-256 under sha256/ab/…).
// A finished tus upload is hashed before it is adopted: bytes that do not match the SHA-256 the desk
// announced are deleted, never stored. The same bytes from two desks are stored once.

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

  pathOf(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  has(sha256: string): Promise<boolean> {
    return this.storage.hasBlob(sha256);
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
