import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { tooLarge } from './blob-errors.js';

// The durable-file steps the blob store is built from: fsync of a file and of a folder, a temp file
// written and fsync'd in the background, and SHA-256 computed so that it overlaps with I/O in flight
// (libuv's thread pool does the I/O; the hash runs here) instead of adding to it.

export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** ~0.1 ms of SHA-256: short enough that a finished write or fsync waits little for its next step. */
const HASH_SLICE_BYTES = 128 * 1024;
/** Read-back chunk: hashing one (~0.35 ms) takes about as long as reading the next. */
const READ_CHUNK_BYTES = 512 * 1024;

const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** SHA-256 of `bytes`, giving the event loop a turn between slices so I/O in flight keeps moving. */
export async function hashYielding(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let offset = 0; offset < bytes.length; offset += HASH_SLICE_BYTES) {
    if (offset > 0) await yieldToIo();
    hash.update(bytes.subarray(offset, offset + HASH_SLICE_BYTES));
  }
  return hash.digest('hex');
}

/**
 * Reads a whole file (one this store just wrote) and hashes it on the way: each chunk is hashed while
 * the next one is being read.
 */
export async function readHashing(path: string, maxBytes?: number): Promise<{ bytes: Buffer; sha256: string }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (maxBytes !== undefined && size > maxBytes) throw tooLarge(maxBytes);
    // allocUnsafe above 4 KB owns its ArrayBuffer: pdf-lib, if it has to, reads it without a copy.
    const bytes = Buffer.allocUnsafe(size);
    const hash = createHash('sha256');
    let hashed = 0;
    let filled = 0;
    while (filled < size) {
      const reading = handle.read(bytes, filled, Math.min(READ_CHUNK_BYTES, size - filled), filled);
      if (hashed < filled) hash.update(bytes.subarray(hashed, filled));
      hashed = filled;
      const { bytesRead } = await reading;
      if (bytesRead === 0) throw new Error('the temp file shrank while being read');
      filled += bytesRead;
    }
    hash.update(bytes.subarray(hashed, filled));
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/**
 * Writes `bytes` to a new file and fsyncs it, started at once and awaited later (`done`). `abandon()`
 * before the fsync skips it: the file is about to be removed, its durability is worth nothing.
 */
export function writeTempFile(path: string, bytes: Uint8Array): { done: Promise<void>; abandon(): void } {
  let wanted = true;
  const done = (async () => {
    const handle = await open(path, 'wx');
    try {
      for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
      if (wanted) await handle.sync();
    } finally {
      await handle.close();
    }
  })();
  done.catch(() => undefined); // awaited (and reported) by the caller; not an unhandled rejection meanwhile
  return { done, abandon: () => void (wanted = false) };
}
