import { Readable } from 'node:stream';
import { HTTP_STATUS_OF, errorEnvelope, type Envelope } from '../../shared/contract/envelope.js';
import { CommandError } from '../../shared/contract/errors.js';
import { readHead, sniffMediaType } from '../core/attachments/media-type.js';
import { SHA256_PATTERN, type BlobStore } from '../core/blobs/blob-store.js';

// app://desk/blobs/<sha256>: a stored scan for the window's viewer, as the web host's
// GET /api/blobs/<sha256> gives it to a browser. The bytes come from the blob store's verified read
// (hashed before the first byte goes, and again on the way: a file that changes in between cuts the
// response instead of completing it wrong). A missing or damaged blob answers the same JSON error
// envelope the web host answers, so the viewer shows the same Vietnamese message, never a blank page.
// No file system path is ever built from the URL: only a 64-hex name, looked up by the store.

export const BLOB_PATH_PREFIX = '/blobs/';

/**
 * The stored scans main reads (the blob store's files are immutable once named, so main reads them
 * itself, off the core's process) and the core's word on whether an officer is signed in.
 */
export interface BlobFiles {
  blobs: Pick<BlobStore, 'openVerified' | 'pathOf'>;
  requireOfficer(): void | Promise<void>;
}

function errorResponse(envelope: Envelope<never>): Response {
  const status = envelope.ok ? 500 : HTTP_STATUS_OF[envelope.error.code];
  return new Response(JSON.stringify(envelope), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}

/** Answers one app://desk/blobs/<sha256> request (the caller has matched the prefix). */
export async function serveBlob(files: BlobFiles, pathname: string): Promise<Response> {
  const sha256 = pathname.slice(BLOB_PATH_PREFIX.length);
  try {
    // Citizens' papers: only for a signed-in officer, as over HTTP.
    await files.requireOfficer();
    if (!SHA256_PATTERN.test(sha256)) throw new CommandError('invalid_argument', 'Mã SHA-256 không hợp lệ.');
    const { sizeBytes, stream } = await files.blobs.openVerified(sha256);
    const mediaType = sniffMediaType(await readHead(files.blobs.pathOf(sha256))) ?? 'application/octet-stream';
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: {
        'content-type': mediaType,
        'content-length': String(sizeBytes),
        // Never kept in Chromium's disk cache; never run as a page if someone navigates to it.
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': 'sandbox',
        'content-disposition': 'inline',
      },
    });
  } catch (error) {
    if (error instanceof CommandError) return errorResponse({ ok: false, error: error.toData() });
    console.error('blob read failed', error);
    return errorResponse(errorEnvelope('storage_failure', 'Không đọc được tệp đã số hoá trên ổ đĩa của máy này.'));
  }
}
