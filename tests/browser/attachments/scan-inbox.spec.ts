import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { multiPageTiff, textScanPng } from '../../electron/core/attachments/support/papers.js';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.js';
import { call } from '../support/desk-session.js';
import { watchPageProblems } from '../support/page-problems.js';
import { expect, test } from '../support/web-host.js';

// A scanner drops a two-page scan into the desk's scan inbox; the officer opens the dossier, attaches
// it from the inbox panel with one key, and reads it in the viewer — through the web host with the
// real core, the real blob store and pdf.js under the app's CSP.

const SCREENS = 'test-results/screens';

test.beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
});

/** Writes a file into the inbox as a scanner would, finished a minute ago. */
async function dropScan(inboxDir: string, name: string, bytes: Uint8Array): Promise<string> {
  await mkdir(inboxDir, { recursive: true });
  const path = join(inboxDir, name);
  await writeFile(path, bytes);
  const finished = new Date(Date.now() - 60_000);
  await utimes(path, finished, finished);
  return path;
}

/** The whole screen: the window grows to the content's height (the shell scrolls inside its main area). */
async function screen(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const needed = await page.evaluate(() => {
    const main = document.querySelector('.shell__main');
    return main ? document.documentElement.clientHeight - main.clientHeight + main.scrollHeight : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(size.height, needed), 4000) });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
  await page.setViewportSize(size);
}

/** Some pixel of the canvas is dark: the page was really drawn, not left blank. */
function canvasHasInk(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).first().evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return false;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 80) return true;
    return false;
  });
}

test('a scan dropped into the inbox is attached with one key and opens in the viewer', async ({ page, webHost }) => {
  test.setTimeout(90_000);
  const problems = watchPageProblems(page);
  // First start through the core: the supervisor it creates is the officer the page finds signed in.
  await call(webHost.core, 'setup.initialise', {
    unitGsoCode: '06691',
    agencyId: '000.15.20.H49',
    station: 2,
    supervisor: { username: 'truongbp', fullName: 'Phạm Thu Trang', password: 'mat-khau-thu-nghiem' },
  });
  const dossier = await call(webHost.core, 'dossiers.receive', {
    procedureId: 'ho-tich.dang-ky-khai-sinh',
    channel: 1,
    applicant: { fullName: 'Trần Thị B', idNumber: '022190000123', birthDate: null, sex: null, phone: '0912000111', email: null },
    owner: null,
    documents: [
      { itemId: 'to-khai', name: 'Tờ khai đăng ký khai sinh', form: 'original', count: 1 },
      { itemId: 'giay-chung-sinh', name: 'Giấy chứng sinh', form: 'original', count: 1 },
      { itemId: 'giay-to-tuy-than', name: 'Thẻ Căn cước của người đi đăng ký', form: 'original', count: 1 },
    ],
  });
  const inboxDir = join(webHost.dataDir, 'scan-inbox');
  const scanPath = await dropScan(inboxDir, 'quet-to-khai.tiff', await multiPageTiff(2));

  await page.goto(`${webHost.url}#/ho-so/${dossier.state.id}`);
  const panel = page.getByTestId('attachments-panel');
  await expect(panel.getByRole('heading', { name: 'Giấy tờ số hoá' })).toBeVisible();
  await expect(panel.getByTestId('checklist-to-khai')).toContainText('Chưa số hoá');
  const inbox = panel.getByTestId('inbox-list');
  await expect(inbox.getByRole('option', { name: /quet-to-khai\.tiff/ })).toBeVisible();

  // One key: Enter on the inbox list attaches the selected scan to the first paper not yet digitised.
  await inbox.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('attachments-notice')).toHaveText('Đã đính kèm "quet-to-khai.tiff".');
  await expect(panel.getByTestId('checklist-to-khai')).toContainText('Đã số hoá');
  await expect(panel.getByTestId('checklist-giay-chung-sinh')).toContainText('Chưa số hoá');
  await expect(panel.getByText('Không có tệp nào đang chờ.')).toBeVisible();
  expect(existsSync(scanPath)).toBe(false); // stored and recorded, so it left the inbox

  const thumb = panel.getByTestId('attachment-thumb');
  await expect(thumb).toContainText('quet-to-khai.pdf');
  await expect(thumb).toContainText('2 trang');
  await expect.poll(() => canvasHasInk(page, 'attachment-thumb-canvas')).toBe(true);

  // A file that arrives while the page is open shows up by itself (chokidar → inbox.changed → SSE).
  await writeFile(join(inboxDir, 'giay-chung-sinh.png'), await textScanPng(150));
  await expect(inbox.getByRole('option', { name: /giay-chung-sinh\.png/ })).toBeVisible({ timeout: 20_000 });
  await screen(page, 'attachments-panel');
  await expectNoSeriousAccessibilityViolations(page);

  // The viewer: pdf.js draws the page; PageDown turns it, + zooms, Esc closes.
  await thumb.getByRole('button', { name: /Xem quet-to-khai\.pdf/ }).click();
  const viewer = page.getByTestId('attachment-viewer');
  await expect(viewer).toBeVisible();
  await expect(viewer.getByTestId('viewer-page')).toHaveText('Trang 1/2');
  await expect.poll(() => canvasHasInk(page, 'viewer-canvas')).toBe(true);
  await page.keyboard.press('PageDown');
  await expect(viewer.getByTestId('viewer-page')).toHaveText('Trang 2/2');
  await page.keyboard.press('PageUp');
  await expect(viewer.getByTestId('viewer-page')).toHaveText('Trang 1/2');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('+');
  await expect(viewer.getByTestId('viewer-zoom')).toHaveText('125%');
  await expect(viewer.getByTestId('viewer-page')).toHaveText('Trang 2/2');
  await expect.poll(() => canvasHasInk(page, 'viewer-canvas')).toBe(true);
  await page.screenshot({ path: `${SCREENS}/attachments-viewer.png` });
  const dossierUrl = page.url();
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  // Esc closed the viewer only: the officer is still on the dossier.
  await expect(page.getByRole('button', { name: /Xem quet-to-khai\.pdf/ })).toBeVisible();
  expect(page.url()).toBe(dossierUrl);

  expect(problems).toEqual([]);
});
