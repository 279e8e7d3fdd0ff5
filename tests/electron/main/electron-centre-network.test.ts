import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { uploadBlob } from '../../../electron/core/sync/blob-uploader.js';
import { CentreClient } from '../../../electron/core/sync/centre-client.js';
import { SyncFailure } from '../../../electron/core/sync/sync-failure.js';
import { electronCentreNetwork } from '../../../electron/main/electron-centre-network.js';
import { startTestCentre, type TestCentre } from '../../server/support/test-centre.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { net, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// The packaged desk's network adapter (Electron's net) against a real centre on loopback, with net's
// request played by Node's http: small scans by fetch, a large one streamed by tus in parts; and
// Chromium's failures (a proxy's refusal or login, an untrusted certificate) named as the core's kinds.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('electronCentreNetwork', { timeout: 30_000 }, () => {
  let centre: TestCentre;
  let token: string;
  const files = makeTempDir('net-blobs-');

  beforeAll(async () => {
    centre = await startTestCentre();
    token = (await centre.enroll('06691', 1, 'desk-net')).token;
  });
  afterAll(async () => {
    await centre.close();
    files.remove();
  });
  beforeEach(() => resetFakeElectron());
  afterEach(() => vi.restoreAllMocks());

  const client = () => new CentreClient({ baseUrl: centre.url, token, timeoutMs: 5_000, fetch: electronCentreNetwork().fetch }, Date.now);

  function scan(size: number): { sha256: string; path: string; size: number } {
    const bytes = randomBytes(size);
    const path = join(files.path, `${sha256(bytes)}.bin`);
    writeFileSync(path, bytes);
    return { sha256: sha256(bytes), path, size };
  }

  const upload = (blob: { sha256: string; path: string; size: number }, progress: number[] = []) =>
    uploadBlob({
      centreUrl: centre.url,
      token,
      blob,
      uploadUrl: null,
      onUploadUrl: () => undefined,
      onProgress: (sent) => progress.push(sent),
      stallTimeoutMs: 5_000,
      signal: new AbortController().signal,
      retryDelays: [],
      httpStack: electronCentreNetwork().tusHttpStack,
    });

  it('sends a small scan by fetch and a large one by tus through net, and the centre holds both', async () => {
    const small = scan(200_000);
    expect(await client().putBlob(small.sha256, readFileSync(small.path))).toBe('done');
    expect(net.fetch).toHaveBeenCalled();

    const large = scan(1_300_000);
    const progress: number[] = [];
    await upload(large, progress);
    expect(net.request).toHaveBeenCalled();
    expect(progress.at(-1)).toBe(large.size);
    expect(await client().missingBlobs([small.sha256, large.sha256])).toEqual([]);
    const stored = join(centre.dataDir, 'blobs', 'sha256', large.sha256.slice(0, 2), large.sha256);
    expect(sha256(readFileSync(stored))).toBe(large.sha256);
  });

  it.each([
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'certificate'],
    ['net::ERR_CONNECTION_REFUSED', 'offline'],
  ])('names Chromium’s %s as a %s failure', async (chromium, kind) => {
    net.fetch.mockRejectedValueOnce(new Error(chromium));
    const failure = await client().missingBlobs(['a'.repeat(64)]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect((failure as SyncFailure).kind).toBe(kind);
    if (kind === 'proxy') expect((failure as SyncFailure).message).toContain(chromium);
  });

  it('a proxy asking for credentials during an upload is named with its address and 407', async () => {
    net.request.mockImplementationOnce(() => {
      const request = Object.assign(new EventEmitter(), {
        chunkedEncoding: false,
        setHeader: () => undefined,
        write: (_chunk: unknown, _encoding: unknown, done?: () => void) => done?.(),
        end: () => request.emit('login', { isProxy: true, scheme: 'basic', host: 'proxy.phuong.vn', port: 3128, realm: 'phuong' }, () => undefined),
        abort: () => undefined,
      });
      return request as never;
    });
    const failure = await upload(scan(1_100_000)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect((failure as SyncFailure).kind).toBe('proxy');
    expect((failure as SyncFailure).message).toContain('proxy.phuong.vn:3128');
    expect((failure as SyncFailure).message).toContain('mã 407');
  });
});
