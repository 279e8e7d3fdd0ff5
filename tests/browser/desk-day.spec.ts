import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { DESK, SAMPLE_QR_LINE, SUPERVISOR, tickRequiredPapers } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import { testNowMs } from '../support/test-now.js';
import { expect, test } from './support/web-host.js';

// A working day at the reception desk, through the web host with the real core on a fresh data folder:
// first start, sign in, three citizens at the counter (one with a CCCD scanned by a keyboard-wedge
// scanner), the receipt, processing, the hand-back with the citizen's rating, a search without
// diacritics and the day's numbers. Nearly everything is done from the keyboard, as officers do.

const SCREENS = 'test-results/screens';

test.beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
});

/** A screenshot of the whole screen: the window grows to the content's height (the shell scrolls inside). */
async function screen(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const needed = await page.evaluate(() => {
    const main = document.querySelector('.shell__main');
    return main ? document.documentElement.clientHeight - main.clientHeight + main.scrollHeight : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(size.height, needed), 3000) });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
  await page.setViewportSize(size);
}

/** Chooses a procedure from the type-ahead by typing words without diacritics, then Enter. */
async function chooseProcedure(page: Page, words: string, expected: RegExp): Promise<void> {
  const picker = page.getByRole('combobox', { name: /Thủ tục hành chính/ });
  await picker.focus();
  await page.keyboard.type(words);
  await expect(page.getByRole('option').first()).toContainText(expected);
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(expected);
}

