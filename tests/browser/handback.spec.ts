import type { Page } from '@playwright/test';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk, receiveThroughCore, SAMPLE_QR_LINE } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

// Hand-back as the counter meets it: a delegate's chip card is read by the same keyboard-wedge scan as
// at intake (name and ID filled, a truncated read selected so the rescan replaces it), and a citizen
// who is not satisfied may say why, stored with the rating.

/** A dossier with its result ready, opened at the hand-back screen. */
async function openHandback(page: Page, webHost: { url: string; core: Parameters<typeof call>[0] }, fullName: string) {
  await initialiseDesk(webHost.core);
  const detail = await receiveThroughCore(webHost.core, fullName);
  await call(webHost.core, 'dossiers.recordResult', { dossierId: detail.state.id, summary: 'Đã cấp giấy khai sinh' });
  await page.goto(`${webHost.url}#/ho-so/${detail.state.id}/tra-ket-qua`);
  await expect(page.getByTestId('handback-code')).toHaveText(detail.state.code!);
  return detail.state.id;
}

test('a delegate’s CCCD QR fills their name and ID; after a truncated read the rescan replaces the field', { tag: '@today' }, async ({ page, webHost }) => {
  test.setTimeout(90_000); // two QR lines typed key by key, on a machine shared with other work
  const problems = watchPageProblems(page);
  const dossierId = await openHandback(page, webHost, 'Lê Thị Thu');
  await page.getByRole('radio', { name: /uỷ quyền/ }).check();
  const idField = page.getByLabel(/Số CCCD người nhận thay/);
  await idField.focus();

  // The scanner lost the line's end: the reason is shown, the 12 digits stay, selected.
  await page.keyboard.type(SAMPLE_QR_LINE.split('|').slice(0, 4).join('|'));
  await page.keyboard.press('Enter');
  await expect(page.locator('#handback-id-error')).toContainText('đề nghị quét lại');
  await expect(idField).toHaveValue('022190000123');
  await expect
    .poll(() => idField.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd, document.activeElement === input]))
    .toEqual([0, 12, true]);

  // The rescan types over the selection.
  await page.keyboard.type(SAMPLE_QR_LINE);
  await page.keyboard.press('Enter');
  await expect(idField).toHaveValue('022190000123');
  await expect(page.getByLabel('Họ và tên người nhận thay')).toHaveValue('Trần Thị B');
  await expect(page.locator('#handback-id-error')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Đã đọc thẻ CCCD: Trần Thị B.' })).toBeAttached();
  await page.screenshot({ path: test.info().outputPath('handback-delegate-scanned.png') });

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('handback-who')).toHaveText('Trần Thị B (người nhận thay, CCCD 022190000123)');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: /Bỏ qua/ }).click();
  await expect(page.getByTestId('handback-done')).toBeVisible();
  const after = await call(webHost.core, 'dossiers.get', { id: dossierId });
  expect(after.state.collector).toEqual({ kind: 'authorised', fullName: 'Trần Thị B', idNumber: '022190000123' });
  expect(problems).toEqual([]);
});

test('"Không hài lòng" asks for an optional reason, kept with the rating', async ({ page, webHost }) => {
  test.setTimeout(60_000); // a hand-back, a rating and an accessibility scan
  const problems = watchPageProblems(page);
  const dossierId = await openHandback(page, webHost, 'Đỗ Văn Minh');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: /Rất hài lòng/ })).toBeFocused();

  // Key 3 asks why; Esc goes back to the three choices with nothing recorded.
  await page.keyboard.press('3');
  const reason = page.getByLabel('Lý do không hài lòng (không bắt buộc)');
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute('maxlength', '500');
  await expectNoSeriousAccessibilityViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /Rất hài lòng/ })).toBeFocused();
  expect((await call(webHost.core, 'dossiers.get', { id: dossierId })).state.rating).toBeNull();

  await page.getByRole('button', { name: /Không hài lòng/ }).click();
  // Digits typed in the reason are text, not the rating keys.
  await reason.fill('Phải chờ 3 lần mới được trả kết quả');
  await page.screenshot({ path: test.info().outputPath('handback-rating-reason.png') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('handback-done')).toContainText('Không hài lòng');

  const after = await call(webHost.core, 'dossiers.get', { id: dossierId });
  expect(after.state.rating).toBe('not_satisfied');
  const rated = after.history.find((entry) => entry.type === 'satisfaction.rated');
  expect(rated?.payload).toEqual({ level: 'not_satisfied', reason: 'Phải chờ 3 lần mới được trả kết quả' });
  expect(problems).toEqual([]);
});
