import { z } from 'zod';
import type { AttachmentMediaType } from '../domain/dossier/events.js';
import type { CommandErrorData } from './errors.js';
import { EXPORT_FILE_NAME_PATTERN } from '../domain/reports/report-kinds.js';

// Shell operations: what only the Electron window's main process can do for the page — its native
// dialogs, reading a file the officer chose by its path, saving a file where the officer says,
// printing the page to PDF. They are not contract commands (the web host has no such powers; there the
// browser does the same jobs itself), but they cross the same bridge: the page calls
// `window.desk.invoke('shell.…', args)`, the preload sends them on their own channel, and main checks
// the sender, the name against this closed list and the arguments against the schemas below.
//
// Bytes never cross: a file the officer picks or drops becomes a *grant* — an id main keeps for the
// path during this session, after checking the file is a PDF/JPEG/PNG/TIFF within the size limit. The
// id is used as the upload id of `attachments.addUpload`: in Electron main resolves it to the path and
// attaches it with `attachments.addFile`. The page never sees or names a path on the desk's disk.
//
// The preload keeps its own copy of SHELL_OPERATIONS (it may import only the contract's name lists);
// tests/electron/main/preload-shell.test.ts keeps the two in step.

export const SHELL_OPERATIONS = [
  'shell.pickFiles',
  'shell.grantDroppedFile',
  'shell.saveExport',
  'shell.savePdf',
  'shell.updateState',
  'shell.setIntakeOpen',
  'shell.installUpdate',
  'shell.saveSupportLogs',
  'shell.pickFolder',
] as const;
export type ShellOperation = (typeof SHELL_OPERATIONS)[number];

export function isShellOperation(name: unknown): name is ShellOperation {
  return typeof name === 'string' && (SHELL_OPERATIONS as readonly string[]).includes(name);
}

/** Most files one dialog or one drop may hand over (the inbox takes 200 pages at once; papers come fewer). */
export const MAX_FILES_PER_PICK = 50;

/** A name to save a printed form under: no folders, no control characters, at most 120 characters. */
const pdfFileNameArg = z
  .string()
  .trim()
  .min(1, 'Tên tệp PDF không được để trống.')
  .max(120, 'Tên tệp PDF quá dài.')
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20) && !name.startsWith('.'), 'Tên tệp PDF không hợp lệ.');

/**
 * What main accepts for each operation, as main receives it. For a drop, the page hands the preload
 * `{ file }` (the dropped File) and the preload, with webUtils.getPathForFile, sends main `{ path }`.
 */
export const SHELL_SCHEMAS = {
  'shell.pickFiles': z.strictObject({}),
  'shell.grantDroppedFile': z.strictObject({ path: z.string().min(1, 'Thiếu đường dẫn tệp.').max(4096, 'Đường dẫn tệp quá dài.') }),
  'shell.saveExport': z.strictObject({ fileName: z.string().regex(EXPORT_FILE_NAME_PATTERN, 'Tên tệp báo cáo không hợp lệ.') }),
  'shell.savePdf': z.strictObject({ fileName: pdfFileNameArg }),
  'shell.updateState': z.strictObject({}),
  'shell.setIntakeOpen': z.strictObject({ open: z.boolean() }),
  'shell.installUpdate': z.strictObject({}),
  'shell.saveSupportLogs': z.strictObject({}),
  /** A folder chosen in the native dialog (the backup folder): the page shows it and sends it back to the core, which checks it. */
  'shell.pickFolder': z.strictObject({ title: z.string().trim().min(1).max(120) }),
} as const satisfies Record<ShellOperation, z.ZodType>;

/** A file the officer gave the desk: its id for `attachments.addUpload`, what the page may show of it. */
export interface FileGrant {
  uploadId: string;
  fileName: string;
  sizeBytes: number;
  mediaType: AttachmentMediaType;
}

/** One file chosen in the dialog: granted, or refused with the reason the officer reads. */
export type PickedFile = { fileName: string; granted: true; grant: FileGrant } | { fileName: string; granted: false; error: CommandErrorData };

/** Saved where the officer chose, or nothing at all when the dialog was cancelled. */
export type SaveOutcome = { saved: true; path: string } | { saved: false };

export interface ShellResults {
  /** Empty when the dialog was cancelled. */
  'shell.pickFiles': { files: PickedFile[] };
  'shell.grantDroppedFile': FileGrant;
  'shell.saveExport': SaveOutcome;
  'shell.savePdf': SaveOutcome;
  /** The recent logs and the app/OS versions as one zip (electron/core/logging/support-bundle.ts). */
  'shell.saveSupportLogs': SaveOutcome;
  'shell.updateState': UpdateState;
  /** null when the dialog was cancelled. */
  'shell.pickFolder': { folder: string | null };
  /** The intake screen says when an intake is open: an update is never installed in its middle. */
  'shell.setIntakeOpen': UpdateState;
  /** Restarts into the downloaded update; refused while an intake is open or before a download finished. */
  'shell.installUpdate': UpdateState;
}

/**
 * The desk's updates as the about panel shows them (electron/main/updates/desk-updater.ts).
 * 'disabled': not enrolled with a centre (the feed is the centre's), or not an installed desk.
 * 'waiting-for-sync': an update was found; its download waits while sync is moving data.
 */
export const UPDATE_PHASES = ['disabled', 'idle', 'checking', 'up-to-date', 'downloading', 'waiting-for-sync', 'downloaded', 'error'] as const;
export type UpdatePhase = (typeof UPDATE_PHASES)[number];

export interface UpdateState {
  version: string;
  channel: string;
  phase: UpdatePhase;
  /** The version found on the centre's feed, once one newer than `version` was. */
  availableVersion: string | null;
  /** 0–100 while downloading. */
  downloadPercent: number | null;
  /** ISO instant of the last check that reached the centre (or failed trying). */
  lastCheckAt: string | null;
  /** In Vietnamese, why the last check or download failed; null after a success. */
  lastError: string | null;
  intakeOpen: boolean;
}
