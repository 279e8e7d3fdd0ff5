import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { initialiseDesk, receiveThroughCore } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

// The supervisor sets the desk's phone on the settings screen; a number that is not one is refused in
// place and nothing changes; once saved, the receipt (form 01) prints it on both copies.

test('a supervisor sets the desk’s phone; a wrong one is refused in place; the receipt prints it', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const dossier = await receiveThroughCore(webHost.core, 'Lê Văn Khách');

  await page.goto(`${webHost.url}#/dong-bo`);
  const form = page.getByTestId('desk-phone');
  const field = form.getByLabel('Số điện thoại in trên giấy tiếp nhận');
  await expect(field).toHaveValue('');

  await field.fill('gọi bàn 2');
  await field.press('Enter');
  await expect(form).toContainText('Số điện thoại của bộ phận không hợp lệ.');
  await expect(form.getByTestId('desk-phone-saved')).toHaveCount(0);

  await field.fill('0203 3825 123');
  await field.press('Enter');
  await expect(form.getByTestId('desk-phone-saved')).toHaveText(/Đã lưu: 02033825123\./);
  await expectNoSeriousAccessibilityViolations(page);

  await page.goto(`${webHost.url}#/in/01/${dossier.state.id}`);
  await expect(page.locator('.print-sheets')).toContainText('Lê Văn Khách');
  const sheets = await page.locator('.print-sheets').innerText();
  expect(sheets.match(/Điện thoại liên hệ của Bộ phận tiếp nhận và trả kết quả:\s*02033825123/gu)).toHaveLength(2);
  expect(problems).toEqual([]);
});
