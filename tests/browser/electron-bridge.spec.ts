import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { DeskCore } from '../../electron/core/start-core.js';
import type { CoreStatus } from '../../shared/contract/events.js';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { serveBlob, BLOB_PATH_PREFIX } from '../../electron/main/blob-route.js';
import { FileGrants } from '../../electron/main/file-grants.js';
import { pdfOf, textScanPng } from '../electron/core/attachments/support/papers.js';
import { shellOver, type TestShell } from '../electron/main/shell-fixture.js';
import JSZip from 'jszip';
import { openDeskLog } from '../../electron/core/logging/desk-log.js';
import { buildSupportBundle } from '../../electron/core/logging/support-bundle.js';
import { initialiseDesk, receiveThroughCore } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

// The renderer's Electron branch in real Chromium: the page gets a `window.desk` as the preload would
// give it, and behind it runs the main process's own code (electron/main/desk-shell.ts, file-grants.ts,
// blob-route.ts) over the web host's real core — only Electron itself is replaced: the dialogs answer
// paths the test prepared, a drop's path is looked up by the File's name (webUtils.getPathForFile's
// job), printToPDF is Chromium's page.pdf, and app://desk/blobs/ is routed to main's blob route.

interface Bridge {
  shell: TestShell;
  /** Paths the fake preload knows for dropped Files, by name. */
  dropped: Map<string, string>;
  stop(): void;
}

async function installElectronBridge(page: Page, core: DeskCore, dataDir?: string): Promise<Bridge> {
  const dropped = new Map<string, string>();
  const shell = shellOver(core.handlers, {
    ...(dataDir === undefined
      ? {}
      : {
          supportBundle: async () => ({
            fileName: 'nhat-ky-ho-tro-20261125-1000.zip',
            bytes: await buildSupportBundle(dataDir, { appName: 'Một cửa Hạ Long', appVersion: '1.4.0', runtime: {}, os: 'win32 10.0.19045 x64' }, new Date()),
          }),
        }),
    documentsDir: join(tmpdir(), 'khong-dung'),
    grants: new FileGrants(),
    printToPdf: async () => new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })),
  });
  await page.exposeFunction('__mainInvoke', (name: unknown, args: unknown) => shell.shell.invoke(name, args));
  await page.exposeFunction('__mainShell', (operation: unknown, args: unknown) => shell.shell.run(operation, args));
  await page.exposeFunction('__preloadDrop', (fileName: unknown) => {
    const path = typeof fileName === 'string' ? dropped.get(fileName) : undefined;
    if (path === undefined) return { ok: false, error: { code: 'invalid_argument', message: 'Không lấy được đường dẫn của tệp kéo thả.' } };
    return shell.shell.run('shell.grantDroppedFile', { path });
  });
  await page.addInitScript(() => {
    type Listener = (payload: unknown) => void;
    const listeners = new Map<string, Set<Listener>>();
    const w = window as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> & { __deskEmit: unknown; desk: unknown };
    w.__deskEmit = (name: string, payload: unknown) => listeners.get(name)?.forEach((listener) => listener(payload));
    w.desk = {
      invoke(name: string, args: unknown) {
        if (name === 'shell.grantDroppedFile') return w.__preloadDrop!((args as { file?: File } | null)?.file?.name);
        if (name.startsWith('shell.')) return w.__mainShell!(name, args);
        return w.__mainInvoke!(name, args);
      },
      on(event: string, listener: Listener) {
        const set = listeners.get(event) ?? new Set<Listener>();
        listeners.set(event, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    };
  });
  // Main's webContents.send, as the preload's `on` would receive it.
  const unsubscribe = core.events.subscribe((name, payload) => {
    page.evaluate(([n, p]) => (window as unknown as { __deskEmit?: (n: string, p: unknown) => void }).__deskEmit?.(n, p), [name, payload] as const).catch(() => undefined);
  });
  // app://desk/blobs/<sha256> is the page's own origin in Electron; here the same path on the host's.
  await page.route(
    (url) => url.pathname.startsWith(BLOB_PATH_PREFIX),
    async (route) => {
      const response = await serveBlob(core.attachments, new URL(route.request().url()).pathname);
      await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
    },
  );
  return { shell, dropped, stop: unsubscribe };
}

let files: string;
test.beforeEach(async () => {
  files = await mkdtemp(join(tmpdir(), 'officer-files-'));
});
test.afterEach(async () => {
  await rm(files, { recursive: true, force: true });
});

function officerFile(name: string, bytes: Uint8Array): string {
  const path = join(files, name);
  writeFileSync(path, bytes);
  return path;
}

/** Some pixel of the canvas is inked (the fabricated PDF has one small line of grey-edged text): drawn, not blank. */
function canvasHasInk(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).first().evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return false;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 200) return true;
    return false;
  });
}

