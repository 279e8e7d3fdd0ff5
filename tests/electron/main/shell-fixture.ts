// A DeskShell (electron/main/desk-shell.ts) over given handlers, with dialogs the test scripts: each
// open/save dialog answers the next scripted reply (cancel when none is left) and records its options.
import type { Handlers } from '../../../shared/contract/commands.js';
import { createDeskShell, handlersCaller, type DeskShell, type FileFilter } from '../../../electron/main/desk-shell.js';
import { FileGrants } from '../../../electron/main/file-grants.js';
import type { UpdateControls } from '../../../electron/main/updates/desk-updater.js';

export interface ScriptedDialogs {
  /** Replies for the next open dialogs: paths chosen, or [] for cancel. */
  open: string[][];
  /** Replies for the next save dialogs: the chosen path, or null for cancel. */
  save: (string | null)[];
  opened: { title: string; filters: FileFilter[] }[];
  saved: { title: string; defaultPath: string; filters: FileFilter[] }[];
  /** Replies for the next folder dialogs: the chosen folder, or null for cancel. */
  folder: (string | null)[];
  folders: { title: string }[];
}

export interface TestShell {
  shell: DeskShell;
  grants: FileGrants;
  dialogs: ScriptedDialogs;
  printed: number;
}

export function shellOver(
  handlers: Handlers,
  options: {
    documentsDir?: string;
    printToPdf?: () => Promise<Uint8Array>;
    grants?: FileGrants;
    updates?: UpdateControls;
    supportBundle?: () => Promise<{ fileName: string; bytes: Uint8Array }>;
  } = {},
): TestShell {
  const dialogs: ScriptedDialogs = { open: [], save: [], opened: [], saved: [], folder: [], folders: [] };
  const grants = options.grants ?? new FileGrants();
  const fixture: TestShell = {
    grants,
    dialogs,
    printed: 0,
    shell: createDeskShell({
      core: handlersCaller(handlers, { error: () => undefined }),
      grants,
      dialogs: {
        openFiles: (request) => {
          dialogs.opened.push(request);
          return Promise.resolve(dialogs.open.shift() ?? []);
        },
        openFolder: (request) => {
          dialogs.folders.push(request);
          return Promise.resolve(dialogs.folder.length > 0 ? (dialogs.folder.shift() ?? null) : null);
        },
        saveFile: (request) => {
          dialogs.saved.push(request);
          return Promise.resolve(dialogs.save.length > 0 ? (dialogs.save.shift() ?? null) : null);
        },
      },
      documentsDir: () => options.documentsDir ?? '/home/motcua/Documents',
      printToPdf: () => {
        fixture.printed += 1;
        return options.printToPdf ? options.printToPdf() : Promise.resolve(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'));
      },
      ...(options.updates === undefined ? {} : { updates: options.updates }),
      supportBundle: options.supportBundle ?? (() => Promise.resolve({ fileName: 'nhat-ky-ho-tro.zip', bytes: new TextEncoder().encode('PK') })),
      log: { error: () => undefined },
    }),
  };
  return fixture;
}
