import { errorEnvelope, type Envelope } from '../../../../shared/contract/envelope.js';
import type { AttachmentMediaType } from '../../../../shared/domain/dossier/events.js';
import { readDeskToken } from '../../../backend/http-transport.js';
import { isEnvelope, unreachableCoreEnvelope } from '../../../backend/unreachable-core.js';
import { errorOf, fetchStoredBlob } from './byte-errors.js';
import { createElectronFileTransfer } from './electron-file-transfer.js';

// Bytes beside the contract: the contract's commands never carry a file. Two routes, one shape, so the
// store (and the officer) sees the same steps, progress and messages in both:
//
// - Browser (web host): the page uploads a picked or dropped file (`POST /api/uploads`, raw body) and
//   names the upload in `attachments.addUpload`; it reads a stored scan back with
//   `GET /api/blobs/<sha256>` (with the bearer token, never as a plain <img src>, so the token is not
//   in a URL) and shows it as an object URL.
// - Electron (electron-file-transfer.ts): files go by path. The main process's file dialog or a drop
//   turns each file into a grant whose id is the "upload id"; `attachments.addUpload` with it makes
//   main attach the path with `attachments.addFile`. Stored scans come from app://desk/blobs/<sha256>.

export interface UploadReceipt {
  uploadId: string;
  /** Null in Electron: a granted file is hashed only when it is attached. */
  sha256: string | null;
  size: number;
  mediaType: AttachmentMediaType;
}

export interface FileTransfer {
  /** False where this window cannot move bytes (kept for windows without either route). */
  readonly available: boolean;
  /** Makes `file` attachable: its `uploadId` goes into `attachments.addUpload`. */
  upload(file: Blob, fileName: string): Promise<Envelope<UploadReceipt>>;
  /** The verified bytes of a stored blob. */
  fetchBlob(sha256: string): Promise<Envelope<Blob>>;
}

export interface HttpFileTransferOptions {
  token: string | null;
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function createHttpFileTransfer(options: HttpFileTransferOptions): FileTransfer {
  const baseUrl = options.baseUrl ?? '';
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const auth: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  return {
    available: true,
    async upload(file, fileName) {
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}/api/uploads`, {
          method: 'POST',
          headers: { ...auth, 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
          // A File body is streamed from disk by the browser, not read into the page's memory.
          body: file,
        });
      } catch {
        return unreachableCoreEnvelope();
      }
      if (!response.ok) return errorOf(response);
      const body: unknown = await response.json().catch(() => undefined);
      return isEnvelope(body) ? (body as Envelope<UploadReceipt>) : errorEnvelope('internal', 'Máy chủ trả lời không đúng định dạng.');
    },
    fetchBlob(sha256) {
      return fetchStoredBlob(fetchImpl, `${baseUrl}/api/blobs/${encodeURIComponent(sha256)}`, { headers: auth });
    },
  };
}

export function selectFileTransfer(win: Window, doc: Document): FileTransfer {
  return win.desk ? createElectronFileTransfer(win.desk) : createHttpFileTransfer({ token: readDeskToken(doc) });
}
