import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract/envelope.js';
import type { AttachmentList } from '../../../shared/contract/attachments.js';
import { createWebHost, listenOnLoopback } from '../../../electron/webhost/server.js';
import { openAttachmentDesk, receiveDossier, type AttachmentDesk } from '../core/attachments/support/attachment-desk.js';
import { GIF_BYTES, pdfOf, textScanPng } from '../core/attachments/support/papers.js';

// The web host's byte routes: a streaming upload (raw body, typed by its bytes, capped at 100 MB) and
// verified blob downloads — beside the JSON contract, which never carries bytes.

const TOKEN = 'upload-test-token-0123456789';
let desk: AttachmentDesk;
let server: Server;
let baseUrl: string;

beforeEach(async () => {
  desk = await openAttachmentDesk();
  server = createWebHost({ handlers: desk.core.handlers, events: desk.core.events, files: desk.core.attachments, rendererDir: '/nonexistent', token: TOKEN });
  baseUrl = `http://127.0.0.1:${await listenOnLoopback(server, 0)}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  desk.dispose();
});

const auth = { authorization: `Bearer ${TOKEN}` };

function upload(body: BodyInit, fileName: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/uploads`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName), ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

async function invoke<T>(name: string, args: unknown): Promise<Envelope<T>> {
  const response = await fetch(`${baseUrl}/api/invoke/${name}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(args) });
  return (await response.json()) as Envelope<T>;
}

describe('POST /api/uploads', () => {
  it('streams a PDF into the blob store and returns its upload id, hash and size; addUpload attaches it', async () => {
    const id = await receiveDossier(desk);
    const bytes = await pdfOf(2);
    const response = await upload(new Uint8Array(bytes), 'Tờ khai khai sinh.pdf', { 'content-type': 'application/pdf' });
    expect(response.status).toBe(200);
    const envelope = (await response.json()) as Envelope<{ uploadId: string; sha256: string; size: number; mediaType: string }>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    expect(envelope.value).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mediaType: 'application/pdf' });

    const added = await invoke<AttachmentList>('attachments.addUpload', { dossierId: id, uploadId: envelope.value.uploadId, fileName: 'Tờ khai khai sinh.pdf', kind: 'intake', checklistItemId: 'to-khai' });
    expect(added.ok && added.value.attachments[0]).toMatchObject({ fileName: 'Tờ khai khai sinh.pdf', pages: 2, blobSha256: envelope.value.sha256 });
  });

  it('takes a streamed body of unknown length (chunked) too', async () => {
    const png = await textScanPng(100);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < png.length; at += 1000) controller.enqueue(new Uint8Array(png.subarray(at, at + 1000)));
        controller.close();
      },
    });
    const response = await upload(body, 'anh.png');
    expect(response.status).toBe(200);
    expect(((await response.json()) as Envelope<{ mediaType: string }>)).toMatchObject({ ok: true, value: { mediaType: 'image/png', size: png.length } });
  });

  it('refuses another type by its bytes (whatever Content-Type says) and keeps nothing', async () => {
    const response = await upload(new Uint8Array(GIF_BYTES), 'anh.pdf', { 'content-type': 'application/pdf' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF/) } });
    expect(await desk.core.attachments.blobs.list()).toEqual([]);
  });

  it('refuses a body over 100 MB: at once when the length is declared, and when a chunked stream passes it', async () => {
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${baseUrl}/api/uploads`, { method: 'POST', headers: { ...auth, 'x-file-name': 'lon.pdf', 'content-length': String(200 * 1024 * 1024) } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('%PDF-1.7\n'); // and then nothing more: the answer must not wait for 200 MB
    });
    expect(declared.status).toBe(400);
    expect(declared.body).toMatch(/Tệp quá lớn/);

    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    chunk.set(Buffer.from('%PDF-1.7\n'));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(sent === 1 ? chunk : chunk.slice(9));
        if (sent > 110) controller.close();
      },
    });
    const response = await upload(endless, 'lon.pdf').catch(() => null);
    // Either the answer arrives (400) or the host cut the connection while the client was still sending.
    if (response !== null) expect(response.status).toBe(400);
    expect(await desk.core.attachments.blobs.list()).toEqual([]);
  }, 30_000);

  it('does not let a web page name a file on the desk’s disk (attachments.addFile is for Electron)', async () => {
    const id = await receiveDossier(desk);
    const path = desk.core.attachments.blobs.pathOf((await desk.core.attachments.blobs.putBytes(await pdfOf(1))).sha256);
    const refused = await invoke('attachments.addFile', { dossierId: id, path, kind: 'intake' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/tải tệp lên/) } });
  });

  it('needs the token and a signed-in officer', async () => {
    expect((await fetch(`${baseUrl}/api/uploads`, { method: 'POST', body: 'x' })).status).toBe(401);
    await invoke('auth.signOut', {});
    const response = await upload(new Uint8Array(await pdfOf(1)), 'a.pdf');
    expect(response.status).toBe(401);
    expect(await desk.core.attachments.blobs.list()).toEqual([]);
  });
});

describe('GET /api/blobs/<sha256>', () => {
  async function storedPdf(): Promise<{ sha256: string; bytes: Buffer }> {
    const bytes = await pdfOf(1);
    const stored = await desk.core.attachments.blobs.putBytes(bytes);
    return { sha256: stored.sha256, bytes };
  }

  it('streams the verified bytes with their media type, never cached', async () => {
    const { sha256, bytes } = await storedPdf();
    const response = await fetch(`${baseUrl}/api/blobs/${sha256}`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('reports damage and absence clearly (never an empty 200)', async () => {
    const { sha256 } = await storedPdf();
    const path = desk.core.attachments.blobs.pathOf(sha256);
    const damaged = readFileSync(path);
    damaged[100] = damaged[100]! ^ 1;
    writeFileSync(path, damaged);
    const corrupt = await fetch(`${baseUrl}/api/blobs/${sha256}`, { headers: auth });
    expect(corrupt.status).toBe(500);
    expect(await corrupt.json()).toMatchObject({ ok: false, error: { code: 'storage_failure', message: expect.stringMatching(/bị hỏng/) } });

    const missing = await fetch(`${baseUrl}/api/blobs/${'0'.repeat(64)}`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await fetch(`${baseUrl}/api/blobs/..%2F..%2Fdesk.sqlite`, { headers: auth })).status).toBe(400);
  });

  it('needs the token and a signed-in officer', async () => {
    const { sha256 } = await storedPdf();
    expect((await fetch(`${baseUrl}/api/blobs/${sha256}`)).status).toBe(401);
    await invoke('auth.signOut', {});
    expect((await fetch(`${baseUrl}/api/blobs/${sha256}`, { headers: auth })).status).toBe(401);
  });
});
