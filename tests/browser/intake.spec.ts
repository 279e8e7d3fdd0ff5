import type { Page } from '@playwright/test';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk, SAMPLE_QR_LINE, tickRequiredPapers } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

// The intake screen's promises beyond the happy path: nothing typed is lost (a failed submit keeps the
// form, a restart keeps the draft — without the raw QR line), messages sit next to their cause, a pasted
// QR line works like a scanned one, and forms 02 and 03 are reached from the keyboard.

async function openIntake(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/tiep-nhan`);
  await expect(page.getByTestId('intake-id-number')).toBeFocused();
}

async function chooseBirthRegistration(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Thủ tục hành chính' }).fill('khai sinh');
  await expect(page.getByRole('option').first()).toContainText('Đăng ký khai sinh');
  await page.getByRole('combobox', { name: 'Thủ tục hành chính' }).press('Enter');
}

test('an unfinished intake survives a restart, without the scanned QR line', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  await openIntake(page, webHost.url);
  await page.keyboard.type(SAMPLE_QR_LINE);
  await page.keyboard.press('Enter');
  await chooseBirthRegistration(page);
  await page.getByLabel('Ghi chú').fill('Công dân quay lại sau 14 giờ');

  await page.reload();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Trần Thị B');
  await expect(page.getByTestId('intake-id-number')).toHaveValue('022190000123');
  await expect(page.getByRole('combobox', { name: 'Thủ tục hành chính' })).toHaveValue(/^Đăng ký khai sinh/);
  await expect(page.getByLabel('Ghi chú')).toHaveValue('Công dân quay lại sau 14 giờ');
  await expect(page.getByTestId('intake-appointment')).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  const saved = await page.evaluate(() => window.localStorage.getItem('desk.intake-draft') ?? '');
  expect(saved).toContain('Trần Thị B');
  expect(saved).not.toContain('|');
  expect(saved).not.toContain('10052021'); // the card's issue date exists only in the QR line

  // "Xoá để nhập hồ sơ mới" asks once more, then forgets the draft.
  await page.getByRole('button', { name: 'Xoá để nhập hồ sơ mới' }).click();
  await page.getByRole('group', { name: 'Xác nhận xoá' }).getByRole('button', { name: 'Xoá' }).click();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('');
  expect(await page.evaluate(() => window.localStorage.getItem('desk.intake-draft'))).toBeNull();
  expect(problems).toEqual([]);
});

test('a failed submit keeps every value and shows each message next to its field', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await openIntake(page, webHost.url);
  await page.getByTestId('intake-id-number').fill('0221900001');
  await page.getByLabel('Số điện thoại').fill('12');
  await page.getByLabel('Thư điện tử').fill('khong-phai-email');
  await page.keyboard.press('Control+Enter');

  const phone = page.getByLabel('Số điện thoại');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#intake-phone-error')).toHaveText('Số điện thoại không hợp lệ.');
  await expect(page.locator('#intake-id-number-error')).toHaveText('Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.');
  await expect(page.locator('#intake-full-name-error')).toHaveText('Họ và tên người nộp không được để trống.');
  await expect(page.locator('#intake-procedure-error')).toHaveText('Hãy chọn thủ tục hành chính.');
  await expect(page.getByRole('alert').filter({ hasText: 'chưa hợp lệ' })).toBeVisible();
  await expect(page.getByTestId('intake-id-number')).toBeFocused(); // the first field to fix
  await expect(phone).toHaveValue('12');
  await expect(page.getByLabel('Thư điện tử')).toHaveValue('khong-phai-email');
  await page.screenshot({ path: 'test-results/screens/intake-errors.png', fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);

  // Fixing a field clears its message at once.
  await phone.fill('0912345678');
  await expect(page.locator('#intake-phone-error')).toHaveCount(0);
});

test('a pasted QR line fills the card’s fields; an ID that disagrees with the birth year is flagged', { tag: '@today' }, async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await openIntake(page, webHost.url);
  await page.getByTestId('intake-id-number').evaluate((input, line) => {
    const data = new DataTransfer();
    data.setData('text/plain', line);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, SAMPLE_QR_LINE);
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Trần Thị B');
  await expect(page.getByLabel('Số điện thoại')).toBeFocused();

  await page.getByLabel(/Ngày sinh/).fill('05/06/1985');
  const warnings = page.locator('#intake-id-number-warnings');
  await expect(warnings).toContainText('không khớp với năm sinh');
  await expect(page.getByTestId('intake-id-number')).toHaveAttribute('aria-describedby', /intake-id-number-warnings/);
  await page.getByLabel(/Ngày sinh/).fill('05/06/1990');
  await expect(warnings).toHaveCount(0);

  // A broken line is refused next to the field, which is emptied for the next scan.
  await page.getByTestId('intake-id-number').fill('022190000123||Trần Thị B');
  await page.getByTestId('intake-id-number').press('Enter');
  await expect(page.locator('#intake-id-number-error')).toContainText('không đủ 7 trường');
  // The rescan the message asks for replaces what is left in the field.
  await page.keyboard.type(SAMPLE_QR_LINE);
  await page.keyboard.press('Enter');
  await expect(page.locator('#intake-id-number-error')).toHaveCount(0);
  await expect(page.getByTestId('intake-id-number')).toHaveValue('022190000123');

  // Two scans joined by a line break (the field was not cleared): a rescan, not "issue date invalid".
  await page.getByTestId('intake-id-number').evaluate((input, line) => {
    const data = new DataTransfer();
    data.setData('text/plain', `${line}\r\n${line}`);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, SAMPLE_QR_LINE);
  await expect(page.locator('#intake-id-number-error')).toContainText('Quét lại');
  await expect(page.locator('#intake-id-number-error')).not.toContainText('Ngày cấp');
});

test('no acceptance without the required papers: the list, then one key to form 02 pre-filled with them', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await openIntake(page, webHost.url);
  await page.getByLabel('Họ và tên').fill('Phạm Văn Minh');
  await chooseBirthRegistration(page);
  const required = page.locator('.checklist__row:has(.tag--required)');
  await expect(required).toHaveCount(3);
  // Nothing is ticked for the officer: each paper is ticked once seen.
  for (const check of await required.locator('.checklist__check').all()) await expect(check).not.toBeChecked();
  await required.nth(1).locator('.checklist__check').check(); // only the birth certificate was brought
  const names = [await required.nth(0).locator('.checklist__name').innerText(), await required.nth(2).locator('.checklist__name').innerText()];

  await page.keyboard.press('Control+Enter');
  const refusal = page.getByRole('alert').filter({ hasText: 'Chưa đủ giấy tờ bắt buộc' });
  for (const name of names) await expect(refusal).toContainText(name);
  await expect(page).toHaveURL(/#\/tiep-nhan$/);
  expect((await call(webHost.core, 'dossiers.search', {})).total).toBe(0);

  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('radio', { name: /Yêu cầu bổ sung/ })).toBeChecked();
  await expect(page.getByLabel(/Giấy tờ cần bổ sung/)).toHaveValue(names.join('\n'));
  await expect(page.getByLabel('Lý do')).toBeFocused();
  await page.keyboard.type('Thiếu tờ khai và giấy tờ tuỳ thân');
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/#\/in\/02\/[0-9A-Z]{26}$/);
  for (const name of names) await expect(page.locator('.print-sheets')).toContainText(name);
});

test('request a supplement (form 02) and refuse (form 03), from the keyboard', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await openIntake(page, webHost.url);
  await page.getByLabel('Họ và tên').fill('Phạm Văn Minh');
  await chooseBirthRegistration(page);
  const firstPaper = page.locator('.checklist__check').first();
  await expect(firstPaper).toBeFocused();
  await tickRequiredPapers(page);
  await firstPaper.uncheck(); // the declaration was not brought
  await expect(page.getByTestId('intake-missing')).toContainText('Còn thiếu 1 giấy tờ bắt buộc');
  await page.getByRole('radio', { name: /Yêu cầu bổ sung/ }).check();
  await expect(page.getByLabel(/Giấy tờ cần bổ sung/)).toHaveValue(/Tờ khai đăng ký khai sinh/);
  await page.getByLabel('Lý do').fill('Thiếu tờ khai theo mẫu');
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/#\/in\/02\/[0-9A-Z]{26}$/);
  await expect(page.locator('.print-sheets')).toContainText('Thiếu tờ khai theo mẫu');
  await page.getByRole('button', { name: 'Đóng' }).click();

  await expect(page.getByTestId('intake-id-number')).toBeFocused();
  await page.getByLabel('Họ và tên').fill('Đỗ Thị Lan');
  await chooseBirthRegistration(page);
  await page.getByRole('radio', { name: /Từ chối tiếp nhận/ }).check();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#intake-refuse-reason-error')).toHaveText('Lý do từ chối không được để trống.');
  await page.getByLabel('Lý do từ chối').fill('Không thuộc thẩm quyền của phường');
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/#\/in\/03\/[0-9A-Z]{26}$/);
  await expect(page.locator('.print-sheets')).toContainText('Không thuộc thẩm quyền của phường');
});

test.describe('in a browser set to another time zone', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('the live appointment is shown in Vietnam time', { tag: '@today' }, async ({ page, webHost }) => {
    await initialiseDesk(webHost.core);
    await openIntake(page, webHost.url);
    await chooseBirthRegistration(page);
    const shown = page.getByTestId('intake-appointment').locator('.appointment__when');
    await expect(shown).toHaveText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // Birth registration is due by 17:00 on a working day in Hạ Long — 05:00 in New York.
    await expect(shown).toHaveText(/ 17:00$/);
  });
});
