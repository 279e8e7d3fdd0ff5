import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/contract/commands.js';
import { DeskEventBus } from '../../../electron/core/event-bus.js';
import { createWebHost, listenOnLoopback } from '../../../electron/webhost/server.js';
import { startHttpDesk, type HttpDesk } from '../../support/clients.js';
import { startTestCore } from '../../support/core-fixture.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** A raw request, so tests can send what fetch would refuse (foreign Host header, odd paths). */
function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host', () => {
  let core: ReturnType<typeof startTestCore>;
  let desk: HttpDesk;
  const renderer = makeTempDir('desk-renderer-');

  beforeAll(async () => {
    mkdirSync(join(renderer.path, 'assets'));
    writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    writeFileSync(join(renderer.path, 'assets', 'app.js'), 'console.log(1)');
    core = startTestCore();
    desk = await startHttpDesk(core, renderer.path);
  });
  afterAll(async () => {
    await desk.close();
    core.dispose();
    renderer.remove();
  });

  const port = () => Number(new URL(desk.baseUrl).port);
  const invoke = (body: string, headers: Record<string, string>) =>
    fetch(`${desk.baseUrl}/api/invoke/app.info`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('refuses a call without the token with 401', async () => {
    const response = await invoke('{}', {});
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('refuses a wrong token with 401', async () => {
    const response = await invoke('{}', { authorization: `Bearer ${desk.token}x` });
    expect(response.status).toBe(401);
  });

  it('answers app.info with the token', async () => {
    const response = await invoke('{}', { authorization: `Bearer ${desk.token}` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: { version: string } };
    expect(body.ok).toBe(true);
    expect(body.value.version).toBe('0.0.0-test');
  });

  it('answers bad JSON with a 400 envelope, never a stack trace', async () => {
    const response = await invoke('{"oops', { authorization: `Bearer ${desk.token}` });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'Nội dung gửi lên không phải JSON hợp lệ.' } });
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers a schema failure with 400 and an unknown command with 404', async () => {
    expect((await invoke('{"x":1}', { authorization: `Bearer ${desk.token}` })).status).toBe(400);
    const unknown = await fetch(`${desk.baseUrl}/api/invoke/nope.nope`, { method: 'POST', headers: { authorization: `Bearer ${desk.token}` } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown_command');
  });

  it('refuses bodies over 1 MB', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) });
    const response = await invoke(big, { authorization: `Bearer ${desk.token}` });
    expect(response.status).toBe(400);
  });

  it('serves the page with the token in a meta tag and a strict CSP', async () => {
    const response = await fetch(`${desk.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await response.text()).toContain(`<meta name="desk-token" content="${desk.token}">`);
    const asset = await fetch(`${desk.baseUrl}/assets/app.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    for (const path of ['/../../etc/passwd', '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd.txt', '/%00.js']) {
      const response = await rawGet(port(), path);
      expect(response.body).not.toContain('root:');
      expect([404, 503, 200]).toContain(response.status);
      if (response.status === 200) expect(response.body).toContain('desk-token'); // the SPA page, not a file outside
    }
  });

  it('answers only to loopback host names (DNS-rebinding guard)', async () => {
    expect((await rawGet(port(), '/', { host: 'evil.example' })).status).toBe(421);
    expect((await rawGet(port(), '/', { host: `localhost:${port()}` })).status).toBe(200);
  });

  it('streams core events as server-sent events to a client holding the token', async () => {
    const controller = new AbortController();
    const response = await fetch(`${desk.baseUrl}/api/events`, { headers: { authorization: `Bearer ${desk.token}` }, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    core.events.publish('dossiers.changed', { dossierIds: ['01J0000000000000000000000A'] });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('event: dossiers.changed\ndata: {"dossierIds":["01J0000000000000000000000A"]}\n\n');
    controller.abort();
  });

  it('turns a handler crash into a generic 500 envelope without details', async () => {
    const handlers = {
      'app.info': () => {
        throw new Error('secret detail: /home/officer/.db at line 42');
      },
    } as unknown as Handlers;
    const server = createWebHost({ handlers, events: new DeskEventBus(), rendererDir: renderer.path, token: 'a-long-enough-token' });
    const crashPort = await listenOnLoopback(server, 0);
    const quiet = { error: () => undefined };
    const original = console.error;
    console.error = quiet.error;
    try {
      const response = await fetch(`http://127.0.0.1:${crashPort}/api/invoke/app.info`, { method: 'POST', headers: { authorization: 'Bearer a-long-enough-token' } });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text).error.code).toBe('internal');
      expect(text).not.toContain('secret detail');
    } finally {
      console.error = original;
      server.close();
    }
  });
});
