import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/security/content-security-policy.js';
import { installAppProtocol, registerAppScheme, serveAppUrl } from '../../../electron/main/protocol.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { protocol, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// <tmp>/renderer is what the app serves; <tmp>/secret.txt and <tmp>/renderer-private/ must stay unreachable.
const SECRET = 'CCCD 001099012345 — không được lộ';
let tmp: ReturnType<typeof makeTempDir>;
let rendererDir: string;

beforeAll(() => {
  tmp = makeTempDir('app-protocol-');
  rendererDir = join(tmp.path, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Một cửa</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("desk")');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(tmp.path, 'secret.txt'), SECRET);
  mkdirSync(join(tmp.path, 'renderer-private'));
  writeFileSync(join(tmp.path, 'renderer-private', 'secret.txt'), SECRET);
});
afterAll(() => tmp.remove());

describe('serveAppUrl: files inside the renderer folder', () => {
  it('serves index.html with the strict CSP and its MIME type', async () => {
    const response = await serveAppUrl(rendererDir, 'app://desk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Một cửa</title>');
  });

  it('serves the site root as index.html', async () => {
    const response = await serveAppUrl(rendererDir, 'app://desk/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Một cửa');
  });

  it('answers scripts and styles with their own MIME types (module scripts refuse anything else)', async () => {
    const script = await serveAppUrl(rendererDir, 'app://desk/assets/index-abc.js?v=1');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const style = await serveAppUrl(rendererDir, 'app://desk/assets/index-abc.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});

describe('serveAppUrl: the traversal guard', () => {
  const escapes = [
    'app://desk/../secret.txt',
    'app://desk/../../etc/passwd',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/%2E%2E/%2e%2e/etc/passwd',
    'app://desk/..%2fsecret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/%2e%2e%2fsecret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/index.html%00.js',
    'app://desk/../renderer-private/secret.txt',
    'app://desk/%2e%2e/renderer-private/secret.txt',
    'app://desk/%E0%A4%A',
  ];

  it.each(escapes)('refuses %s with a 404 and never the file', async (url) => {
    const response = await serveAppUrl(rendererDir, url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('would serve that same secret if it were inside the folder (the 404s come from the guard, not a broken server)', async () => {
    writeFileSync(join(rendererDir, 'secret.txt'), SECRET);
    try {
      const response = await serveAppUrl(rendererDir, 'app://desk/secret.txt');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(SECRET);
    } finally {
      rmSync(join(rendererDir, 'secret.txt'));
    }
  });

  it('refuses other hosts and schemes', async () => {
    for (const url of ['app://evil/index.html', 'app://desk.evil/index.html', 'file:///etc/passwd', 'https://desk/index.html', 'nonsense']) {
      expect((await serveAppUrl(rendererDir, url)).status, url).toBe(404);
    }
  });

  it('answers a folder or a missing file with a 404', async () => {
    expect((await serveAppUrl(rendererDir, 'app://desk/assets')).status).toBe(404);
    expect((await serveAppUrl(rendererDir, 'app://desk/assets/missing.js')).status).toBe(404);
  });
});

describe('registering the app scheme', () => {
  beforeEach(resetFakeElectron);

  it('declares app:// standard, secure and fetch-capable, and nothing more', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('routes app:// requests to the renderer folder', async () => {
    installAppProtocol(rendererDir);
    expect(protocol.handle).toHaveBeenCalledOnce();
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (request: { url: string }) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handler({ url: 'app://desk/index.html' })).status).toBe(200);
    expect((await handler({ url: 'app://desk/../secret.txt' })).status).toBe(404);
  });
});
