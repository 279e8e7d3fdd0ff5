import { app, dialog, type BrowserWindow, type PrintToPDFOptions } from 'electron';
import { CommandError } from '../../shared/contract/errors.js';
import type { DeskShellDeps } from './desk-shell.js';

// Electron's side of the shell (desk-shell.ts): the native dialogs, attached to the desk window so they
// are modal to it, the Documents folder, and the window's page printed to PDF.

/**
 * A4 with the page's print stylesheet (`@media print` hides the toolbar; `@page` gives the forms'
 * margins, which preferCSSPageSize honours), backgrounds kept for the forms' rules and boxes.
 */
export const PRINT_TO_PDF_OPTIONS: PrintToPDFOptions = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true };

export function electronShellDeps(getWindow: () => BrowserWindow | null): Pick<DeskShellDeps, 'dialogs' | 'documentsDir' | 'printToPdf'> {
  const liveWindow = (): BrowserWindow | null => {
    const window = getWindow();
    return window === null || window.isDestroyed() ? null : window;
  };
  return {
    dialogs: {
      async openFiles({ title, filters }) {
        const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile', 'multiSelections'] };
        const window = liveWindow();
        const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
        return result.canceled ? [] : result.filePaths;
      },
      async openFolder({ title }) {
        // A USB drive or a network share: a new folder may be made there from the dialog.
        const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
        const window = liveWindow();
        const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
        return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]!;
      },
      async saveFile({ title, defaultPath, filters }) {
        const options: Electron.SaveDialogOptions = { title, defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
        const window = liveWindow();
        const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
    documentsDir: () => app.getPath('documents'),
    async printToPdf() {
      const window = liveWindow();
      if (window === null) throw new CommandError('internal', 'Cửa sổ ứng dụng đã đóng: không còn bản in để lưu.');
      return window.webContents.printToPDF(PRINT_TO_PDF_OPTIONS);
    },
  };
}
