import type { Page, Route } from '@playwright/test';
import type { DossierRow } from '../../shared/contract/dossiers.js';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { initialiseDesk } from './support/desk-session.js';
import { expect, test } from './support/web-host.js';

// The desk on the usual desk laptop (1366×768): measured in the DOM, not eyeballed. The work list's
// search is answered from the test (100 dossiers with the widest dates), so only the layout is measured.

const LAPTOP = { width: 1366, height: 768 };
const SMALL_LAPTOP = { width: 1280, height: 720 };
const TOTAL = 100;

function row(index: number): DossierRow {
  return {
    id: `01J${String(index).padStart(23, '0')}`,
    code: `000.15.20.H49-261123-${String(index).padStart(6, '0')}`,
    status: 4,
    procedureName: 'Đăng ký thường trú',
    sectorName: 'Đăng ký, quản lý cư trú',
    applicantName: `Nguyễn Thị Thanh Hương ${index}`,
    channel: 1,
    // 28/12/2026 23:58 in Vietnam time: two-digit day, month, hour and minute, the widest text.
    receivedAt: '2026-12-28T16:58:00.000Z',
    appointmentAt: '2026-12-28T16:58:00.000Z',
    finishedAt: null,
    overdue: false,
    dueSoon: false,
    needsReview: false,
    setAsideCode: null,
  };
}

async function answerSearch(route: Route): Promise<void> {
  const args = route.request().postDataJSON() as { limit: number; offset: number };
  const rows = Array.from({ length: Math.max(0, Math.min(args.limit, TOTAL - args.offset)) }, (_, i) => row(args.offset + i));
  await route.fulfill({ json: { ok: true, value: { rows, total: TOTAL } } });
}

/** Rows whose whole box lies inside both the window and the grid's scrolling box. */
function rowsFullyInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const grid = document.getElementById('worklist-grid')!.getBoundingClientRect();
    const bottom = Math.min(window.innerHeight, grid.bottom);
    return Array.from(document.querySelectorAll('[data-testid="worklist-row"]')).filter((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= grid.top && box.bottom <= bottom + 0.5;
    }).length;
  });
}

/** The work list at one window size: whole rows in view, dates not cut, no page scroll, the menu on one line. */
async function measureWorklist(page: Page, webHost: { url: string; core: Parameters<typeof initialiseDesk>[0] }, size: { width: number; height: number }, minimumRows: number): Promise<void> {
  await initialiseDesk(webHost.core);
  await page.setViewportSize(size);
  await page.route('**/api/invoke/dossiers.search', answerSearch);
  await page.goto(webHost.url);
  await expect(page.getByTestId('worklist-total')).toHaveText('100 hồ sơ');
  await expect(page.getByTestId('worklist-row').first()).toContainText('28/12/2026');

  expect(await rowsFullyInView(page)).toBeGreaterThanOrEqual(minimumRows);
  const cut = await page.locator('.worklist-grid__time').evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent));
  expect(cut).toEqual([]);
  // No page-level scrolling: everything is inside the window, the list scrolls by itself.
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);

  // The supervisor's menu (every link, officers and settings included) stays on one line.
  const links = page.locator('.app-nav__link');
  const tops = await links.evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThanOrEqual(8);
  expect(new Set(tops).size).toBe(1);
  await page.screenshot({ path: `test-results/screens/worklist-${size.width}.png` });
  await expectNoSeriousAccessibilityViolations(page);
}

test('1366×768: the work list shows at least 12 whole rows, its dates are not cut, the menu is one line', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  await measureWorklist(page, webHost, LAPTOP, 12);
});

test('1280×720: the work list shows at least 8 whole rows, its dates are not cut, the menu is one line', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  await measureWorklist(page, webHost, SMALL_LAPTOP, 8);
});

test('1920×1080: the dates are not cut either', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.route('**/api/invoke/dossiers.search', answerSearch);
  await page.goto(webHost.url);
  await expect(page.getByTestId('worklist-row').first()).toContainText('28/12/2026');
  const cut = await page.locator('.worklist-grid__time').evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent));
  expect(cut).toEqual([]);
});

