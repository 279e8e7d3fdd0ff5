import { z } from 'zod';
import { ATTACHMENT_KINDS } from '../domain/dossier/events.js';
import type { AttachmentRecord, ChecklistDigitisation } from '../domain/dossier/state.js';
import { requiredMultilineTextArg, requiredTextArg, ulidArg } from './inputs.js';

// Attachments, the scan inbox and the scanner. Bytes never travel through these commands: Electron
// names a file by its path (file dialog, drag-and-drop), the web host first streams it to
// `POST /api/uploads` and names the upload here; blobs are read back with `GET /api/blobs/<sha256>`.

/** The most a desk takes in one file (the web host refuses a larger upload before storing anything). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

const kindArg = z.enum(ATTACHMENT_KINDS, 'Loại tệp phải là "intake" (giấy tờ tiếp nhận) hoặc "result" (kết quả).');
const checklistItemArg = requiredTextArg(64, 'Mã giấy tờ').nullish().transform((v) => v ?? null);
/** A file name inside the inbox folder: no folders, no way out of it. */
const inboxFileNameArg = z
  .string()
  .min(1, 'Tên tệp không được để trống.')
  .max(255, 'Tên tệp quá dài.')
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', 'Tên tệp không hợp lệ.');

export const attachmentsAddFileArgs = z.strictObject({
  dossierId: ulidArg,
  /**
   * An absolute path chosen in the file dialog or dropped on the window (Electron only). Not free
   * text: a path names a file byte for byte (double spaces, NFD names on macOS), so it is not normalised.
   */
  path: z.string().trim().min(1, 'Đường dẫn tệp không được để trống.').max(4096, 'Đường dẫn tệp quá dài (tối đa 4096 ký tự).'),
  kind: kindArg,
  checklistItemId: checklistItemArg,
});

export const attachmentsAddUploadArgs = z.strictObject({
  dossierId: ulidArg,
  /** From `POST /api/uploads`. */
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Mã tệp tải lên không hợp lệ.'),
  fileName: requiredTextArg(255, 'Tên tệp'),
  kind: kindArg,
  checklistItemId: checklistItemArg,
});

export const attachmentsListArgs = z.strictObject({ dossierId: ulidArg });
export const attachmentsRetractArgs = z.strictObject({ attachmentId: ulidArg, reason: requiredMultilineTextArg(2000, 'Lý do gỡ tệp') });
export const attachmentsReuseCandidatesArgs = z.strictObject({ dossierId: ulidArg });
export const attachmentsReuseArgs = z.strictObject({
  dossierId: ulidArg,
  /** The earlier dossier's attachment whose blob is reused. */
  attachmentId: ulidArg,
  checklistItemId: requiredTextArg(64, 'Mã giấy tờ'),
});

export const inboxListArgs = z.strictObject({});
export const inboxAttachArgs = z.strictObject({
  /** One file, or several that become one PDF in this order (the pages of one paper). */
  fileNames: z.array(inboxFileNameArg).min(1, 'Hãy chọn ít nhất một tệp.').max(200, 'Tối đa 200 tệp một lần.'),
  dossierId: ulidArg,
  kind: kindArg,
  checklistItemId: checklistItemArg,
});

export const scanStartArgs = z.strictObject({
  /** The dossier open when the officer pressed "Quét": shown with the result in the inbox. */
  dossierId: ulidArg.optional(),
  mode: z.enum(['single', 'feeder']),
  /** Feeder only: stop after this many pages (default: until the feeder is empty). */
  pages: z.int().min(1).max(500).optional(),
});
export const scanCancelArgs = z.strictObject({ scanId: z.string().min(1).max(64) });
export const scanSettingsArgs = z.strictObject({});
export const scanConfigureArgs = z.strictObject({
  /** Empty: back to the default folder under the data folder. */
  inboxDir: z.string().trim().max(4096).optional(),
  /** Empty: back to the platform's default command. */
  command: z.string().trim().max(4096).optional(),
  device: z.string().trim().max(500).optional(),
});

/** An attachment as the UI lists it: the fold's record plus whether its bytes are on this machine. */
export interface AttachmentView extends AttachmentRecord {
  /** False when the file was added on another desk and has not arrived, or was lost: say so, never a blank page. */
  blobPresent: boolean;
}

export interface AttachmentList {
  dossierId: string;
  attachments: AttachmentView[];
  digitisation: ChecklistDigitisation[];
}

/** A paper digitised in an earlier dossier of the same applicant, offered for a checklist item ("Dùng lại"). */
export interface ReuseCandidate {
  attachmentId: string;
  fromDossierId: string;
  fromDossierCode: string | null;
  fromProcedureName: string;
  fromReceivedAt: string | null;
  fileName: string;
  mediaType: AttachmentRecord['mediaType'];
  pages: number;
  sizeBytes: number;
  blobSha256: string;
  kind: AttachmentRecord['kind'];
  /** The checklist item of this dossier it matches (by item id, or by the paper's name folded). */
  checklistItemId: string;
  checklistItemName: string;
}

export interface InboxFile {
  fileName: string;
  sizeBytes: number;
  /** Sniffed from the first bytes; null: not a type the desk accepts (shown, but cannot be attached). */
  mediaType: AttachmentRecord['mediaType'] | null;
  modifiedAt: string;
  /** False while the scanner may still be writing it (it changed in the last seconds): not offered yet. */
  ready: boolean;
}

export interface InboxList {
  /** The folder the scanner drops files into (setting 'scan.inboxDir'). */
  dir: string;
  files: InboxFile[];
}

export interface ScanSettings {
  inboxDir: string;
  /** The command line run by "Quét"; placeholders {device} {mode} {pages} {out} (see scan/scan-command.ts). */
  command: string;
  device: string;
  /** True when the desk uses the built-in default for this platform. */
  commandIsDefault: boolean;
}

export interface ScanStarted {
  scanId: string;
}

export type ScanState = 'scanning' | 'building' | 'done' | 'failed' | 'cancelled';

/** Pushed as 'scan.progress' while a direct scan runs, and once when it ends. */
export interface ScanProgress {
  scanId: string;
  state: ScanState;
  pagesDone: number;
  /** The PDF left in the inbox when state is 'done'. */
  fileName: string | null;
  /** Why it failed, in Vietnamese, when state is 'failed'. */
  message: string | null;
  dossierId: string | null;
}

/** Pushed as 'inbox.changed' when a file arrives in or leaves the inbox folder. */
export interface InboxChanged {
  count: number;
}
