import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentreBlobStore } from '../../../server/blobs/blob-store.js';
import { ABANDONED_UPLOAD_AGE_MS, sweepUploads, UNADOPTED_UPLOAD_AGE_MS } from '../../../server/blobs/upload-recovery.js';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.js';
import { makeTempDir } from '../../support/temp-dir.js';

// What a killed centre left in its tus upload folder, swept: complete uploads adopted after their
// SHA-256 is checked (a mismatch deleted), partial ones removed once abandoned for the stated age.
// The uploads are made by tus's own file store; every file's age is set against a fixed clock.

const NOW = Date.parse('2026-03-02T03:00:00.000Z');
const HOUR = 3_600_000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('sweeping the scan upload folder', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let storage: SqliteStorage;
  let blobs: CentreBlobStore;
  let tus: FileStore;

  beforeEach(() => {
    dir = makeTempDir('upload-recovery-');
    storage = new SqliteStorage(join(dir.path, 'centre.sqlite'));
    blobs = new CentreBlobStore(join(dir.path, 'blobs'), storage, () => NOW);
    mkdirSync(blobs.uploadsDir, { recursive: true });
    tus = new FileStore({ directory: blobs.uploadsDir });
  });
  afterEach(async () => {
    await storage.close();
    dir.remove();
  });

  /** A tus upload of `bytes` announced as `announced`, `written` of them received, last written `ageMs` before NOW. */
  async function upload(id: string, bytes: Buffer, options: { announced?: string; written?: number; ageMs: number }): Promise<void> {
    await tus.create(new Upload({ id, size: bytes.length, offset: 0, metadata: { sha256: options.announced ?? sha256(bytes), device: 'desk-a' } }));
    await tus.write(Readable.from([bytes.subarray(0, options.written ?? bytes.length)]), id, 0);
    age(id, options.ageMs);
    age(`${id}.json`, options.ageMs);
  }

  function age(name: string, ms: number): void {
    const at = new Date(NOW - ms);
    utimesSync(join(blobs.uploadsDir, name), at, at);
  }

  const stored = (sha: string) => join(blobs.root, 'sha256', sha.slice(0, 2), sha);

  it('at start: adopts complete uploads, deletes one whose bytes miss their SHA-256, removes partial ones abandoned for a week', async () => {
    const good = randomBytes(300_000);
    const forged = randomBytes(200_000);
    await upload('complete', good, { ageMs: 1_000 });
    await upload('forged', forged, { announced: sha256(Buffer.from('autre chose')), ageMs: 1_000 });
    await upload('abandoned', randomBytes(100_000), { written: 40_000, ageMs: ABANDONED_UPLOAD_AGE_MS + HOUR });
    await upload('resumable', randomBytes(100_000), { written: 40_000, ageMs: ABANDONED_UPLOAD_AGE_MS - HOUR });
    // Bytes whose tus record is gone, and a record whose bytes are gone.
    writeFileSync(join(blobs.uploadsDir, 'stray-old'), randomBytes(10));
    age('stray-old', ABANDONED_UPLOAD_AGE_MS + HOUR);
    writeFileSync(join(blobs.uploadsDir, 'stray-new'), randomBytes(10));
    age('stray-new', HOUR);
    await upload('bodiless', randomBytes(10), { ageMs: ABANDONED_UPLOAD_AGE_MS + HOUR, written: 0 });
    unlinkSync(join(blobs.uploadsDir, 'bodiless'));

    const sweep = await sweepUploads(blobs, { now: NOW, completeAgeMs: 0 });

    expect(sweep).toEqual({ adopted: 1, discarded: 1, removed: 3, failed: 0 });
    expect(sha256(readFileSync(stored(sha256(good))))).toBe(sha256(good));
    expect(await storage.missingBlobs([sha256(good), sha256(forged)])).toEqual([sha256(forged)]);
    expect(existsSync(stored(sha256(forged)))).toBe(false);
    expect(readdirSync(blobs.uploadsDir).sort()).toEqual(['resumable', 'resumable.json', 'stray-new']);
    // What is left still resumes: tus knows it, at the offset it reached.
    expect(await tus.getUpload('resumable')).toMatchObject({ offset: 40_000, size: 100_000 });
  });

  it('while running: leaves a complete upload to the request that wrote it, adopts it once it has sat unadopted', async () => {
    const fresh = randomBytes(50_000);
    const orphaned = randomBytes(60_000);
    await upload('fresh', fresh, { ageMs: 60_000 });
    await upload('orphaned', orphaned, { ageMs: UNADOPTED_UPLOAD_AGE_MS + 60_000 });

    const sweep = await sweepUploads(blobs, { now: NOW, completeAgeMs: UNADOPTED_UPLOAD_AGE_MS });

    expect(sweep).toEqual({ adopted: 1, discarded: 0, removed: 0, failed: 0 });
    expect(await storage.missingBlobs([sha256(fresh), sha256(orphaned)])).toEqual([sha256(fresh)]);
    expect(readdirSync(blobs.uploadsDir).sort()).toEqual(['fresh', 'fresh.json']);
  });

  it('the same bytes already in the store: the upload is dropped, the store keeps one copy', async () => {
    const bytes = randomBytes(80_000);
    expect(await blobs.adoptBytes(bytes, sha256(bytes), 'desk-b')).toBe('stored');
    await upload('again', bytes, { ageMs: 1_000 });
    expect(await sweepUploads(blobs, { now: NOW, completeAgeMs: 0 })).toMatchObject({ adopted: 1 });
    expect(readdirSync(blobs.uploadsDir)).toEqual([]);
    expect(readdirSync(join(blobs.root, 'sha256', sha256(bytes).slice(0, 2)))).toEqual([sha256(bytes)]);
  });
});
