import { copyFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { COMMAND_SCHEMAS, type Handlers } from '../../shared/contract/commands.js';
import { errorEnvelope, okEnvelope, type Envelope } from '../../shared/contract/envelope.js';
import { CommandError } from '../../shared/contract/errors.js';
import type { ExportResult } from '../../shared/contract/reports.js';
import { MAX_FILES_PER_PICK, SHELL_SCHEMAS, isShellOperation, type PickedFile, type SaveOutcome, type ShellResults } from '../../shared/contract/shell.js';
import { dispatch, type DispatchLog } from '../core/dispatch.js';
import { describeSchemaIssues } from '../core/schema-issues.js';
import type { FileGrants } from './file-grants.js';
import { noUpdates, type UpdateControls } from './updates/desk-updater.js';

// What the Electron shell does for the page beyond the contract (shared/contract/shell.ts): files by
// path, saving exports and printed forms where the officer chooses. Called by ipc-wrapper.ts only
// after the sender check. Nothing here imports 'electron': the dialogs and the printing come in as
// functions, so tests (and the Playwright bridge test) run this very code with stand-ins.

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Electron's dialogs, reduced to what the shell needs. */
export interface ShellDialogs {
  /** The chosen files' absolute paths; empty when the officer cancelled. */
  openFiles(options: { title: string; filters: FileFilter[] }): Promise<string[]>;
  /** The chosen path; null when the officer cancelled. */
  saveFile(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  /** The chosen folder's absolute path; null when the officer cancelled. */
  openFolder(options: { title: string }): Promise<string | null>;
}

/** Where the window's commands go once the shell has applied its rules: the core's process (or, in tests, its handlers). */
export interface CoreCaller {
  invoke(name: unknown, args: unknown): Promise<Envelope<unknown>>;
}

/** A CoreCaller over handlers in this process: the same dispatch the core's own process runs. */
export function handlersCaller(handlers: Handlers, log: DispatchLog = console): CoreCaller {
  return { invoke: (name, args) => dispatch(handlers, name, args, { transport: 'ipc' }, log) };
}

export interface DeskShellDeps {
  core: CoreCaller;
  grants: FileGrants;
  dialogs: ShellDialogs;
  /** The officer's Documents folder, where save dialogs start. */
  documentsDir(): string;
  /** The desk window's page as PDF: A4, with its print stylesheet. */
  printToPdf(): Promise<Uint8Array>;
  /** The desk's updates (updates/desk-updater.ts); absent where the desk does not update itself. */
  updates?: UpdateControls;
  /** The support zip (recent logs, versions) and its suggested name. */
  supportBundle(): Promise<{ fileName: string; bytes: Uint8Array }>;
  log?: DispatchLog;
}

export interface DeskShell {
  /** A contract command from the window (sender already checked): path-granting rules, then dispatch. */
  invoke(name: unknown, args: unknown): Promise<Envelope<unknown>>;
  /** A shell operation from the window (sender already checked): name, arguments, then the operation. */
  run(operation: unknown, args: unknown): Promise<Envelope<unknown>>;
}

export const ATTACHABLE_FILTER: FileFilter = { name: 'Giấy tờ số hoá (PDF, JPEG, PNG, TIFF)', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff'] };
const EXPORT_FILTERS: Record<string, FileFilter> = {
  '.xlsx': { name: 'Bảng tính Excel', extensions: ['xlsx'] },
  '.csv': { name: 'Tệp CSV', extensions: ['csv'] },
};
const PDF_FILTER: FileFilter = { name: 'Tệp PDF', extensions: ['pdf'] };
const ZIP_FILTER: FileFilter = { name: 'Tệp nén ZIP', extensions: ['zip'] };

const PATH_REFUSED =
  'Cửa sổ ứng dụng không được chỉ định đường dẫn tệp trên máy. Hãy bấm “Chọn tệp…” hoặc kéo thả tệp vào khung đính kèm.';

function asEnvelope(error: unknown, fallback: CommandError, log: DispatchLog): Envelope<never> {
  if (error instanceof CommandError) return { ok: false, error: error.toData() };
  log.error('shell operation failed', error);
  return { ok: false, error: fallback.toData() };
}

function writeFailed(path: string, error: unknown): CommandError {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
  return new CommandError('storage_failure', `Không lưu được tệp vào "${path}"${code}: ổ đĩa có thể đầy, hoặc thư mục không cho phép ghi. Hãy chọn nơi lưu khác.`);
}

export function createDeskShell(deps: DeskShellDeps): DeskShell {
  const log = deps.log ?? console;
  const updates = deps.updates ?? noUpdates('');
  /** Report files the core wrote in this session, by name: the page names a file, main knows its path. */
  const exported = new Map<string, string>();

  const call = (name: unknown, args: unknown) => deps.core.invoke(name, args);

  async function attachGranted(uploadId: string, path: string, args: { dossierId: string; kind: string; checklistItemId: string | null }): Promise<Envelope<unknown>> {
    const envelope = await call('attachments.addFile', { dossierId: args.dossierId, path, kind: args.kind, checklistItemId: args.checklistItemId });
    // Attached: the grant is spent, like an upload. Refused: kept, so the officer can retry after fixing the cause.
    if (envelope.ok) deps.grants.forget(uploadId);
    return envelope;
  }

  async function saveWithDialog(title: string, fileName: string, filter: FileFilter, write: (dest: string) => Promise<void>): Promise<SaveOutcome> {
    const dest = await deps.dialogs.saveFile({ title, defaultPath: join(deps.documentsDir(), fileName), filters: [filter] });
    if (dest === null) return { saved: false };
    try {
      await write(dest);
    } catch (error) {
      if (error instanceof CommandError) throw error;
      throw writeFailed(dest, error);
    }
    return { saved: true, path: dest };
  }

  const operations: { [O in keyof ShellResults]: (args: unknown) => Promise<ShellResults[O]> } = {
    async 'shell.pickFiles'() {
      const paths = await deps.dialogs.openFiles({ title: 'Chọn tệp giấy tờ để đính kèm', filters: [ATTACHABLE_FILTER] });
      if (paths.length > MAX_FILES_PER_PICK) throw new CommandError('invalid_argument', `Tối đa ${MAX_FILES_PER_PICK} tệp một lần.`);
      const files: PickedFile[] = [];
      for (const path of paths) {
        try {
          const grant = await deps.grants.grant(path);
          files.push({ fileName: grant.fileName, granted: true, grant });
        } catch (error) {
          const refused = asEnvelope(error, new CommandError('internal', 'Không đọc được tệp này.'), log);
          if (!refused.ok) files.push({ fileName: path.split(/[/\\]/).at(-1) ?? path, granted: false, error: refused.error });
        }
      }
      return { files };
    },

    async 'shell.grantDroppedFile'(args) {
      return deps.grants.grant((args as { path: string }).path);
    },

    async 'shell.saveExport'(args) {
      const { fileName } = args as { fileName: string };
      const source = exported.get(fileName);
      if (source === undefined) throw new CommandError('not_found', 'Không tìm thấy tệp báo cáo này: hãy xuất lại báo cáo.');
      const filter = EXPORT_FILTERS[extname(fileName)] ?? EXPORT_FILTERS['.xlsx']!;
      return saveWithDialog('Lưu tệp báo cáo', fileName, filter, async (dest) => {
        // copyFile's ENOENT names the source even when the destination folder is missing: ask first.
        if (!(await stat(source).then((info) => info.isFile(), () => false))) {
          exported.delete(fileName);
          throw new CommandError('not_found', 'Tệp báo cáo đã bị xoá khỏi máy: hãy xuất lại báo cáo.');
        }
        if (resolve(dest) === resolve(source)) return; // saved onto itself: it is already there
        await copyFile(source, dest);
      });
    },

    async 'shell.savePdf'(args) {
      const raw = (args as { fileName: string }).fileName;
      const fileName = raw.toLowerCase().endsWith('.pdf') ? raw : `${raw}.pdf`;
      return saveWithDialog('Lưu bản in thành tệp PDF', fileName, PDF_FILTER, async (dest) => {
        let bytes: Uint8Array;
        try {
          bytes = await deps.printToPdf();
        } catch (error) {
          if (error instanceof CommandError) throw error;
          log.error('printToPDF failed', error);
          throw new CommandError('internal', 'Không tạo được tệp PDF từ bản in. Hãy thử lại, hoặc dùng nút “In” và chọn máy in PDF.');
        }
        await writeFile(dest, bytes);
      });
    },

    async 'shell.pickFolder'(args) {
      return { folder: await deps.dialogs.openFolder({ title: (args as { title: string }).title }) };
    },

    async 'shell.updateState'() {
      return updates.state();
    },

    async 'shell.setIntakeOpen'(args) {
      return updates.setIntakeOpen((args as { open: boolean }).open);
    },

    async 'shell.installUpdate'() {
      return updates.installNow();
    },

    async 'shell.saveSupportLogs'() {
      const bundle = await deps.supportBundle();
      return saveWithDialog('Lưu nhật ký để gửi hỗ trợ', bundle.fileName, ZIP_FILTER, (dest) => writeFile(dest, bundle.bytes));
    },
  };

  return {
    async invoke(name, args) {
      if (name === 'attachments.addFile') return errorEnvelope('forbidden', PATH_REFUSED);
      if (name === 'attachments.addUpload') {
        const parsed = COMMAND_SCHEMAS['attachments.addUpload'].safeParse(args ?? {});
        const path = parsed.success ? deps.grants.pathOf(parsed.data.uploadId) : null;
        if (parsed.success && path !== null) return attachGranted(parsed.data.uploadId, path, parsed.data);
      }
      const envelope = await call(name, args);
      if (name === 'reports.export' && envelope.ok) {
        const result = envelope.value as ExportResult;
        exported.set(result.fileName, result.path);
      }
      return envelope;
    },

    async run(operation, args) {
      if (!isShellOperation(operation)) return errorEnvelope('unknown_command', `Thao tác không tồn tại: ${String(operation).slice(0, 80)}`);
      const parsed = SHELL_SCHEMAS[operation].safeParse(args ?? {});
      if (!parsed.success) return errorEnvelope('invalid_argument', describeSchemaIssues(parsed.error.issues));
      try {
        return okEnvelope(await operations[operation](parsed.data));
      } catch (error) {
        return asEnvelope(error, new CommandError('internal', 'Đã xảy ra lỗi không mong muốn; hãy thử lại.'), log);
      }
    },
  };
}
