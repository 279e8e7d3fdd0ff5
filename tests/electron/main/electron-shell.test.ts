import type { BrowserWindow as ElectronWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRINT_TO_PDF_OPTIONS, electronShellDeps } from '../../../electron/main/electron-shell.js';
import { BrowserWindow, app, dialog, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// Electron's half of the shell: the dialogs are modal to the desk window and ask for what the shell
// means (several files; overwrite confirmation), printing is A4 with the page's print stylesheet.

let window: BrowserWindow;
const deps = () => electronShellDeps(() => window as unknown as ElectronWindow);

beforeEach(() => {
  resetFakeElectron();
  window = new BrowserWindow({});
});

describe('the open dialog', () => {
  it('is modal to the desk window, takes several files with the given filters, and answers their paths', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/a/to-khai.pdf', '/home/a/anh.png'] });
    const filters = [{ name: 'Giấy tờ', extensions: ['pdf', 'png'] }];
    expect(await deps().dialogs.openFiles({ title: 'Chọn tệp', filters })).toEqual(['/home/a/to-khai.pdf', '/home/a/anh.png']);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, { title: 'Chọn tệp', filters, properties: ['openFile', 'multiSelections'] });
  });

  it('answers no paths when cancelled, even if Electron lists some', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/home/a/x.pdf'] });
    expect(await deps().dialogs.openFiles({ title: 't', filters: [] })).toEqual([]);
  });
});

describe('the folder dialog', () => {
  it('is modal to the desk window, chooses one folder (a new one may be made), and answers null on cancel', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb/sao-luu'] });
    expect(await deps().dialogs.openFolder({ title: 'Chọn thư mục sao lưu' })).toBe('/media/usb/sao-luu');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, { title: 'Chọn thư mục sao lưu', properties: ['openDirectory', 'createDirectory'] });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/media/usb'] });
    expect(await deps().dialogs.openFolder({ title: 't' })).toBeNull();
  });
});

describe('the save dialog', () => {
  it('starts at the given path, confirms overwriting, and answers null on cancel', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/a/Documents/bao-cao.xlsx' });
    const filters = [{ name: 'Excel', extensions: ['xlsx'] }];
    expect(await deps().dialogs.saveFile({ title: 'Lưu', defaultPath: '/home/a/Documents/bao-cao.xlsx', filters })).toBe('/home/a/Documents/bao-cao.xlsx');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      title: 'Lưu',
      defaultPath: '/home/a/Documents/bao-cao.xlsx',
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(await deps().dialogs.saveFile({ title: 'Lưu', defaultPath: '/x', filters })).toBeNull();
  });

  it('starts in the officer’s Documents folder', () => {
    app.paths.set('documents', '/home/motcua/Tài liệu');
    expect(deps().documentsDir()).toBe('/home/motcua/Tài liệu');
  });
});

describe('printing to PDF', () => {
  it('prints the desk window’s page on A4 with its print stylesheet, and answers the bytes', async () => {
    const bytes = await deps().printToPdf();
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(PRINT_TO_PDF_OPTIONS);
    expect(PRINT_TO_PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/^%PDF-/);
  });

  it('refuses with a Vietnamese message when the window is gone', async () => {
    window.destroyed = true;
    await expect(deps().printToPdf()).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('Cửa sổ ứng dụng đã đóng') });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
  });
});
