import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_ATTACHMENT_BYTES } from '../../shared/contract/attachments.js';
import { okEnvelope } from '../../shared/contract/envelope.js';
import { CommandError } from '../../shared/contract/errors.js';
import type { AttachmentFeature } from '../core/attachments/attachment-feature.js';
import { readHead, sniffMediaType } from '../core/attachments/media-type.js';
import { tooLarge } from '../core/blobs/blob-errors.js';
import { SHA256_PATTERN } from '../core/blobs/blob-store.js';
import { sendEnvelope, sendError } from './http-io.js';

// Bytes over HTTP, beside the JSON contract (which never carries them):
//   POST /api/uploads          raw body (not multipart, not base64), headers Content-Type and
//                              X-File-Name (percent-encoded UTF-8); streamed into the blob store,
//                              typed by its first bytes, cut off past 100 MB → {uploadId, sha256, size}
//   GET  /api/blobs/<sha256>   the verified blob, with its media type
// Both sit behind the web host's bearer token and need a signed-in officer: these are citizens' papers.

export type FileRoutes = Pick<AttachmentFeature, 'uploads' | 'blobs' | 'requireOfficer'>;

const BLOB_PREFIX = '/api/blobs/';

function fileNameOf(req: IncomingMessage): string {
  const header = req.headers['x-file-name'];
  const raw = Array.isArray(header) ? header[0] : header;
  let name: string;
  try {
    name = decodeURIComponent(raw ?? '').trim();
  } catch {
    name = '';
  }
  // Only the last path segment: a name is a label, never a place to write to.
  name = name.split(/[/\\]/).at(-1) ?? '';
  if (name === '' || name.length > 255) throw new CommandError('invalid_argument', 'Thiếu tên tệp (tiêu đề X-File-Name) hoặc tên quá dài.');
  return name;
}

// Stop an upload we refused: answer now, and close the connection so the browser stops sending.
function refuse(req: IncomingMessage, res: ServerResponse, error: CommandError): void {
  res.setHeader('connection', 'close');
  sendError(res, error);
  res.once('finish', () => req.destroy());
}

async function receiveUpload(files: FileRoutes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    files.requireOfficer();
    const fileName = fileNameOf(req);
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > MAX_ATTACHMENT_BYTES) throw tooLarge(MAX_ATTACHMENT_BYTES);
    const receipt = await files.uploads.receive(req, fileName, MAX_ATTACHMENT_BYTES);
    sendEnvelope(res, okEnvelope(receipt));
  } catch (error) {
    if (error instanceof CommandError) return refuse(req, res, error);
    throw error;
  }
}

async function sendBlob(files: FileRoutes, sha256: string, res: ServerResponse): Promise<void> {
  try {
    files.requireOfficer();
    if (!SHA256_PATTERN.test(sha256)) throw new CommandError('invalid_argument', 'Mã SHA-256 không hợp lệ.');
    const { sizeBytes, stream } = await files.blobs.openVerified(sha256);
    const mediaType = sniffMediaType(await readHead(files.blobs.pathOf(sha256))) ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': mediaType,
      'content-length': sizeBytes,
      // Papers of citizens: never kept in the browser's disk cache.
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'content-disposition': 'inline',
    });
    // The stream re-hashes; if the file changed after the check, the response is cut, never completed wrong.
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  } catch (error) {
    if (error instanceof CommandError) return sendError(res, error);
    throw error;
  }
}

/** Answers the file routes; false when the request is for something else. */
export async function handleFileRoute(files: FileRoutes, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  if (pathname === '/api/uploads') {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return true;
    }
    await receiveUpload(files, req, res);
    return true;
  }
  if (pathname.startsWith(BLOB_PREFIX)) {
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return true;
    }
    await sendBlob(files, pathname.slice(BLOB_PREFIX.length), res);
    return true;
  }
  return false;
}
