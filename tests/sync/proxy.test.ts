import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCentreNetwork } from '../../electron/core/sync/node-centre-network.js';
import { SYNC_FAILURE_MESSAGES } from '../../electron/core/sync/sync-failure.js';
import { describeSync } from '../../renderer/features/shell/components/describe-sync.js';
import type { CommandErrorData } from '../../shared/contract/errors.js';
import type { SyncStatus } from '../../shared/contract/events.js';
import { BLOB_PUT_MAX_BYTES } from '../../shared/sync/protocol.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../support/entry-builds.js';
import { makeTempDir } from '../support/temp-dir.js';
import { makeTestCertificates, type TestCertificates } from '../support/test-certificates.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { ConnectProxy } from './support/connect-proxy.js';
import { centreLog } from './support/inspect.js';
import { sha256Of } from './support/scans.js';
import { openSyncDesk, UNITS } from './support/sync-desk.js';
import type { TlsDeskOutcome } from './support/tls-desk-child.js';

// A desk behind a ward's proxy, under Node: with HTTPS_PROXY set, enrollment, the dossier's events,
// a small scan (one PUT) and a large one (tus, > 1 MiB) all go through a real CONNECT proxy on
// loopback to an HTTPS centre, end-to-end TLS inside the tunnels; NO_PROXY sends the same traffic
// direct; a proxy that refuses (407, 403) is named, with its code, in the status bar's sync line and
// beside the enrollment form. The desks that read the variables at start run as child processes,
// like a desk started with them (NODE_EXTRA_CA_CERTS, too, is read only at process start).

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Larger than the one-request limit: goes by tus. */
const LARGE_SCAN_BYTES = 1_300_000;
const SMALL_SCAN_BYTES = 200_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function deskInChild(env: Record<string, string>): Promise<TlsDeskOutcome> {
  // Nothing of the parent's proxy or trust settings leaks into the desk: each test says its own.
  const { NODE_EXTRA_CA_CERTS: _ca, HTTPS_PROXY: _a, https_proxy: _b, HTTP_PROXY: _c, http_proxy: _d, NO_PROXY: _e, no_proxy: _f, ...parentEnv } = process.env;
  const { stdout } = await run(process.execPath, [...BUILT_ENTRY_EXEC_ARGV, builtEntry('tls-desk-child')], {
    cwd: ROOT,
    env: { ...parentEnv, ...env },
    timeout: 90_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as TlsDeskOutcome;
}

describe('sync through a ward proxy (Node: HTTPS_PROXY / NO_PROXY)', () => {
  let pki: TestCertificates;
  let centre: CentreProcess;
  let centreDir: string;
  let codes: string[];
  let proxy: ConnectProxy;
  /** The data folder of the desk enrolled through the proxy (reused below with a refusing one). */
  let proxiedDeskDir: string;

  beforeAll(async () => {
    expect(LARGE_SCAN_BYTES).toBeGreaterThan(BLOB_PUT_MAX_BYTES);
    expect(SMALL_SCAN_BYTES).toBeLessThan(BLOB_PUT_MAX_BYTES);
    pki = makeTestCertificates();
    const dir = makeTempDir('centre-proxy-');
    centreDir = dir.path;
    cleanups.push(() => pki.remove(), () => dir.remove());
    codes = await prepareCentre(centreDir, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 3 },
    ]);
    centre = await startCentre({ dataDir: centreDir, tls: { certPath: pki.certPath, keyPath: pki.keyPath } });
    cleanups.push(() => centre.stop());
    proxy = await new ConnectProxy().listen();
    cleanups.push(() => proxy.close());
  });

  const storedAtCentre = (sha: string): string => sha256Of(readFileSync(join(centreDir, 'blobs', 'sha256', sha.slice(0, 2), sha)));

  it('enrolls, pushes a dossier and sends a small and a large scan, all through the proxy tunnels', async () => {
    const deskDir = makeTempDir('desk-proxied-');
    cleanups.push(() => deskDir.remove());
    proxiedDeskDir = deskDir.path;
    const outcome = await deskInChild({
      DESK_DATA_DIR: deskDir.path,
      CENTRE_URL: centre.url,
      ENROLL_CODE: codes[0]!,
      NODE_EXTRA_CA_CERTS: pki.caPath,
      HTTPS_PROXY: proxy.url,
      SMALL_SCAN_BYTES: String(SMALL_SCAN_BYTES),
    });
    expect(outcome.enroll).toMatchObject({ ok: true });
    expect(outcome.status).toMatchObject({ pendingEvents: 0, pendingScans: 0, lastError: null });
    expect(centreLog(centreDir).filter((row) => row.dossierId === outcome.dossierId).length).toBeGreaterThanOrEqual(3);
    expect(storedAtCentre(outcome.scanSha256!)).toBe(outcome.scanSha256);
    expect(storedAtCentre(outcome.smallScanSha256!)).toBe(outcome.smallScanSha256);

    // Every connection to the centre was a tunnel through the proxy, and both scans' bytes crossed it.
    const centreHost = new URL(centre.url).host;
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([centreHost]));
    expect(proxy.bytesUp).toBeGreaterThan(LARGE_SCAN_BYTES + SMALL_SCAN_BYTES);
    expect(proxy.plainRequests).toBe(0);
    console.info(`through the proxy: ${proxy.tunnels.length} tunnel(s), ${(proxy.bytesUp / 1024 / 1024).toFixed(2)} MiB sent`);
  });

  it('NO_PROXY naming the centre sends everything direct: the proxy sees no tunnel', async () => {
    const deskDir = makeTempDir('desk-no-proxy-');
    cleanups.push(() => deskDir.remove());
    const tunnelsBefore = proxy.tunnels.length;
    const outcome = await deskInChild({
      DESK_DATA_DIR: deskDir.path,
      CENTRE_URL: centre.url,
      ENROLL_CODE: codes[1]!,
      DESK_STATION: '2',
      NODE_EXTRA_CA_CERTS: pki.caPath,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: 'localhost,127.0.0.1',
    });
    expect(outcome.enroll).toMatchObject({ ok: true });
    expect(outcome.status).toMatchObject({ pendingEvents: 0, pendingScans: 0, lastError: null });
    expect(storedAtCentre(outcome.scanSha256!)).toBe(outcome.scanSha256);
    expect(proxy.tunnels.length).toBe(tunnelsBefore);
  });

  it('a proxy that wants credentials (407) is named with its code in the status bar; nothing is lost', async () => {
    const refusing = await new ConnectProxy({ refuseWith: 407 }).listen();
    cleanups.push(() => refusing.close());
    const desk = await openSyncDesk({ unit: 'hongGai', station: 1, dataDir: proxiedDeskDir, centreNetwork: nodeCentreNetwork({ HTTPS_PROXY: refusing.url }) });
    await desk.receiveDossier();
    const status: SyncStatus = await desk.syncNow();
    desk.close();
    expect(refusing.tunnels).toContain(new URL(centre.url).host);
    expect(status.state).toBe('error');
    expect(status.pendingEvents).toBeGreaterThan(0);
    expect(status.lastError).toContain(`proxy của mạng (${refusing.host})`);
    expect(status.lastError).toContain('mã 407');
    // The status bar's sync line carries it (the 'error' headline includes the last error).
    expect(describeSync(status)).toContain('mã 407');
  });

  it('a proxy that takes the tunnel request and never answers costs one request timeout, not a hung sync', async () => {
    const silent = await new ConnectProxy({ silent: true }).listen();
    cleanups.push(() => silent.close());
    const desk = await openSyncDesk({ unit: 'hongGai', station: 1, dataDir: proxiedDeskDir, centreNetwork: nodeCentreNetwork({ HTTPS_PROXY: silent.url }) });
    const startedAt = Date.now();
    const status = await desk.syncNow();
    desk.close();
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect(silent.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(status.state).toBe('offline');
    expect(status.lastError).toBe(SYNC_FAILURE_MESSAGES.timeout);
  });

  it('enrolling through a proxy that forbids the centre (403) says so beside the address, and the code stays unused', async () => {
    const refusing = await new ConnectProxy({ refuseWith: 403 }).listen();
    cleanups.push(() => refusing.close());
    const desk = await openSyncDesk({ unit: 'hongGai', station: 3, centreNetwork: nodeCentreNetwork({ HTTPS_PROXY: refusing.url }) });
    cleanups.push(() => desk.dispose());
    const refused = await desk.raw('sync.enroll', { centreUrl: centre.url, code: codes[2]!, deviceName: 'Quầy 3' });
    expect(refused.ok).toBe(false);
    const error = (refused as { ok: false; error: CommandErrorData }).error;
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('mã 403');
    expect(error.message).toContain(refusing.host);
    expect((await desk.call('sync.status', {})).state).toBe('not_configured');
  });
});
