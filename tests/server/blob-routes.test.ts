import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uploadBlob } from '../../electron/core/sync/blob-uploader.js';
import { CentreClient } from '../../electron/core/sync/centre-client.js';
import { SyncFailure } from '../../electron/core/sync/sync-failure.js';
import { CentreBlobStore } from '../../server/blobs/blob-store.js';
import { BLOB_PUT_MAX_BYTES, blobPath } from '../../shared/sync/protocol.js';
import { makeTempDir } from '../support/temp-dir.js';
import { startTestCentre, type TestCentre } from './support/test-centre.js';

// Scans by tus on the centre: verified against their SHA-256 when the last byte lands (a mismatch is
// refused and deleted), stored once, answered by HEAD, and continued only by the desk that began them.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('blob uploads', { timeout: 30_000 }, () => {
  let centre: TestCentre;
  const files = makeTempDir('blobs-');
  beforeEach(async () => {
    centre = await startTestCentre();
  });
  afterEach(async () => {
    await centre.close();
  });

  function file(bytes: Buffer): string {
    const path = join(files.path, `${sha256(bytes)}.bin`);
    writeFileSync(path, bytes);
    return path;
  }

  const upload = (token: string, blob: { sha256: string; path: string; size: number }, uploadUrl: string | null = null, onUrl: (url: string) => void = () => undefined) =>
    uploadBlob({
      centreUrl: centre.url,
      token,
      blob,
      uploadUrl,
      onUploadUrl: onUrl,
      onProgress: () => undefined,
      stallTimeoutMs: 5_000,
      signal: new AbortController().signal,
      retryDelays: [],
    });

  it('stores a verified upload once, under its SHA-256, and HEAD answers for it', async () => {
    const desk = await centre.enroll('06691', 1, 'desk-a');
    const bytes = randomBytes(700_000);
    const blob = { sha256: sha256(bytes), path: file(bytes), size: bytes.length };
    expect((await centre.request('HEAD', blobPath(blob.sha256), { token: desk.token })).status).toBe(404);
    await upload(desk.token, blob);
    expect((await centre.request('HEAD', blobPath(blob.sha256), { token: desk.token })).status).toBe(200);
    const stored = join(centre.dataDir, 'blobs', 'sha256', blob.sha256.slice(0, 2), blob.sha256);
    expect(sha256(readFileSync(stored))).toBe(blob.sha256);
    // Sent again (say, by another desk): still one copy, and the upload area is left empty.
    const other = await centre.enroll('06691', 2, 'desk-b');
    await upload(other.token, blob);
    expect(readdirSync(join(centre.dataDir, 'blobs', 'sha256', blob.sha256.slice(0, 2)))).toEqual([blob.sha256]);
    expect(readdirSync(join(centre.dataDir, 'blobs', 'uploads'))).toEqual([]);
    expect((await centre.request('HEAD', blobPath(blob.sha256))).status).toBe(401);
  });

  it('refuses and deletes bytes that do not match the SHA-256 they announce', async () => {
    const desk = await centre.enroll('06691', 1, 'desk-a');
    const bytes = randomBytes(300_000);
    const claimed = sha256(Buffer.from('something else'));
    const failure = await upload(desk.token, { sha256: claimed, path: file(bytes), size: bytes.length }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect(failure).toMatchObject({ kind: 'refused', status: 460 });
    expect((await centre.request('HEAD', blobPath(claimed), { token: desk.token })).status).toBe(404);
    expect(existsSync(join(centre.dataDir, 'blobs', 'sha256', claimed.slice(0, 2), claimed))).toBe(false);
    expect(readdirSync(join(centre.dataDir, 'blobs', 'uploads'))).toEqual([]);
  });

  it('an upload is continued only by the desk that began it, and never without a token', async () => {
    const a = await centre.enroll('06691', 1, 'desk-a');
    const b = await centre.enroll('06691', 2, 'desk-b');
    const created = await fetch(`${centre.url}/v1/blobs/uploads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${a.token}`,
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `sha256 ${Buffer.from('a'.repeat(64)).toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location')!, centre.url).toString();
    const headAs = (token: string | null) =>
      fetch(location, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', ...(token === null ? {} : { authorization: `Bearer ${token}` }) } });
    expect((await headAs(a.token)).status).toBe(200);
    expect((await headAs(b.token)).status).toBe(403);
    expect((await headAs(null)).status).toBe(401);
    const noSha = await fetch(`${centre.url}/v1/blobs/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, 'tus-resumable': '1.0.0', 'upload-length': '10' },
    });
    expect(noSha.status).toBe(400);
  });

  it('resumes from the offset the centre holds', async () => {
    const desk = await centre.enroll('06691', 1, 'desk-a');
    const bytes = randomBytes(2_000_000);
    const blob = { sha256: sha256(bytes), path: file(bytes), size: bytes.length };
    // Begin an upload and send the first half by hand, as if the line then broke.
    const created = await fetch(`${centre.url}/v1/blobs/uploads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${desk.token}`,
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': `sha256 ${Buffer.from(blob.sha256).toString('base64')}`,
      },
    });
    const location = new URL(created.headers.get('location')!, centre.url).toString();
    const half = await fetch(location, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${desk.token}`, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: bytes.subarray(0, 1_000_000),
    });
    expect(half.headers.get('upload-offset')).toBe('1000000');
    // The desk's uploader resumes at the centre's offset: it sends only the rest.
    let firstProgressAt: number | null = null;
    await uploadBlob({
      centreUrl: centre.url,
      token: desk.token,
      blob,
      uploadUrl: location,
      onUploadUrl: () => undefined,
      onProgress: (sent) => {
        firstProgressAt ??= sent;
      },
      stallTimeoutMs: 5_000,
      signal: new AbortController().signal,
      retryDelays: [],
    });
    expect(firstProgressAt).toBeGreaterThanOrEqual(1_000_000);
    expect((await centre.request('HEAD', blobPath(blob.sha256), { token: desk.token })).status).toBe(200);
  });
});

// A small scan in one plain request (PUT /v1/blobs/<sha256>): checked in memory before anything is
// written, stored once, and only up to BLOB_PUT_MAX_BYTES (bigger scans go by tus).
describe('small scans by PUT', { timeout: 30_000 }, () => {
  let centre: TestCentre;
  beforeEach(async () => {
    centre = await startTestCentre();
  });
  afterEach(async () => {
    await centre.close();
  });

  const clientOf = (token: string) => new CentreClient({ baseUrl: centre.url, token, timeoutMs: 5_000 }, Date.now);
  const storedAt = (sha: string) => join(centre.dataDir, 'blobs', 'sha256', sha.slice(0, 2), sha);
  const put = (token: string | null, sha: string, bytes: Buffer) =>
    fetch(new URL(blobPath(sha), centre.url), {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: new Uint8Array(bytes),
    });

  it('stores the bytes once under their SHA-256; a second desk sending them changes nothing', async () => {
    const a = await centre.enroll('06691', 1, 'desk-a');
    const bytes = randomBytes(200_000);
    const sha = sha256(bytes);
    expect(await clientOf(a.token).putBlob(sha, bytes)).toBe('done');
    expect(sha256(readFileSync(storedAt(sha)))).toBe(sha);
    expect(await clientOf(a.token).hasBlob(sha)).toBe(true);
    expect(await centre.storage.missingBlobs([sha])).toEqual([]);

    const b = await centre.enroll('06691', 2, 'desk-b');
    const again = await put(b.token, sha, bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ sha256: sha, stored: false });
    expect(readdirSync(join(centre.dataDir, 'blobs', 'sha256', sha.slice(0, 2)))).toEqual([sha]);
    // Nothing half-written is left where uploads wait.
    const uploads = join(centre.dataDir, 'blobs', 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it('leaves no half file when storing fails, and a restart sweeps what a crash left (tus uploads stay)', async () => {
    const blobsDir = join(centre.dataDir, 'blobs');
    const uploads = join(blobsDir, 'uploads');
    const store = new CentreBlobStore(blobsDir, centre.storage, Date.now);
    const bytes = randomBytes(10_000);
    const sha = sha256(bytes);
    // A file squatting where the target's folder goes makes the move fail after the bytes were written.
    mkdirSync(join(blobsDir, 'sha256'), { recursive: true });
    writeFileSync(join(blobsDir, 'sha256', sha.slice(0, 2)), 'not a folder');
    await expect(store.adoptBytes(bytes, sha, 'desk-x')).rejects.toThrow();
    expect(readdirSync(uploads).filter((name) => name.startsWith('put-'))).toEqual([]);

    // What a killed centre leaves: a PUT's file (garbage) beside a tus upload (to be resumed).
    writeFileSync(join(uploads, `put-${sha}-crashed`), bytes.subarray(0, 100));
    writeFileSync(join(uploads, 'tus-upload-id'), bytes.subarray(0, 100));
    expect(await store.sweepAbandonedPuts()).toBe(1);
    expect(readdirSync(uploads)).toEqual(['tus-upload-id']);
  });

  it('refuses bytes that do not match their SHA-256 (460, as tus does) and writes nothing', async () => {
    const a = await centre.enroll('06691', 1, 'desk-a');
    const bytes = randomBytes(50_000);
    const claimed = sha256(Buffer.from('something else'));
    const failure = await clientOf(a.token).putBlob(claimed, bytes).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect(failure).toMatchObject({ kind: 'refused', status: 460, centreCode: 'checksum_mismatch' });
    expect(existsSync(storedAt(claimed))).toBe(false);
    expect(await centre.storage.missingBlobs([claimed])).toEqual([claimed]);
  });

  it('needs a device token, a SHA-256 name, and stays within its size limit', async () => {
    const a = await centre.enroll('06691', 1, 'desk-a');
    const bytes = randomBytes(1_000);
    expect((await put(null, sha256(bytes), bytes)).status).toBe(401);
    expect((await put(a.token, 'not-a-sha', bytes)).status).toBe(400);
    const big = randomBytes(BLOB_PUT_MAX_BYTES + 1);
    expect((await put(a.token, sha256(big), big)).status).toBe(413);
    expect(existsSync(storedAt(sha256(big)))).toBe(false);
    // Exactly at the limit is fine.
    const largest = randomBytes(BLOB_PUT_MAX_BYTES);
    expect((await put(a.token, sha256(largest), largest)).status).toBe(200);
  });
});
