import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCentreArgs, parseTrustProxy } from '../../server/cli-args.js';
import { CentreTlsError, loadCentreTls } from '../../server/http/centre-tls.js';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { ADMIN, prepareCentre, startCentre, type CentreProcess } from '../sync/support/centre-process.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../support/entry-builds.js';
import { makeTempDir } from '../support/temp-dir.js';
import { makeTestCertificates, type TestCertificates } from '../support/test-certificates.js';

// The centre over TLS, for real: the CLI serves HTTPS from a certificate (flags or environment), refuses
// a missing, non-PEM or mismatched certificate with one readable sentence, believes X-Forwarded-Proto
// only from the proxies it was told to trust, and the dashboard's session cookie is Secure exactly
// when the browser's request came over HTTPS. Node's fetch (undici) trusts a private CA through
// NODE_EXTRA_CA_CERTS — proved in a child process, since the variable is read at process start.

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request over node:http(s), trusting `ca` when given (this process has no NODE_EXTRA_CA_CERTS). */
function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; ca?: Buffer } = {}): Promise<Answer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolveAnswer, reject) => {
    const req = send(target, { method: options.method ?? 'GET', headers: options.headers, ...(options.ca === undefined ? {} : { ca: options.ca }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The dashboard's sign-in form post; returns the Set-Cookie line (or null). */
async function signInCookie(baseUrl: string, headers: Record<string, string> = {}, ca?: Buffer): Promise<{ status: number; cookie: string | null }> {
  const answer = await call(`${baseUrl}/dashboard/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(ADMIN).toString(),
    ...(ca === undefined ? {} : { ca }),
  });
  const setCookie = answer.headers['set-cookie'];
  return { status: answer.status, cookie: setCookie === undefined ? null : [setCookie].flat().join('\n') };
}

/** Node's own fetch in a fresh process, with the environment given (NODE_EXTRA_CA_CERTS is read at start). */
async function fetchInChild(url: string, env: Record<string, string>): Promise<{ status?: number; body?: unknown; error?: string }> {
  const script = `fetch(${JSON.stringify(url)}).then(async (r) => console.log(JSON.stringify({ status: r.status, body: await r.json() })),
    (e) => console.log(JSON.stringify({ error: e.cause?.code ?? e.message })))`;
  const { NODE_EXTRA_CA_CERTS: _inherited, ...parentEnv } = process.env;
  const { stdout } = await run(process.execPath, ['-e', script], { env: { ...parentEnv, ...env } });
  return JSON.parse(stdout) as { status?: number; body?: unknown; error?: string };
}

/** Runs the centre CLI expecting it to refuse to start; returns what it printed on stderr. */
async function refusedStart(args: string[], env: Record<string, string> = {}): Promise<string> {
  try {
    await run(process.execPath, [...BUILT_ENTRY_EXEC_ARGV, builtEntry('centre'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 });
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    expect(failed.code).toBe(1);
    return failed.stderr ?? '';
  }
  throw new Error('the centre started although it should have refused');
}

/** A readable refusal: the sentence, and no stack trace. */
function expectOneSentence(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

let pki: TestCertificates;
beforeAll(() => {
  pki = makeTestCertificates();
});
afterAll(() => pki.remove());

describe('--trust-proxy takes an explicit list', () => {
  it('accepts addresses, CIDR ranges and proxy-addr names, and refuses "trust everyone"', () => {
    expect(parseTrustProxy('127.0.0.1, 10.20.0.0/16,::1,fd00::/8,loopback')).toEqual(['127.0.0.1', '10.20.0.0/16', '::1', 'fd00::/8', 'loopback']);
    for (const bad of ['true', '*', '0.0.0.0/0', '::/0', 'proxy.halong.gov.vn', '10.0.0.0/33', '127.0.0.1,', '']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/--trust-proxy/);
    }
  });

  it('is off unless given, by flag or by CENTRE_TRUST_PROXY, and TLS needs both files', () => {
    const saved = { ...process.env };
    try {
      delete process.env.CENTRE_TRUST_PROXY;
      delete process.env.CENTRE_TLS_CERT;
      delete process.env.CENTRE_TLS_KEY;
      expect(parseCentreArgs(['--data-dir', '/d'])).toMatchObject({ trustProxy: undefined, tls: undefined });
      expect(parseCentreArgs(['--data-dir', '/d', '--trust-proxy', '127.0.0.1']).trustProxy).toEqual(['127.0.0.1']);
      process.env.CENTRE_TRUST_PROXY = '10.0.0.2';
      process.env.CENTRE_TLS_CERT = '/etc/centre/cert.pem';
      process.env.CENTRE_TLS_KEY = '/etc/centre/key.pem';
      expect(parseCentreArgs(['--data-dir', '/d'])).toMatchObject({ trustProxy: ['10.0.0.2'], tls: { certPath: '/etc/centre/cert.pem', keyPath: '/etc/centre/key.pem' } });
      // A flag wins over the environment.
      expect(parseCentreArgs(['--data-dir', '/d', '--tls-cert', '/c.pem', '--tls-key', '/k.pem']).tls).toEqual({ certPath: '/c.pem', keyPath: '/k.pem' });
      delete process.env.CENTRE_TLS_KEY;
      expect(() => parseCentreArgs(['--data-dir', '/d'])).toThrow(/--tls-cert <pem> and --tls-key <pem> go together/);
    } finally {
      process.env = saved;
    }
  });
});

describe('loading the certificate', () => {
  it('names the file and the problem: missing, not PEM, a key of another certificate, expired', () => {
    const ok = loadCentreTls({ certPath: pki.certPath, keyPath: pki.keyPath });
    expect(ok.subject).toContain('CN=127.0.0.1');
    const attempt = (certPath: string, keyPath: string, nowMs?: number) => () => loadCentreTls({ certPath, keyPath }, nowMs);
    expect(attempt('/khong/co/tep.pem', pki.keyPath)).toThrow(new CentreTlsError('Không đọc được --tls-cert "/khong/co/tep.pem": không có tệp này.'));
    expect(attempt(pki.certPath, pki.dir)).toThrow(/Không đọc được --tls-key ".*": đây là một thư mục\./);
    expect(attempt(pki.keyPath, pki.keyPath)).toThrow(/không phải là chứng chỉ X\.509 dạng PEM/);
    expect(attempt(pki.certPath, pki.certPath)).toThrow(/không phải là khoá riêng dạng PEM/);
    expect(attempt(pki.certPath, pki.otherKeyPath)).toThrow(/không khớp với chứng chỉ/);
    expect(attempt(pki.certPath, pki.keyPath, Date.now() + 10 * 86_400_000)).toThrow(/đã hết hạn/);
  });
});

describe('the centre process over HTTPS', { timeout: 90_000 }, () => {
  const data = makeTempDir('centre-tls-data-');
  let centre: CentreProcess;
  beforeAll(async () => {
    await prepareCentre(data.path, []);
    centre = await startCentre({ dataDir: data.path, tls: { certPath: pki.certPath, keyPath: pki.keyPath } });
  });
  afterAll(async () => {
    await centre?.stop();
    data.remove();
  });

  it('announces an https:// address and answers the health route to a client that trusts the CA', async () => {
    expect(centre.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await call(`${centre.url}${SYNC_PATHS.health}`, { ca: readFileSync(pki.caPath) });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ ok: true, storage: 'sqlite' });
    // Plain HTTP on the same port gets no answer from the API.
    const clear = await call(`http://127.0.0.1:${centre.port}${SYNC_PATHS.health}`).then((a) => a.status, () => 'connection closed');
    expect(clear).not.toBe(200);
  });

  it("Node's fetch trusts the city's CA through NODE_EXTRA_CA_CERTS, and refuses the certificate without it", async () => {
    const trusted = await fetchInChild(`${centre.url}${SYNC_PATHS.health}`, { NODE_EXTRA_CA_CERTS: pki.caPath });
    expect(trusted).toMatchObject({ status: 200, body: { ok: true } });
    const untrusted = await fetchInChild(`${centre.url}${SYNC_PATHS.health}`, {});
    expect(untrusted.error).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('gives the dashboard session cookie the Secure attribute', async () => {
    const { status, cookie } = await signInCookie(centre.url, {}, readFileSync(pki.caPath));
    expect(status).toBe(303);
    expect(cookie).toMatch(/^motcua_dashboard=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict; Secure$/);
  });
});

describe('behind a TLS-terminating proxy', { timeout: 90_000 }, () => {
  const trustingData = makeTempDir('centre-proxy-data-');
  const plainData = makeTempDir('centre-plain-data-');
  let trusting: CentreProcess;
  let plain: CentreProcess;
  beforeAll(async () => {
    await prepareCentre(trustingData.path, []);
    await prepareCentre(plainData.path, []);
    // One told that the proxy on this machine is trusted, one not (the default).
    [trusting, plain] = await Promise.all([
      startCentre({ dataDir: trustingData.path, extraArgs: ['--trust-proxy', '127.0.0.1'] }),
      startCentre({ dataDir: plainData.path }),
    ]);
  }, 60_000); // two centre processes start here: seconds each on a loaded two-core machine
  afterAll(async () => {
    await trusting?.stop();
    await plain?.stop();
    trustingData.remove();
    plainData.remove();
  });

  it("believes a trusted proxy's X-Forwarded-Proto: the cookie is Secure only when the browser used https", async () => {
    expect(trusting.url).toMatch(/^http:\/\//);
    const viaProxy = await signInCookie(trusting.url, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
    expect(viaProxy.status).toBe(303);
    expect(viaProxy.cookie).toMatch(/; Secure$/);
    const proxiedHttp = await signInCookie(trusting.url, { 'x-forwarded-proto': 'http' });
    expect(proxiedHttp.cookie).not.toMatch(/Secure/);
    const direct = await signInCookie(trusting.url);
    expect(direct.cookie).not.toMatch(/Secure/);
  });

  it('ignores the header from anyone not listed: plain loopback HTTP never gets a Secure cookie', async () => {
    const forged = await signInCookie(plain.url, { 'x-forwarded-proto': 'https' });
    expect(forged.status).toBe(303);
    expect(forged.cookie).toMatch(/HttpOnly; SameSite=Strict$/);
    expect(forged.cookie).not.toMatch(/Secure/);
  });

  it("checks the sign-in form's origin against the host the browser saw (X-Forwarded-Host from the trusted proxy)", async () => {
    const origin = 'https://trungtam.halong.gov.vn';
    const forwarded = { origin, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'trungtam.halong.gov.vn' };
    expect((await signInCookie(trusting.url, forwarded)).status).toBe(303);
    // The same headers to a centre that trusts no proxy: the origin is not the host it was reached at.
    expect((await signInCookie(plain.url, forwarded)).status).toBe(403);
  });
});

describe('refusing to start', { timeout: 90_000 }, () => {
  const data = makeTempDir('centre-tls-refused-');
  afterAll(() => data.remove());

  it('says which file is wrong, in one sentence, with no stack trace', async () => {
    const serve = ['--data-dir', data.path, '--port', '0'];
    expectOneSentence(await refusedStart([...serve, '--tls-cert', join(pki.dir, 'khong-co.pem'), '--tls-key', pki.keyPath]), /Không đọc được --tls-cert ".*khong-co\.pem": không có tệp này\./);
    expectOneSentence(await refusedStart([...serve, '--tls-cert', pki.certPath, '--tls-key', pki.otherKeyPath]), /Khoá riêng ".*other\.key" không khớp với chứng chỉ ".*centre\.pem"/);
    expectOneSentence(await refusedStart([...serve, '--tls-cert', pki.certPath]), /--tls-cert <pem> and --tls-key <pem> go together/);
    expectOneSentence(await refusedStart([...serve, '--trust-proxy', 'true']), /--trust-proxy: "true" is not an IP address/);
    // The environment variables are read the same way.
    expectOneSentence(await refusedStart(serve, { CENTRE_TLS_CERT: pki.keyPath, CENTRE_TLS_KEY: pki.keyPath }), /không phải là chứng chỉ X\.509 dạng PEM/);
  });
});
