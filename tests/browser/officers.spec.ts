import type { Page } from '@playwright/test';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk, SUPERVISOR } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

// The screens a supervisor keeps the desk with, by keyboard only, at the usual desk laptop's size:
// officers' accounts (create, reset a password, deactivate — never oneself), an officer choosing their
// own password after a supervisor set it, and the desk's station and agency identifier after setup.

const SCREENS = 'test-results/screens';
const REFUSED = 'console: Failed to load resource: the server responded with a status of 409 (Conflict)';

async function openByNav(page: Page, name: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

/** Tabs until the element has the focus (at most `limit` presses): the keyboard path, not a click. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a supervisor creates an officer, resets a password and deactivates an account by keyboard; their own account has no actions', async ({ page, webHost }) => {
  test.setTimeout(90_000);
  const problems = watchPageProblems(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await initialiseDesk(webHost.core);
  await call(webHost.core, 'officers.create', { username: 'canbo.minh', fullName: 'Đỗ Văn Minh', role: 'officer', password: 'mat-khau-minh-1' });
  await page.goto(`${webHost.url}#/ho-so`);
  await openByNav(page, 'Cán bộ', 'Cán bộ của bàn làm việc');

  const table = page.getByTestId('officers-table');
  const me = table.getByRole('row', { name: new RegExp(SUPERVISOR.fullName) });
  await expect(me).toContainText('Tài khoản đang đăng nhập');
  await expect(me.getByRole('button')).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);

  // Create: a username with diacritics is refused beside its field; corrected, the account is listed.
  const form = page.getByTestId('new-officer');
  await tabTo(page, form.getByLabel('Họ và tên'));
  await page.keyboard.type('Lê Thị Lan');
  await page.keyboard.press('Tab');
  await page.keyboard.type('lê.lan');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('mat-khau-ban-dau');
  await page.keyboard.press('Enter');
  await expect(form.getByText('Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch.').last()).toBeVisible();
  await form.getByLabel('Tên đăng nhập').fill('');
  await form.getByLabel('Tên đăng nhập').focus();
  await page.keyboard.type('canbo.lan');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('officers-done')).toContainText('Đã tạo tài khoản canbo.lan cho Lê Thị Lan');
  const lan = table.getByRole('row', { name: /Lê Thị Lan/ });
  await expect(lan).toContainText('Hoạt động · chờ đổi mật khẩu');
  await expect(form.getByLabel('Họ và tên')).toBeFocused();

  // The same username again is refused by the core, with its reason.
  await page.keyboard.type('Lê Thị Lan Hai');
  await form.getByLabel('Tên đăng nhập').focus();
  await page.keyboard.type('canbo.lan');
  await form.getByLabel('Mật khẩu ban đầu').focus();
  await page.keyboard.type('mat-khau-ban-dau');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toContainText('Tên đăng nhập "canbo.lan" đã có người dùng.');

  // Reset Minh's password: a short one is refused in the dialog, Esc would cancel, Enter confirms.
  const minh = table.getByRole('row', { name: /Đỗ Văn Minh/ });
  await minh.getByRole('button', { name: 'Đặt lại mật khẩu cho Đỗ Văn Minh' }).focus();
  await page.keyboard.press('Enter');
  const reset = page.getByRole('dialog', { name: 'Đặt lại mật khẩu cho Đỗ Văn Minh' });
  await expect(reset.getByLabel('Mật khẩu mới (dùng một lần)')).toBeFocused();
  await page.keyboard.type('ngan');
  await page.keyboard.press('Enter');
  await expect(reset).toContainText('Mật khẩu phải có ít nhất 8 ký tự.');
  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${SCREENS}/officers-reset-1366.png` });
  await reset.getByLabel('Mật khẩu mới (dùng một lần)').fill('mat-khau-tam-thoi');
  await page.keyboard.press('Enter');
  // Hashing the password takes a moment on a busy machine.
  await expect(reset).toHaveCount(0, { timeout: 20_000 });
  await expect(minh).toContainText('Hoạt động · chờ đổi mật khẩu');
  await expect(minh.getByRole('button', { name: 'Đặt lại mật khẩu cho Đỗ Văn Minh' })).toBeFocused();

  // Deactivate Minh: confirmed by Enter, listed after the active ones, offered back.
  await page.keyboard.press('Tab');
  await expect(minh.getByRole('button', { name: 'Ngừng hoạt động Đỗ Văn Minh' })).toBeFocused();
  await page.keyboard.press('Enter');
  const deactivate = page.getByRole('dialog', { name: 'Ngừng hoạt động tài khoản của Đỗ Văn Minh?' });
  await expect(deactivate.getByRole('button', { name: 'Ngừng hoạt động' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(minh).toContainText('Ngừng hoạt động');
  await expect(table.locator('tbody tr').last()).toContainText('Đỗ Văn Minh');
  await expect(minh.getByRole('button', { name: 'Cho hoạt động lại Đỗ Văn Minh' })).toBeVisible();
  expect((await call(webHost.core, 'officers.list', {})).find((o) => o.username === 'canbo.minh')).toMatchObject({ active: false, mustChangePassword: true });
  await page.screenshot({ path: `${SCREENS}/officers-1366.png` });
  await expectNoSeriousAccessibilityViolations(page);
  // The one refused creation is the browser's logged 409 answer; nothing else went wrong.
  expect(problems).toEqual([REFUSED]);
});

test('an officer whose password a supervisor set chooses their own before the desk opens', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await initialiseDesk(webHost.core);
  const minh = await call(webHost.core, 'officers.create', { username: 'canbo.minh', fullName: 'Đỗ Văn Minh', role: 'officer', password: 'mat-khau-minh-1' });
  await call(webHost.core, 'officers.resetPassword', { officerId: minh.id, password: 'mat-khau-tam-thoi' });
  await call(webHost.core, 'auth.signOut', {});
  await page.goto(`${webHost.url}#/ho-so`);

  await page.getByLabel('Tên đăng nhập').fill('canbo.minh');
  await page.getByLabel('Mật khẩu').fill('mat-khau-tam-thoi');
  await page.keyboard.press('Enter');
  const screen = page.getByRole('region', { name: 'Đổi mật khẩu trước khi làm việc' });
  await expect(screen).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Chức năng chính' })).toHaveCount(0);
  await expect(screen.getByLabel('Mật khẩu hiện tại (do giám sát đặt)')).toBeFocused();
  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${SCREENS}/change-password-1366.png` });

  // Wrong current password; then the two new ones differ; then right.
  await page.keyboard.type('sai-mat-khau');
  await page.keyboard.press('Tab');
  await page.keyboard.type('mat-khau-cua-minh');
  await page.keyboard.press('Tab');
  await page.keyboard.type('mat-khau-cua-minh');
  await page.keyboard.press('Enter');
  await expect(screen.getByRole('alert')).toContainText('Mật khẩu hiện tại không đúng.');
  await screen.getByLabel('Mật khẩu hiện tại (do giám sát đặt)').fill('mat-khau-tam-thoi');
  await screen.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-khac-han');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText('Hai lần nhập mật khẩu mới không giống nhau.');
  await screen.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-cua-minh');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Chức năng chính' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Cán bộ', exact: true })).toHaveCount(0);
  expect((await call(webHost.core, 'auth.session', {})).officer).toMatchObject({ id: minh.id, mustChangePassword: false });
});

test('a supervisor changes the desk’s station and identifier after setup; another unit’s identifier is refused', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  const problems = watchPageProblems(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await initialiseDesk(webHost.core);
  await page.goto(`${webHost.url}#/ho-so`);
  await openByNav(page, 'Cài đặt', 'Cài đặt đồng bộ');
  const place = page.getByTestId('desk-place');
  const station = place.getByLabel('Số quầy');
  await tabTo(page, station, 60);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect(place).toContainText('Số quầy từ 1 đến 9.');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  // Phường Hà Khánh's (2020) identifier: another unit's, so its dossier codes would be that unit's.
  await page.keyboard.type('000.01.20.H49');
  await page.keyboard.press('Enter');
  await expect(place.getByRole('alert')).toContainText('Mã định danh cơ quan 000.01.20.H49 là của');
  expect((await call(webHost.core, 'settings.get', {})).station).toBe(2);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('000.07.31.H49');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-place-saved')).toContainText('Đã lưu: quầy số 5, mã định danh 000.07.31.H49.');
  await expect(page.getByTestId('desk-unit-station')).toHaveText('5');
  await expect(page.getByTestId('header-station')).toHaveText('Quầy số 5');
  await expect(page.getByTestId('desk-unit-agency')).toHaveText('000.07.31.H49');
  expect(await call(webHost.core, 'settings.get', {})).toMatchObject({ station: 5, unit: { agencyId: '000.07.31.H49' } });
  await place.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/desk-place-1366.png` });
  await expectNoSeriousAccessibilityViolations(page);
  // The refused identifier is the browser's logged 409 answer; nothing else went wrong.
  expect(problems).toEqual([REFUSED]);
});
