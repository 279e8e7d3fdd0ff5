import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy.js';
import { mimeTypeOf, resolveInside } from '../core/security/resolve-inside.js';
import { APP_HOST, APP_SCHEME } from './app-origin.js';
import { BLOB_PATH_PREFIX, serveBlob, type BlobFiles } from './blob-route.js';

/**
 * app:// must be declared before `ready`: `standard` gives it a real origin (app://desk) so relative URLs,
 * same-origin module scripts and storage work; `secure` makes it a secure context like https.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer folder as app://desk/…, and with `files` the stored scans as
 * app://desk/blobs/<sha256> (blob-route.ts); called once the app is ready.
 */
export function installAppProtocol(rendererDir: string, files?: BlobFiles): void {
  protocol.handle(APP_SCHEME, (request) => serveAppUrl(rendererDir, request.url, files));
}

/**
 * Answers one app:// request: /blobs/<sha256> from the blob store (when `files` is given), anything
 * else from `rendererDir`; anything outside it, or on another host, is a 404.
 */
export async function serveAppUrl(rendererDir: string, url: string, files?: BlobFiles): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound();
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return notFound();
  if (files !== undefined && parsed.pathname.startsWith(BLOB_PATH_PREFIX)) return serveBlob(files, parsed.pathname);
  const path = resolveInside(rendererDir, parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  if (path === null) return notFound();
  let body: Buffer;
  try {
    if (!(await stat(path)).isFile()) return notFound();
    body = await readFile(path);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': mimeTypeOf(path),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    },
  });
}

function notFound(): Response {
  return new Response('Không tìm thấy tệp.', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY },
  });
}