test('a working day at the desk, keyboard first', async ({ page, webHost }) => {
  test.setTimeout(180_000);
  const problems = watchPageProblems(page);
  await page.goto(webHost.url);

  // 1. First start: the unit, station, agency identifier and the first supervisor.
  await expect(page.getByRole('heading', { name: 'Khởi tạo bàn làm việc' })).toBeVisible();
  const unitSearch = page.getByLabel(/Tìm đơn vị/);
  await expect(unitSearch).toBeFocused();
  await page.keyboard.type('hong gai');
  await expect(page.getByRole('radio', { name: /Phường Hồng Gai/ }).first()).toBeVisible();
  // The units offered depend on the day (session.spec.ts checks that at the hard instants); the whole
  // day is not tagged @today: its one date-dependent step is that choice, and it is the longest spec.
  const arranged = testNowMs() >= Date.parse('2025-07-01T00:00:00+07:00');
  const deskUnit = CATALOGUE_UNITS.find((u) => u.id === (arranged ? 'quang-ninh-2025-phuong-hong-gai' : 'ha-long-2020-phuong-hong-gai'))!;
  await page.keyboard.press('Enter');
  await expect(page.locator(`#setup-unit-${deskUnit.id}`)).toBeChecked();
  // The unit's own identifier is filled in: desks of different units never start with the same one.
  const agencyId = page.getByLabel('Mã định danh cơ quan');
  await expect(agencyId).toHaveValue(deskUnit.agencyId);
  await page.getByLabel('Số quầy').selectOption(String(DESK.station));
  await page.getByLabel('Tên đăng nhập').fill(SUPERVISOR.username);
  await page.getByLabel('Họ và tên').fill(SUPERVISOR.fullName);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(SUPERVISOR.password);
  await page.getByLabel('Nhập lại mật khẩu').fill(SUPERVISOR.password);
  await screen(page, 'setup');
  await expectNoSeriousAccessibilityViolations(page);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('header-officer')).toHaveText(SUPERVISOR.fullName);
  await expect(page.getByTestId('header-unit')).toHaveText(DESK.unitName);
  await expect(page.getByTestId('header-station')).toHaveText(`Quầy số ${DESK.station}`);

  // 2. Sign out, then sign in from the keyboard.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
  await screen(page, 'sign-in');
  await expectNoSeriousAccessibilityViolations(page);
  await page.keyboard.type(SUPERVISOR.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(SUPERVISOR.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('header-officer')).toHaveText(SUPERVISOR.fullName);
  await expect(page.getByRole('heading', { name: 'Danh sách hồ sơ' })).toBeVisible();

  // 3. The first citizen: the CCCD scanned by a keyboard-wedge scanner (it types the line, then Enter).
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', exact: true })).toBeVisible();
  const idField = page.getByTestId('intake-id-number');
  await expect(idField).toBeFocused();
  await page.keyboard.type(SAMPLE_QR_LINE);
  await page.keyboard.press('Enter');
  await expect(idField).toHaveValue('022190000123');
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Trần Thị B');
  await expect(page.getByLabel(/Ngày sinh/)).toHaveValue('05/06/1990');
  await expect(page.getByRole('radio', { name: 'Nữ' })).toBeChecked();
  await expect(page.getByLabel('Nơi thường trú / địa chỉ')).toHaveValue(/Phường Hồng Gai/);
  await expect(page.getByLabel('Số điện thoại')).toBeFocused();
  await page.keyboard.type('0912 345 678');
  await chooseProcedure(page, 'khai sinh', /^Đăng ký khai sinh/);
  await tickRequiredPapers(page); // they start unticked: each is ticked once the officer has seen it
  const appointment = page.getByTestId('intake-appointment');
  await expect(appointment).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await screen(page, 'intake');
  await expectNoSeriousAccessibilityViolations(page);
  await page.keyboard.press('Control+Enter');

  // 4. The receipt (form 01) opens with the new code.
  await expect(page).toHaveURL(/#\/in\/01\/[0-9A-Z]{26}$/);
  const firstCode = new RegExp(`${deskUnit.agencyId.replaceAll('.', '\\.')}-\\d{6}-2\\d{3}`);
  await expect(page.getByRole('toolbar', { name: 'Bản in' })).toContainText(firstCode);
  await expect(page.locator('.print-sheets')).toContainText('Trần Thị B');
  await screen(page, 'receipt');
  // Back to the intake screen ("Giấy tiếp nhận hồ sơ…", the receipt's own heading, is not it).
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', exact: true })).toBeVisible();

  // 5. Two more citizens, typed by hand.
  for (const [name, phone, procedure, pattern] of [
    ['Nguyễn Văn Đức', '0987654321', 'chung thuc ban sao', /^Chứng thực bản sao/],
    ['Lê Thị Hoa', '0911222333', 'ket hon', /^Đăng ký kết hôn/],
  ] as const) {
    await expect(page.getByTestId('intake-id-number')).toBeFocused();
    await page.getByLabel('Họ và tên').fill(name);
    await page.getByLabel('Số điện thoại').fill(phone);
    await chooseProcedure(page, procedure, pattern);
    await tickRequiredPapers(page);
    await page.keyboard.press('Control+Enter');
    await expect(page).toHaveURL(/#\/in\/01\//);
    await expect(page.locator('.print-sheets')).toContainText(name);
    await page.getByRole('button', { name: 'Đóng' }).click();
  }

  // 6. Find the second dossier by its name without diacritics, open it with Enter.
  await page.keyboard.press('F3');
  const search = page.getByTestId('worklist-search');
  await expect(search).toBeFocused();
  await page.keyboard.type('nguyen van duc');
  await expect(page.getByTestId('worklist-total')).toHaveText('1 hồ sơ');
  await expect(page.getByTestId('worklist-row')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('worklist-grid')).toBeFocused();
  await screen(page, 'worklist-search');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dossier-applicant')).toHaveText('Nguyễn Văn Đức');

  // 7. Forward it for processing, record the result.
  await page.getByRole('button', { name: 'Chuyển xử lý' }).click();
  await expect(page.getByLabel('Chuyển đến (cán bộ hoặc cơ quan)')).toBeFocused();
  await page.keyboard.type('Công chức Tư pháp – Hộ tịch');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Đã chuyển hồ sơ.' })).toBeVisible();
  await expect(page.getByTestId('dossier-status')).toHaveText('Đang xử lý');
  await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
  await page.keyboard.type('Bản sao đã chứng thực');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('dossier-status')).toHaveText('Đã có kết quả');
  await expect(page.getByTestId('dossier-history')).toContainText('Chuyển hồ sơ');
  await expect(page.getByTestId('dossier-history')).toContainText(SUPERVISOR.fullName);
  await screen(page, 'dossier');
  await expectNoSeriousAccessibilityViolations(page);

  // 8. Hand back to the applicant; the citizen rates with the large buttons (here: key 1).
  await page.getByRole('group', { name: 'Thao tác được phép ở trạng thái này' }).getByRole('button', { name: 'Trả kết quả' }).click();
  await expect(page.getByRole('heading', { name: 'Ai nhận kết quả?' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Người nộp hồ sơ/ })).toBeFocused();
  await screen(page, 'handback');
  await expectNoSeriousAccessibilityViolations(page);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('handback-who')).toContainText('Nguyễn Văn Đức');
  await screen(page, 'handback-confirm');
  await page.keyboard.press('Control+Enter');
  const rating = page.getByRole('region', { name: /đánh giá mức độ hài lòng/ });
  await expect(rating.getByRole('button', { name: /Rất hài lòng/ })).toBeVisible();
  await screen(page, 'rating');
  await expectNoSeriousAccessibilityViolations(page);
  await page.keyboard.press('1');
  await expect(page.getByTestId('handback-done')).toContainText('Rất hài lòng');

  // 9. The day's numbers on the work list.
  await page.getByRole('button', { name: 'Về danh sách hồ sơ' }).click();
  await expect(page.getByTestId('today-received')).toHaveText('3');
  await expect(page.getByTestId('today-results')).toHaveText('1');
  await expect(page.getByTestId('today-handed-back')).toHaveText('1');
  await expect(page.getByTestId('today-ratings')).toContainText('rất hài lòng 1');
  // The search typed earlier is still there (the officer's list keeps its question); clearing shows all.
  await expect(page.getByTestId('worklist-search')).toHaveValue('nguyen van duc');
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await expect(page.getByTestId('worklist-total')).toHaveText('3 hồ sơ');
  await expect(page.getByTestId('worklist-row')).toHaveCount(3);
  await screen(page, 'worklist');
  await expectNoSeriousAccessibilityViolations(page);
  expect(problems).toEqual([]);
});