test('in the Electron window, files picked in main’s dialog or dropped go by path, and scans come back over app://', async ({ page, webHost }) => {
  test.setTimeout(90_000);
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const dossier = await receiveThroughCore(webHost.core, 'Trần Thị B');
  const bridge = await installElectronBridge(page, webHost.core);
  const pdf = await pdfOf(2, 'To khai');
  const pdfPath = officerFile('to-khai.pdf', pdf);
  const gifPath = officerFile('anh.gif', Buffer.from('GIF89a-khong-phai-ban-quet'));
  const pngPath = officerFile('giay-chung-sinh.png', await textScanPng(100));

  await page.goto(`${webHost.url}#/ho-so/${dossier.state.id}`);
  const panel = page.getByTestId('attachments-panel');
  await expect(panel.getByRole('heading', { name: 'Giấy tờ số hoá' })).toBeVisible();

  // "Chọn tệp…" opens main's dialog, not the page's file input.
  bridge.shell.dialogs.open.push([pdfPath]);
  await panel.getByTestId('attachments-choose').click();
  await expect(panel.getByTestId('attachments-notice')).toHaveText('Đã đính kèm "to-khai.pdf".');
  expect(bridge.shell.dialogs.opened).toHaveLength(1);
  const thumb = panel.getByTestId('attachment-thumb');
  await expect(thumb).toContainText('to-khai.pdf');
  await expect(thumb).toContainText('2 trang');
  // The thumbnail's bytes came from main's blob route (app://desk/blobs/<sha256>) and pdf.js drew them.
  await expect.poll(() => canvasHasInk(page, 'attachment-thumb-canvas')).toBe(true);

  // The viewer reads the same route.
  await thumb.getByRole('button', { name: /Xem to-khai\.pdf/ }).click();
  const viewer = page.getByTestId('attachment-viewer');
  await expect(viewer.getByTestId('viewer-page')).toHaveText('Trang 1/2');
  await expect.poll(() => canvasHasInk(page, 'viewer-canvas')).toBe(true);
  await viewer.getByRole('button', { name: /Đóng/ }).click();
  await expect(viewer).toBeHidden();

  // A file of the wrong type: the same message as the browser's upload route, prefixed with its name.
  bridge.shell.dialogs.open.push([gifPath]);
  await panel.getByTestId('attachments-choose').click();
  await expect(panel.getByRole('alert')).toContainText('"anh.gif": Không nhận tệp "anh.gif": chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF');

  // Cancelling the dialog changes nothing.
  await panel.getByTestId('attachments-choose').click();
  await expect(panel.getByTestId('attachment-thumb')).toHaveCount(1);

  // A drop: the page hands over the File, the preload finds its path, main grants and attaches it.
  bridge.dropped.set('giay-chung-sinh.png', pngPath);
  await panel.getByTestId('attachments-drop').evaluate((zone) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['only a name: the bytes are read by main from the path'], 'giay-chung-sinh.png', { type: 'image/png' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(panel.getByTestId('attachments-notice')).toHaveText('Đã đính kèm "giay-chung-sinh.png".');
  await expect(panel.getByTestId('attachment-thumb')).toHaveCount(2);
  const list = await webHost.core.handlers['attachments.list']({ dossierId: dossier.state.id }, { transport: 'in-process' });
  expect(list.attachments.map((a) => a.fileName).sort()).toEqual(['giay-chung-sinh.pdf', 'to-khai.pdf']);
  expect(list.attachments.find((a) => a.fileName === 'to-khai.pdf')?.blobSha256).toBe(createHash('sha256').update(pdf).digest('hex'));

  // A damaged scan: the viewer says so in Vietnamese instead of a blank page.
  const sha = list.attachments.find((a) => a.fileName === 'to-khai.pdf')!.blobSha256;
  const blobPath = webHost.core.attachments.blobs.pathOf(sha);
  chmodSync(blobPath, 0o644);
  writeFileSync(blobPath, Buffer.concat([pdf.subarray(0, 100), Buffer.from('hỏng'), pdf.subarray(104)]));
  await page.reload();
  const damaged = page.getByTestId('attachment-thumb').filter({ hasText: 'to-khai.pdf' });
  await expect(damaged).toContainText('Tệp bị hỏng');
  await expect(damaged.getByRole('img', { name: /bị hỏng trên ổ đĩa/ })).toBeVisible();

  bridge.stop();
  expect(problems.filter((p) => !/500|Internal Server Error/.test(p))).toEqual([]);
});

test('in the Electron window an export is saved where the save dialog says, and nothing happens on cancel', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  await initialiseDesk(webHost.core);
  const bridge = await installElectronBridge(page, webHost.core);
  await page.goto(`${webHost.url}#/bao-cao`);
  await expect(page.getByRole('heading', { name: 'Báo cáo', level: 2 })).toBeVisible();

  const dest = join(files, 'Bao-cao-quy.csv');
  bridge.shell.dialogs.save.push(dest);
  await page.getByRole('button', { name: 'Xuất CSV' }).click();
  await expect(page.getByTestId('export-saved')).toContainText(dest);
  const offered = bridge.shell.dialogs.saved[0]!;
  expect(offered.defaultPath).toMatch(/khong-dung\/Bieu06_[A-Za-z0-9]+_[0-9Q_-]+\.csv$/);
  const fileName = offered.defaultPath.split('/').at(-1)!;
  expect(readFileSync(dest)).toEqual(readFileSync(join(webHost.dataDir, 'exports', fileName)));

  // Cancel: no message, no file.
  await page.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click();
  await expect.poll(() => bridge.shell.dialogs.saved.length).toBe(2);
  await expect(page.getByTestId('export-done')).toContainText('.xlsx');
  await expect(page.getByTestId('export-saved')).toHaveCount(0);
  bridge.stop();
});

test('in the Electron window "Lưu nhật ký để gửi hỗ trợ" saves the logs zip where the save dialog says', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  openDeskLog(webHost.dataDir, 'core').info('desk core 1.4.0 starting');
  const bridge = await installElectronBridge(page, webHost.core, webHost.dataDir);
  await page.goto(`${webHost.url}#/thong-tin`);
  const dest = join(files, 'nhat-ky.zip');
  bridge.shell.dialogs.save.push(dest);
  await page.getByRole('button', { name: 'Lưu nhật ký để gửi hỗ trợ' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toContainText(dest);
  const zip = await JSZip.loadAsync(readFileSync(dest));
  expect(await zip.file('logs/core.log')!.async('string')).toContain('desk core 1.4.0 starting');
  expect(await zip.file('thong-tin-may.txt')!.async('string')).toContain('Một cửa Hạ Long 1.4.0');
  bridge.stop();
});

test('in the Electron window a printed form is saved as an A4 PDF with “Lưu PDF”; “In” still prints', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  await initialiseDesk(webHost.core);
  const dossier = await receiveThroughCore(webHost.core, 'Lê Văn C');
  const bridge = await installElectronBridge(page, webHost.core);
  await page.goto(`${webHost.url}#/in/01/${dossier.state.id}`);
  await expect(page.getByRole('button', { name: 'In', exact: true })).toBeEnabled();

  const dest = join(files, 'bien-nhan.pdf');
  bridge.shell.dialogs.save.push(dest);
  await page.getByRole('button', { name: 'Lưu PDF' }).click();
  await expect(page.getByTestId('print-pdf-saved')).toContainText(dest);
  expect(bridge.shell.dialogs.saved[0]?.defaultPath).toMatch(new RegExp(`Mau-01-${dossier.state.code!.replace(/\./g, '\\.')}\\.pdf$`));
  expect(bridge.shell.printed).toBe(1);
  const written = readFileSync(dest);
  expect(written.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // A4 portrait (595 × 842 points), as the form's @page asks.
  const saved = await PDFDocument.load(new Uint8Array(written));
  const { width, height } = saved.getPage(0).getSize();
  expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);

  // “In” is still the print dialog (window.print), not the PDF route.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: 'In', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(bridge.shell.printed).toBe(1);
  bridge.stop();
});

test('in the Electron window the core’s own process speaks through a banner: a start-up rebuild’s progress, a restart over an intake that keeps its draft', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const bridge = await installElectronBridge(page, webHost.core);
  await page.goto(`${webHost.url}#/tiep-nhan`);
  await expect(page.getByTestId('intake-id-number')).toBeFocused();
  await page.getByLabel('Họ và tên').fill('Phạm Văn Minh');
  // What main sends on app:event (lifecycle.ts), as the preload's `on` delivers it.
  const coreSays = (status: CoreStatus) =>
    page.evaluate((payload) => (window as unknown as { __deskEmit: (n: string, p: unknown) => void }).__deskEmit('core.status', payload), status);

  const banner = page.getByTestId('core-banner');
  await coreSays({ state: 'rebuilding', done: 1200, total: 5000 });
  await expect(banner).toContainText('Đang cập nhật dữ liệu… 1.200/5.000 hồ sơ');
  await expect(banner).toHaveAttribute('role', 'status');
  await coreSays({ state: 'rebuilding', done: 5000, total: 5000 });
  await expect(banner).toBeHidden();

  await coreSays({ state: 'restarted' });
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Lõi ứng dụng vừa khởi động lại');
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Phạm Văn Minh');
  await expectNoSeriousAccessibilityViolations(page);
  await banner.getByRole('button', { name: 'Đã hiểu' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Phạm Văn Minh');
  bridge.stop();
  expect(problems).toEqual([]);
});
