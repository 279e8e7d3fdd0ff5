import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpsServer } from 'node:https';
import type { RequestListener, Server as HttpServer } from 'node:http';
import { createSecureContext } from 'node:tls';

// The centre's own TLS (`--tls-cert`, `--tls-key`): desks send citizens' personal data and their bearer
// token, so the centre either serves HTTPS itself or sits behind a TLS-terminating proxy. The files are
// checked before the server starts, so a wrong path, a file that is not PEM, or a key that belongs to
// another certificate stops the centre with one sentence naming the file — not a stack trace, and not
// a server that starts and then fails every handshake.

export interface CentreTls {
  /** PEM: the certificate, optionally followed by its intermediate certificates. */
  cert: Buffer;
  /** PEM: the certificate's private key (unencrypted). */
  key: Buffer;
  /** For the startup line: who the certificate names, and until when. */
  subject: string;
  validTo: string;
}

/** A startup problem with the TLS files: its message is the whole story (cli.ts prints only that). */
export class CentreTlsError extends Error {
  override name = 'CentreTlsError';
}

function readPem(option: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'không có tệp này' : code === 'EACCES' ? 'không có quyền đọc' : code === 'EISDIR' ? 'đây là một thư mục' : (code ?? 'lỗi đọc tệp');
    throw new CentreTlsError(`Không đọc được ${option} "${path}": ${why}.`);
  }
}

export function loadCentreTls(paths: { certPath: string; keyPath: string }, nowMs: number = Date.now()): CentreTls {
  const cert = readPem('--tls-cert', paths.certPath);
  const key = readPem('--tls-key', paths.keyPath);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new CentreTlsError(`--tls-cert "${paths.certPath}" không phải là chứng chỉ X.509 dạng PEM (-----BEGIN CERTIFICATE-----).`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new CentreTlsError(`--tls-key "${paths.keyPath}" không phải là khoá riêng dạng PEM không đặt mật khẩu (-----BEGIN PRIVATE KEY-----).`);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new CentreTlsError(`Khoá riêng "${paths.keyPath}" không khớp với chứng chỉ "${paths.certPath}" (hai tệp thuộc về hai chứng chỉ khác nhau).`);
  }
  if (Date.parse(certificate.validTo) <= nowMs) {
    throw new CentreTlsError(`Chứng chỉ "${paths.certPath}" đã hết hạn từ ${certificate.validTo}; các máy quầy sẽ từ chối kết nối. Hãy gia hạn chứng chỉ.`);
  }
  try {
    // What the handshake will use: catches anything the checks above let through (e.g. a broken chain file).
    createSecureContext({ cert, key });
  } catch (error) {
    throw new CentreTlsError(`Không dùng được chứng chỉ "${paths.certPath}" với khoá "${paths.keyPath}": ${(error as Error).message}`);
  }
  return { cert, key, subject: certificate.subject.replace(/\n/g, ', '), validTo: certificate.validTo };
}

/**
 * Fastify's serverFactory for HTTPS. Through a factory (not Fastify's `https` option) the centre's
 * Fastify instance keeps one type for both transports; the timeouts Fastify would set on a server it
 * made itself are copied from its resolved options.
 */
export function httpsServerFactory(tls: CentreTls) {
  return (handler: RequestListener, options: Record<string, unknown>): HttpServer => {
    const server: HttpsServer = createServer({ cert: tls.cert, key: tls.key }, handler);
    if (typeof options.keepAliveTimeout === 'number') server.keepAliveTimeout = options.keepAliveTimeout;
    if (typeof options.requestTimeout === 'number') server.requestTimeout = options.requestTimeout;
    if (typeof options.connectionTimeout === 'number') server.setTimeout(options.connectionTimeout);
    return server;
  };
}
