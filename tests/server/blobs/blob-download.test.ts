import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../../shared/sync/protocol.js';
import { startTestCentre, type TestCentre } from '../support/test-centre.js';

// GET /v1/blobs/<sha256>: a desk of the scan's unit gets the bytes back, whole or from an offset (a
// download cut off resumes); a device of another unit, or a hash the centre does not hold, is refused
// with a code, at once, and the refused device's other requests go on as usual.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('scan downloads', { timeout: 30_000 }, () => {
  let centre: TestCentre;
  let own: string;
  let sameUnit: string;
  let otherUnit: string;
  const bytes = randomBytes(300_000);
  const sha = sha256(bytes);

  const get = (token: string, path: string, headers: Record<string, string> = {}) =>
    fetch(new URL(path, centre.url), { headers: { authorization: `Bearer ${token}`, ...headers } });

  beforeAll(async () => {
    centre = await startTestCentre();
    own = (await centre.enroll('06691', 1, 'desk-a')).token;
    sameUnit = (await centre.enroll('06691', 2, 'desk-b')).token;
    otherUnit = (await centre.enroll('06649', 1, 'desk-c')).token;
    const put = await fetch(new URL(blobPath(sha), centre.url), { method: 'PUT', headers: { authorization: `Bearer ${own}`, 'content-type': 'application/octet-stream' }, body: bytes });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await centre?.close();
  });

  it('gives a desk of the unit the very bytes, named by their SHA-256 as ETag', async () => {
    const answer = await get(sameUnit, blobPath(sha));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBe(`"${sha}"`);
    expect(answer.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(answer.headers.get('content-length'))).toBe(bytes.length);
    expect(sha256(Buffer.from(await answer.arrayBuffer()))).toBe(sha);
    // HEAD still answers an uploading desk's "is it there?" without the bytes.
    expect((await fetch(new URL(blobPath(sha), centre.url), { method: 'HEAD', headers: { authorization: `Bearer ${sameUnit}` } })).status).toBe(200);
  });

  it('resumes from an offset (206), and refuses a range beyond the end (416)', async () => {
    const rest = await get(sameUnit, blobPath(sha), { range: 'bytes=100000-' });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes 100000-${bytes.length - 1}/${bytes.length}`);
    expect(Buffer.from(await rest.arrayBuffer()).equals(bytes.subarray(100_000))).toBe(true);
    const middle = await get(sameUnit, blobPath(sha), { range: 'bytes=10-19' });
    expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    const beyond = await get(sameUnit, blobPath(sha), { range: `bytes=${bytes.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    expect(((await beyond.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    // A partial file of other bytes (If-Range with another validator) gets the whole scan again.
    const stale = await get(sameUnit, blobPath(sha), { range: 'bytes=100000-', 'if-range': '"0000"' });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it("refuses another unit's device and an unknown hash with not_found, and its other requests go on", async () => {
    const foreign = await get(otherUnit, blobPath(sha));
    expect(foreign.status).toBe(404);
    const body = (await foreign.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain('đơn vị');
    const unknown = await get(sameUnit, blobPath('ab'.repeat(32)));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
    // A path parameter that is no SHA-256 (upper case, too long) is refused before any lookup; a very
    // long one by the router's bound on parameters (414).
    for (const bad of ['AB'.repeat(32), 'a'.repeat(65)]) expect((await get(sameUnit, blobPath(bad))).status).toBe(400);
    expect((await get(sameUnit, blobPath('a'.repeat(5000)))).status).toBe(414);
    const [again, pull] = await Promise.all([get(otherUnit, blobPath(sha)), get(otherUnit, '/v1/sync/pull?after=0&limit=10')]);
    expect(again.status).toBe(404);
    expect(pull.status).toBe(200);
  });

  it('refuses a request without a device token', async () => {
    expect((await fetch(new URL(blobPath(sha), centre.url))).status).toBe(401);
  });
});
