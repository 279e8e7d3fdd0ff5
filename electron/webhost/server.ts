import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../../shared/contract/commands.js';
import { errorEnvelope } from '../../shared/contract/envelope.js';
import { CommandError } from '../../shared/contract/errors.js';
import { dispatch } from '../core/dispatch.js';
import type { DeskEventBus } from '../core/event-bus.js';
import { CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy.js';
import { mimeTypeOf } from '../core/security/resolve-inside.js';
import { readJsonBody, sendEnvelope, sendError } from './http-io.js';
import { openEventStream } from './event-stream.js';
import { readStaticFile } from './static-files.js';
import { createExportRoute, type ExportRoute } from './export-route.js';
import { handleFileRoute, type FileRoutes } from './upload-route.js';

export interface WebHostOptions {
  handlers: Handlers;
  events: DeskEventBus;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** Secret every API call must present as `Authorization: Bearer <token>`. */
  token: string;
  /** Uploads and blobs (`POST /api/uploads`, `GET /api/blobs/<sha256>`); the core's `attachments`. */
  files?: FileRoutes;
}

const INVOKE_PREFIX = '/api/invoke/';

/**
 * The desk over HTTP on loopback: the built renderer plus the same handlers Electron uses.
 * Serves the browser preview on machines without Electron, and the Playwright suite.
 */
export function createWebHost(options: WebHostOptions): Server {
  const exportsRoute = createExportRoute();
  const server = createServer((req, res) => {
    handle(options, req, res, exportsRoute).catch((error: unknown) => {
      console.error('web host request failed', error);
      if (!res.headersSent) sendEnvelope(res, errorEnvelope('internal', 'Lỗi máy chủ nội bộ.'));
      else res.destroy();
    });
  });
  return server;
}

export async function listenOnLoopback(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

async function handle(options: WebHostOptions, req: IncomingMessage, res: ServerResponse, exportsRoute: ExportRoute): Promise<void> {
  // A page on another site could reach 127.0.0.1 through DNS rebinding: only answer our own host names.
  if (!isLoopbackHost(req.headers.host)) {
    res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected request');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');

  if (url.pathname.startsWith('/api/')) {
    if (!hasToken(req, options.token)) {
      sendError(res, new CommandError('unauthorized', 'Thiếu hoặc sai mã truy cập của máy chủ bàn làm việc.'));
      return;
    }
    if (url.pathname.startsWith(INVOKE_PREFIX)) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const name = decodeURIComponent(url.pathname.slice(INVOKE_PREFIX.length));
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch (error) {
        if (error instanceof CommandError) return sendError(res, error);
        throw error;
      }
      const envelope = await dispatch(options.handlers, name, body, { transport: 'http' });
      exportsRoute.remember(name, envelope);
      sendEnvelope(res, envelope);
      return;
    }
    if (options.files && (await handleFileRoute(options.files, req, res, url.pathname))) return;
    if (await exportsRoute.serve(url.pathname, req.method, res)) return;
    if (url.pathname === '/api/events' && req.method === 'GET') {
      openEventStream(req, res, options.events);
      return;
    }
    sendEnvelope(res, errorEnvelope('not_found', `Không có địa chỉ ${url.pathname}`));
    return;
  }

  await serveRenderer(options, url.pathname, res);
}

async function serveRenderer(options: WebHostOptions, pathname: string, res: ServerResponse): Promise<void> {
  // Paths without an extension are the single-page app's own routes.
  const wantsPage = pathname === '/' || !/\.[a-z0-9]+$/i.test(pathname);
  const file = await readStaticFile(options.rendererDir, wantsPage ? '/index.html' : pathname);
  if (file === null) {
    const status = wantsPage ? 503 : 404;
    const text = wantsPage ? 'Giao diện chưa được dựng: hãy chạy npm run build:web.' : 'Không tìm thấy tệp.';
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    return;
  }
  const headers = {
    'content-type': mimeTypeOf(file.path),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
  if (wantsPage) {
    // The page learns the token on load; scripts then pass it as a bearer token.
    const html = file.body
      .toString('utf8')
      .replace('</head>', `<meta name="desk-token" content="${escapeAttribute(options.token)}"></head>`);
    res.writeHead(200, headers).end(html);
    return;
  }
  res.writeHead(200, headers).end(file.body);
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '');
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
