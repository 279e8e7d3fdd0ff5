import { errorEnvelope, type Envelope } from '../../../../shared/contract/envelope.js';
import type { FileGrant, PickedFile } from '../../../../shared/contract/shell.js';
import type { DeskBridge } from '../../../backend/desk-bridge.js';
import { callShell } from '../../../backend/shell-call.js';
import { fetchStoredBlob } from './byte-errors.js';
import type { FileTransfer, UploadReceipt } from './file-transfer.js';

// Files by path in the Electron window (see file-transfer.ts for both routes). No byte of a file passes
// through the page: "Chọn tệp…" opens the main process's own dialog, a drop hands the dropped File to
// the preload, and either way main answers a grant (an id for the path it keeps, after checking type
// and size). The store then calls `attachments.addUpload` with the grant's id, exactly as after an
// HTTP upload, and main attaches the path with `attachments.addFile`.

/** What main answered for each file the dialog returned, keyed by the stand-in File given to the store. */
const pickedFiles = new WeakMap<Blob, PickedFile>();

const receiptOf = (grant: FileGrant): UploadReceipt => ({ uploadId: grant.uploadId, sha256: null, size: grant.sizeBytes, mediaType: grant.mediaType });

/**
 * Opens main's file dialog (PDF, JPEG, PNG, TIFF; several at once). Resolves the chosen files as
 * stand-in Files carrying only their names — the store's uploadFiles takes Files — each remembered with
 * its grant, or with the reason main refused it, which the upload then reports in turn. An empty list:
 * the officer cancelled.
 */
export async function pickFilesWithDialog(bridge: DeskBridge): Promise<Envelope<File[]>> {
  const picked = await callShell(bridge, 'shell.pickFiles', {});
  if (!picked.ok) return picked;
  return {
    ok: true,
    value: picked.value.files.map((file) => {
      const standIn = new File([], file.fileName, { type: file.granted ? file.grant.mediaType : '' });
      pickedFiles.set(standIn, file);
      return standIn;
    }),
  };
}

export function createElectronFileTransfer(bridge: DeskBridge, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): FileTransfer {
  return {
    available: true,
    async upload(file) {
      const picked = pickedFiles.get(file);
      if (picked !== undefined) return picked.granted ? { ok: true, value: receiptOf(picked.grant) } : { ok: false, error: picked.error };
      if (!(file instanceof File)) return errorEnvelope('invalid_argument', 'Chỉ đính kèm được tệp chọn từ máy hoặc kéo thả vào.');
      const granted = await callShell(bridge, 'shell.grantDroppedFile', { file });
      return granted.ok ? { ok: true, value: receiptOf(granted.value) } : granted;
    },
    fetchBlob(sha256) {
      // app://desk/blobs/<sha256>, the page's own origin: main streams the verified blob.
      return fetchStoredBlob(fetchImpl, `/blobs/${encodeURIComponent(sha256)}`, {});
    },
  };
}
