import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk, receiveThroughCore, SUPERVISOR } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import { testNowMs } from '../support/test-now.js';

// First start refuses what it cannot use, next to each field; the idle lock hides the desk after ten
// minutes without input and survives a reload; only the signed-in officer's password opens it.

test('the first-start screen names every problem next to its field', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await page.goto(webHost.url);
  await expect(page.getByRole('heading', { name: 'Khởi tạo bàn làm việc' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill('Truong BP');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('ngan');
  await page.getByLabel('Nhập lại mật khẩu').fill('khac');
  await page.getByRole('button', { name: /Khởi tạo và đăng nhập/ }).click();

  await expect(page.locator('#setup-unit-error')).toHaveText('Hãy chọn đơn vị của bộ phận một cửa.');
  await expect(page.locator('#setup-username-error')).toContainText('Tên đăng nhập gồm 3–40 ký tự');
  await expect(page.locator('#setup-password-error')).toHaveText('Mật khẩu phải có ít nhất 8 ký tự.');
  await expect(page.locator('#setup-password-again-error')).toHaveText('Hai lần nhập mật khẩu không giống nhau.');
  await expect(page.locator('#setup-agency-id-error')).toContainText('AAA.BB.CC.Hnn');
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('Truong BP');
  await page.screenshot({ path: 'test-results/screens/setup-errors.png', fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);
  expect(problems).toEqual([]);
});

// Which units come first depends on the day (the 2025 arrangement took effect on 01/07/2025): run again
// at the hard instants of tests/support/hard-dates.sh.
test('first start offers the units in force that day first, each with its own agency identifier', { tag: '@today' }, async ({ page, webHost }) => {
  await page.goto(webHost.url);
  await expect(page.getByRole('heading', { name: 'Khởi tạo bàn làm việc' })).toBeVisible();
  await expect(page.getByLabel(/Tìm đơn vị/)).toBeFocused();
  await page.keyboard.type('hong gai'); // no diacritics needed
  await expect(page.getByRole('radio', { name: /Phường Hồng Gai/ }).first()).toBeVisible();
  // From 01/07/2025 the 2025 ward comes first and the former one is listed after it, marked as ended;
  // before, the former ward is the one in force and nothing says it ended.
  const arranged = testNowMs() >= Date.parse('2025-07-01T00:00:00+07:00');
  const inForce = CATALOGUE_UNITS.find((u) => u.id === (arranged ? 'quang-ninh-2025-phuong-hong-gai' : 'ha-long-2020-phuong-hong-gai'))!;
  const expired = page.getByText(/Đã hết hiệu lực/).first();
  const formerGroup = page.getByText(/Đơn vị cũ \(đã sáp nhập\)/);
  if (arranged) {
    await expect(expired).toBeVisible();
    await expect(formerGroup).toBeVisible();
  } else {
    await expect(expired).toBeHidden();
    await expect(formerGroup).toBeHidden();
  }
  await page.keyboard.press('Enter');
  await expect(page.locator(`#setup-unit-${inForce.id}`)).toBeChecked();
  await expect(page.getByLabel('Mã định danh cơ quan')).toHaveValue(inForce.agencyId);
});

test('the desk locks itself after ten idle minutes, stays locked on reload, and opens with the password', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await receiveThroughCore(webHost.core, 'Nguyễn Văn Đức');
  // The page's clock is installed by the fixture (support/web-host.ts): fastForward moves it.
  await page.goto(webHost.url);
  await expect(page.getByText('Nguyễn Văn Đức')).toBeVisible();

  await page.clock.fastForward('09:00');
  await expect(page.getByRole('heading', { name: 'Danh sách hồ sơ' })).toBeVisible();
  await page.keyboard.press('ArrowDown'); // input restarts the count
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('heading', { name: 'Danh sách hồ sơ' })).toBeVisible();
  await page.clock.fastForward('02:00');
  await expect(page.getByRole('heading', { name: 'Màn hình đã khoá' })).toBeVisible();
  await expect(page.getByText('Nguyễn Văn Đức')).toHaveCount(0);
  await expect(page.getByTestId('header-officer')).toHaveCount(0);
  await expect(page.getByLabel('Mật khẩu')).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/locked.png', fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Màn hình đã khoá' })).toBeVisible();
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Mật khẩu không đúng.');
  await expect(page.getByRole('alert')).toContainText('Đăng nhập không thành công');
  await expect(page.getByRole('alert')).not.toContainText('Không có quyền truy cập');
  await page.getByLabel('Mật khẩu').fill(SUPERVISOR.password);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Nguyễn Văn Đức')).toBeVisible();
  await expect(page.getByTestId('header-officer')).toHaveText(SUPERVISOR.fullName);
});

test('“Khoá” locks at once; signing out from the lock lets another officer in', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await page.goto(webHost.url);
  await page.getByRole('button', { name: 'Khoá' }).click();
  await expect(page.getByRole('heading', { name: 'Màn hình đã khoá' })).toBeVisible();
  await expect(page.getByTestId('lock-officer')).toHaveText(SUPERVISOR.fullName);
  await page.getByRole('button', { name: /Đăng xuất/ }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  // A print view is personal data too: it does not open without a signed-in officer.
  await page.goto(`${webHost.url}#/in/05/01JABCDEFGHJKMNPQRSTVWXYZ0`);
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Bản in' })).toHaveCount(0);
});

test('a session the core lost brings back the sign-in screen with the reason, not an error box', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  await receiveThroughCore(webHost.core, 'Lê Văn Cường');
  await page.goto(webHost.url);
  await expect(page.getByText('Lê Văn Cường')).toBeVisible();

  // The core forgets the officer (as after a restart of the desk's core) while the page stays open.
  await call(webHost.core, 'auth.signOut', {});
  await page.getByTestId('worklist-search').fill('Cuong');

  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByTestId('sign-in-notice')).toContainText('Phiên làm việc đã kết thúc');
  await expect(page.getByText('Lê Văn Cường')).toHaveCount(0);
  await expect(page.getByText('Không có quyền truy cập')).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);

  await page.getByLabel('Tên đăng nhập').fill(SUPERVISOR.username);
  await page.getByLabel('Mật khẩu').fill(SUPERVISOR.password);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Lê Văn Cường')).toBeVisible();
  await expect(page.getByTestId('sign-in-notice')).toHaveCount(0);
  // The refused search is an HTTP 401 from the web host, which Chromium logs; nothing else may appear.
  expect(problems.filter((problem) => !problem.includes('status of 401'))).toEqual([]);
});
