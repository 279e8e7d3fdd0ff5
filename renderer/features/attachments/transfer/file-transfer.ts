import { errorEnvelope, type Envelope } from '../../../../shared/contract/envelope.js';
import type { AttachmentMediaType } from '../../../../shared/domain/dossier/events.js';
import { readDeskToken } from '../../../backend/http-transport.js';
import { isEnvelope, unreachableCoreEnvelope } from '../../../backend/unreachable-core.js';

// Bytes beside the contract: the contract's commands never carry a file, so the page uploads a
// picked or dropped file to the web host (`POST /api/uploads`, raw body) and names the upload in
// `attachments.addUpload`; it reads a stored scan back with `GET /api/blobs/<sha256>` (with the
// bearer token, never as a plain <img src>, so the token is not in a URL) and shows it as an object URL.
//
// In Electron the page has no HTTP host and the preload no file access. There, files will go by path
// (`attachments.addFile` from the main process's file dialog and drop handler) and blobs through the
// app:// protocol (e.g. app://desk/blobs/<sha256> served by main from the core's verified stream) —
// not built yet: the Electron transfer says so plainly instead of failing silently.

export interface UploadReceipt {
  uploadId: string;
  sha256: string;
  size: number;
  mediaType: AttachmentMediaType;
}

export interface FileTransfer {
  /** False where this window cannot move bytes yet (Electron, until the path/app:// route exists). */
  readonly available: boolean;
  upload(file: Blob, fileName: string): Promise<Envelope<UploadReceipt>>;
  /** The verified bytes of a stored blob. */
  fetchBlob(sha256: string): Promise<Envelope<Blob>>;
}

export interface HttpFileTransferOptions {
  token: string | null;
  baseUrl?: string;
  fetch?: typeof fetch;
}

async function errorOf(response: Response): Promise<Envelope<never>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isEnvelope(body) && !body.ok) return body;
  return errorEnvelope(response.status === 401 ? 'unauthorized' : 'internal', `Máy chủ bàn làm việc trả lời lỗi (HTTP ${response.status}).`);
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
    async fetchBlob(sha256) {
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}/api/blobs/${encodeURIComponent(sha256)}`, { headers: auth, cache: 'no-store' });
      } catch {
        return unreachableCoreEnvelope();
      }
      if (!response.ok) return errorOf(response);
      try {
        return { ok: true, value: await response.blob() };
      } catch {
        // The host cuts a response whose bytes stopped matching their hash on the way.
        return errorEnvelope('storage_failure', 'Tệp bị ngắt giữa chừng khi tải (có thể tệp trên ổ đĩa đã hỏng). Hãy thử lại.');
      }
    },
  };
}

const ELECTRON_NOT_YET = 'Trong ứng dụng máy tính, đính kèm và xem tệp quét qua thư mục quét; chọn tệp từ máy sẽ có trong bản sau.';

/** For the Electron window until files go by path and blobs by app://. */
export const unavailableFileTransfer: FileTransfer = {
  available: false,
  upload: () => Promise.resolve(errorEnvelope('forbidden', ELECTRON_NOT_YET)),
  fetchBlob: () => Promise.resolve(errorEnvelope('forbidden', ELECTRON_NOT_YET)),
};

export function selectFileTransfer(win: Window, doc: Document): FileTransfer {
  return win.desk ? unavailableFileTransfer : createHttpFileTransfer({ token: readDeskToken(doc) });
}
