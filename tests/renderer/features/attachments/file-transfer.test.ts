import { describe, expect, it } from 'vitest';
import { createHttpFileTransfer } from '../../../../renderer/features/attachments/transfer/file-transfer.js';

// The page's byte transport: raw uploads with the bearer token and a percent-encoded name, verified
// blob downloads, and the web host's error envelopes passed through as they are.

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(answer: (url: string) => Response): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const impl = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    seen.push({ url, init });
    return Promise.resolve(answer(url));
  };
  return { fetch: impl as typeof fetch, seen };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HTTP file transfer', () => {
  it('uploads the file itself as the body, with the token and the name percent-encoded', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { ok: true, value: { uploadId: 'u'.repeat(24), sha256: 'a'.repeat(64), size: 8, mediaType: 'application/pdf' } }));
    const transfer = createHttpFileTransfer({ token: 'bí-mật', baseUrl: 'http://127.0.0.1:5180', fetch });
    const file = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    const answer = await transfer.upload(file, 'Tờ khai.pdf');
    expect(answer).toMatchObject({ ok: true, value: { size: 8 } });
    expect(seen[0]?.url).toBe('http://127.0.0.1:5180/api/uploads');
    expect(seen[0]?.init?.method).toBe('POST');
    expect(seen[0]?.init?.body).toBe(file);
    expect(seen[0]?.init?.headers).toMatchObject({ authorization: 'Bearer bí-mật', 'x-file-name': 'T%E1%BB%9D%20khai.pdf', 'content-type': 'application/pdf' });
  });

  it('passes the host’s refusal through, and says when the host cannot be reached', async () => {
    const refused = createHttpFileTransfer({ token: 't', fetch: fakeFetch(() => json(400, { ok: false, error: { code: 'invalid_argument', message: 'Tệp quá lớn: tối đa 100 MB mỗi tệp.' } })).fetch });
    expect(await refused.upload(new Blob(['x']), 'lon.pdf')).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'Tệp quá lớn: tối đa 100 MB mỗi tệp.' } });
    const down = createHttpFileTransfer({ token: 't', fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch });
    expect((await down.fetchBlob('a'.repeat(64))).ok).toBe(false);
  });

  it('reads a blob with the token in a header (never in the URL), and reports damage as storage_failure', async () => {
    const { fetch, seen } = fakeFetch((url) =>
      url.endsWith('b'.repeat(64)) ? json(500, { ok: false, error: { code: 'storage_failure', message: 'Tệp bị hỏng.' } }) : new Response('%PDF-1.7', { status: 200 }),
    );
    const transfer = createHttpFileTransfer({ token: 'tok', fetch });
    const good = await transfer.fetchBlob('a'.repeat(64));
    expect(good.ok && (await good.value.text())).toBe('%PDF-1.7');
    expect(seen[0]?.url).toBe(`/api/blobs/${'a'.repeat(64)}`);
    expect(seen[0]?.init?.headers).toEqual({ authorization: 'Bearer tok' });
    expect(await transfer.fetchBlob('b'.repeat(64))).toEqual({ ok: false, error: { code: 'storage_failure', message: 'Tệp bị hỏng.' } });
  });
});
