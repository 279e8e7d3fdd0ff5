import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk, receiveThroughCore, SUPERVISOR } from './support/desk-session.js';
import { expect, test } from './support/web-host.js';

// Scrolling and focus between screens: each screen opens at its top, the page itself never scrolls,
// the F4 list's narrowing does not outlive it, and a lock or sign-out leaves nothing of the last screen.

test('no page-level scrollbar on the dossier page, and each screen opens at its top', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  const detail = await receiveThroughCore(webHost.core, 'Lê Văn Cuộn');
  await page.setViewportSize({ width: 1366, height: 560 });
  await page.goto(`${webHost.url}#/ho-so/${detail.state.id}`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const pageScrolls = () => page.evaluate(() => document.scrollingElement!.scrollHeight > window.innerHeight);
  expect(await pageScrolls()).toBe(false);

  // The work area is scrolled down on the dossier page, then the officer goes to the About page.
  const main = page.locator('#main');
  await main.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  expect(await main.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Thông tin ứng dụng' }).click();
  await expect(page).toHaveURL(/#\/thong-tin$/);
  expect(await main.evaluate((element) => element.scrollTop)).toBe(0);
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  await expectNoSeriousAccessibilityViolations(page);
});

test('F4 narrows the list to results waiting; a later F3 searches every dossier', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await receiveThroughCore(webHost.core, 'Đỗ Thị Tìm');
  await page.goto(`${webHost.url}#/ho-so`);
  const total = page.getByTestId('worklist-total');
  await expect(total).toHaveText('1 hồ sơ');
  await page.keyboard.press('F4');
  await expect(total).toHaveText('0 hồ sơ');
  await page.keyboard.press('F3');
  await expect(page.getByTestId('worklist-search')).toBeFocused();
  await expect(total).toHaveText('1 hồ sơ');
  await expect(page.locator('#worklist-status')).toHaveValue('');
});

test('locking from the About page shows the lock screen', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await page.goto(`${webHost.url}#/thong-tin`);
  await page.getByRole('button', { name: 'Khoá' }).click();
  await expect(page.locator('#lock-title')).toBeVisible();
  await expect(page.getByRole('link', { name: '← Quay lại' })).toHaveCount(0);
});

test("the previous officer's search text is gone after sign-out", async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await page.goto(`${webHost.url}#/ho-so`);
  await page.getByTestId('worklist-search').fill('nguyen van');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByLabel('Tên đăng nhập').fill(SUPERVISOR.username);
  await page.getByLabel('Mật khẩu').fill(SUPERVISOR.password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('worklist-search')).toBeVisible();
  await expect(page.getByTestId('worklist-search')).toHaveValue('');
});

test('Enter on a row of the F4 list opens its hand-back', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  const detail = await receiveThroughCore(webHost.core, 'Phan Thị Nhận');
  await call(webHost.core, 'dossiers.recordResult', { dossierId: detail.state.id, summary: 'Đã cấp giấy khai sinh' });
  await page.goto(`${webHost.url}#/ho-so`);
  await expect(page.getByTestId('worklist-total')).toHaveText('1 hồ sơ');
  await page.keyboard.press('F4');
  await expect(page.getByTestId('worklist-row')).toContainText('Phan Thị Nhận');
  await page.getByTestId('worklist-grid').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/ho-so/${detail.state.id}/tra-ket-qua$`));
});
