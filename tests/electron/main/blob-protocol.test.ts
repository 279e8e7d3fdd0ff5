import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/security/content-security-policy.js';
import { installAppProtocol, serveAppUrl } from '../../../electron/main/protocol.js';
import { blobFilesOf } from '../../../electron/main/core-process-main.js';
import { handlersCaller } from '../../../electron/main/desk-shell.js';
import { openAttachmentDesk, receiveDossier, type AttachmentDesk } from '../../electron/core/attachments/support/attachment-desk.js';
import { pdfOf } from '../../electron/core/attachments/support/papers.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { protocol, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// app://desk/blobs/<sha256>: stored scans for the Electron window's viewer, served from a real desk
// core's blob store through the verified read. Failures answer the JSON envelope the viewer shows.

let desk: AttachmentDesk;
let tmp: ReturnType<typeof makeTempDir>;
let rendererDir: string;
let pdf: Buffer;
let sha: string;

beforeEach(async () => {
  resetFakeElectron();
  desk = await openAttachmentDesk();
  tmp = makeTempDir('blob-protocol-');
  rendererDir = join(tmp.path, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Một cửa</title>');
  pdf = await pdfOf(3);
  const source = join(tmp.path, 'to-khai.pdf');
  writeFileSync(source, pdf);
  const dossierId = await receiveDossier(desk);
  await desk.call('attachments.addFile', { dossierId, path: source, kind: 'intake', checklistItemId: 'to-khai' });
  sha = createHash('sha256').update(pdf).digest('hex');
});
afterEach(() => {
  desk.dispose();
  tmp.remove();
});

const blobUrl = (hash: string) => `app://desk/blobs/${hash}`;

describe('serving stored scans', () => {
  it('streams the verified bytes with their media type, never cached, sandboxed if opened as a page', async () => {
    const response = await serveAppUrl(rendererDir, blobUrl(sha), desk.core.attachments);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('answers a blob this machine does not have with a 404 and the Vietnamese message', async () => {
    const response = await serveAppUrl(rendererDir, blobUrl('f'.repeat(64)), desk.core.attachments);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('Không tìm thấy tệp đã số hoá') } });
  });

  it('refuses a damaged blob (bytes no longer match their hash) with a 500 that says so, and none of the bytes', async () => {
    const path = desk.core.attachments.blobs.pathOf(sha);
    chmodSync(path, 0o644);
    const damaged = Buffer.from(pdf);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
    writeFileSync(path, damaged);
    const response = await serveAppUrl(rendererDir, blobUrl(sha), desk.core.attachments);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'storage_failure', message: expect.stringContaining('bị hỏng trên ổ đĩa') } });
    expect(body).not.toContain('%PDF');
  });

  it('refuses names that are not a SHA-256, and never builds a path from the URL', async () => {
    for (const name of ['abc', sha.toUpperCase(), `${sha}.pdf`, `..%2f..%2fdesk.sqlite`, `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`]) {
      const response = await serveAppUrl(rendererDir, blobUrl(name), desk.core.attachments);
      expect(response.status, name).toBe(400);
    }
    // `..` segments are resolved by the URL parser before routing: the renderer folder's guard answers.
    expect((await serveAppUrl(rendererDir, 'app://desk/blobs/../../desk.sqlite', desk.core.attachments)).status).toBe(404);
  });

  it('serves citizens’ papers only while an officer is signed in', async () => {
    await desk.call('auth.signOut', {});
    const response = await serveAppUrl(rendererDir, blobUrl(sha), desk.core.attachments);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('%PDF');
  });

  it('still serves the renderer, with the strict CSP, beside the blobs', async () => {
    const page = await serveAppUrl(rendererDir, 'app://desk/index.html', desk.core.attachments);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('in the Electron app main reads the blob folder itself and asks the core (its process) whether an officer is signed in', async () => {
    const core = handlersCaller(desk.core.handlers);
    const files = blobFilesOf(desk.dataDir, core);
    const served = await serveAppUrl(rendererDir, blobUrl(sha), files);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    await desk.call('auth.signOut', {});
    const refused = await serveAppUrl(rendererDir, blobUrl(sha), files);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('is what the app:// handler answers once installed with the core’s files', async () => {
    installAppProtocol(rendererDir, desk.core.attachments);
    const [, handler] = protocol.handle.mock.calls[0] as [string, (request: { url: string }) => Promise<Response>];
    const response = await handler({ url: blobUrl(sha) });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });
});

describe('the CSP the viewer runs under', () => {
  it('lets the page fetch its own origin (app://desk/blobs), show blob: images and run its own pdf.js worker — and nothing remote', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('worker-src')).toContain("'self'");
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|unsafe-inline|\*/);
  });
});