test('the status bar stays one line when the centre is down', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  await initialiseDesk(webHost.core);
  await page.setViewportSize(LAPTOP);
  await page.goto(`${webHost.url}#/ho-so`);
  const statusBar = page.getByRole('contentinfo');
  await expect(statusBar.getByTestId('status-sync')).toBeVisible();
  const oneLine = await statusBar.evaluate((element) => element.getBoundingClientRect().height);
  // The page subscribes to the event stream after it loads: publish until it has picked one up.
  await expect(async () => {
    webHost.core.events.publish('sync.status', {
      state: 'offline',
      pendingEvents: 1200,
      pendingScans: 3,
      lastSuccessAt: '2026-11-24T07:05:00.000Z',
      lastError: 'Không kết nối được máy chủ trung tâm (máy chủ không trả lời hoặc mạng bị ngắt). Máy sẽ tự thử lại sau ít phút.',
      progress: null,
      clockSkewMs: 2 * 3_600_000,
      clockWarning: 'Đồng hồ của máy này nhanh hơn giờ của trung tâm khoảng 2 giờ. Hãy chỉnh lại giờ máy tính; việc đồng bộ vẫn tiếp tục.',
      centreUrl: 'http://10.0.0.5:8787',
      revoked: false,
    });
    await expect(statusBar.getByTestId('status-sync-error')).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  expect(await statusBar.evaluate((element) => element.getBoundingClientRect().height)).toBe(oneLine);
  // What is cut on screen stays whole for a mouse (its tooltip) and a screen reader (the live region).
  await expect(statusBar.getByTestId('status-sync-error')).toHaveAttribute('title', /Không kết nối được máy chủ trung tâm/);
  await page.screenshot({ path: 'test-results/screens/status-bar-offline-1366.png' });
  await expectNoSeriousAccessibilityViolations(page);
});

/** The suggestion list's box against what the officer sees: the window and the work area's scroller. */
function suggestionsInView(page: Page): Promise<{ listTop: number; listBottom: number; visibleBottom: number; options: number; wholeOptions: number }> {
  return page.evaluate(() => {
    const list = document.getElementById('intake-procedure-list')!.getBoundingClientRect();
    const main = document.getElementById('main')!.getBoundingClientRect();
    const visibleBottom = Math.min(window.innerHeight, main.bottom);
    const options = Array.from(document.querySelectorAll('#intake-procedure-list [role="option"]')).map((option) => option.getBoundingClientRect());
    return {
      listTop: list.top,
      listBottom: list.bottom,
      visibleBottom,
      options: options.length,
      wholeOptions: options.filter((box) => box.top >= main.top && box.bottom <= visibleBottom + 0.5).length,
    };
  });
}

for (const size of [LAPTOP, SMALL_LAPTOP]) {
  test(`${size.width}×${size.height}: the procedure suggestions open where they are seen`, async ({ page, webHost }) => {
    await initialiseDesk(webHost.core);
    await page.setViewportSize(size);
    await page.goto(`${webHost.url}#/tiep-nhan`);
    const procedure = page.getByTestId('intake-procedure');
    await procedure.focus();
    await page.keyboard.type('dang ky');
    await expect(page.getByRole('listbox', { name: 'Thủ tục phù hợp' })).toBeVisible();
    await expect(async () => {
      const seen = await suggestionsInView(page);
      expect(seen.options).toBeGreaterThanOrEqual(5);
      // The whole list box inside the visible work area, and at least five suggestions whole in it.
      expect(seen.listBottom).toBeLessThanOrEqual(seen.visibleBottom + 0.5);
      expect(seen.wholeOptions).toBeGreaterThanOrEqual(5);
      // The field the officer types in stays in view above the list.
      const field = await procedure.boundingBox();
      expect(field!.y).toBeGreaterThanOrEqual(await page.evaluate(() => document.getElementById('main')!.getBoundingClientRect().top));
    }).toPass({ timeout: 5_000 });
    await expect(procedure).toBeFocused();
    await page.screenshot({ path: `test-results/screens/intake-suggestions-${size.width}.png` });
  });
}
