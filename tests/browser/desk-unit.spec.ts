import type { Page } from '@playwright/test';
import { CATALOGUE_UNITS } from '../../shared/domain/catalogue/seed/units.js';
import { vietnamDateOf } from '../../shared/domain/dossier/vietnam-time.js';
import { testNowMs } from '../support/test-now.js';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk, receiveThroughCore } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

// The settings screen shows the desk's unit; a desk of a ward merged on 1/7/2025 (the 2020 Phường Hồng
// Gai) is told so and moved, by keyboard, to the ward that took it over. Tagged @today: before
// 1/7/2025 (one of the hard dates) the same desk's ward is still in force and nothing is offered.

const FORMER = CATALOGUE_UNITS.find((u) => u.id === 'ha-long-2020-phuong-hong-gai')!;
const SUCCESSOR = CATALOGUE_UNITS.find((u) => u.id === 'quang-ninh-2025-phuong-hong-gai')!;
const merged = vietnamDateOf(new Date(testNowMs()).toISOString()) >= SUCCESSOR.validFrom;

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Cài đặt', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Đơn vị của bàn làm việc' })).toBeVisible();
}

test('a supervisor sees the desk’s unit and moves a merged ward’s desk to its successor, keeping its dossiers', { tag: '@today' }, async ({ page, webHost }) => {
  test.setTimeout(60_000);
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const earlier = await receiveThroughCore(webHost.core, 'Lê Văn Khách');

  await page.goto(`${webHost.url}#/ho-so`);
  await openSettings(page);
  const panel = page.getByTestId('desk-unit');
  await expect(panel.getByTestId('desk-unit-name')).toHaveText('Phường Hồng Gai');
  await expect(panel).toContainText('Phường');
  await expect(panel.getByTestId('desk-unit-agency')).toHaveText(FORMER.agencyId);

  if (!merged) {
    await expect(panel.getByTestId('desk-unit-validity')).toHaveText('Hiệu lực 01/01/2020 – 30/06/2025');
    await expect(panel.getByTestId('desk-unit-merged')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: /Chuyển bàn làm việc/ })).toHaveCount(0);
    await expectNoSeriousAccessibilityViolations(page);
    expect(problems).toEqual([]);
    return;
  }

  await expect(panel.getByTestId('desk-unit-validity')).toHaveText('Đã hết hiệu lực (01/01/2020 – 30/06/2025)');
  await expect(panel.getByTestId('desk-unit-merged')).toContainText('Đơn vị này đã sáp nhập vào Phường Hồng Gai từ 01/07/2025.');
  await expectNoSeriousAccessibilityViolations(page);

  // By keyboard: the move button, the dialog with the successor's identifier prefilled; Esc cancels.
  const moveButton = panel.getByRole('button', { name: 'Chuyển bàn làm việc sang Phường Hồng Gai' });
  await moveButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Chuyển bàn làm việc sang Phường Hồng Gai?' });
  const agency = dialog.getByLabel('Mã định danh cơ quan của đơn vị mới');
  await expect(agency).toBeFocused();
  await expect(agency).toHaveValue(SUCCESSOR.agencyId);
  // What happens for a desk that syncs: the centre confirms first, online; offline nothing changes.
  await expect(dialog.getByTestId('move-unit-centre')).toContainText('trung tâm xác nhận việc chuyển trước (cần có mạng)');
  await expectNoSeriousAccessibilityViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect((await call(webHost.core, 'settings.get', {})).unit?.id).toBe(FORMER.id);

  // Another unit's identifier is refused in the dialog, and nothing moves.
  await moveButton.focus();
  await page.keyboard.press('Enter');
  await agency.fill(FORMER.agencyId);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText(`Mã định danh cơ quan ${FORMER.agencyId} là của Phường Hồng Gai (mã GSO 06691)`);
  expect((await call(webHost.core, 'settings.get', {})).unit?.id).toBe(FORMER.id);

  await agency.fill(SUCCESSOR.agencyId);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByTestId('desk-unit-moved')).toContainText('Đã chuyển bàn làm việc từ Phường Hồng Gai (đơn vị cũ) sang Phường Hồng Gai.');
  await expect(panel.getByTestId('desk-unit-validity')).toHaveText('Hiệu lực 01/07/2025 – nay');
  await expect(panel.getByTestId('desk-unit-agency')).toHaveText(SUCCESSOR.agencyId);
  await expect(panel.getByTestId('desk-unit-merged')).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);

  // The dossier received before keeps its unit; the next one is the successor's.
  expect((await call(webHost.core, 'dossiers.get', { id: earlier.state.id })).state.unit.gsoCode).toBe(FORMER.gsoCode);
  const next = await receiveThroughCore(webHost.core, 'Trần Thị Mới');
  expect(next.state.unit.gsoCode).toBe(SUCCESSOR.gsoCode);
  expect(next.state.code!.startsWith(`${SUCCESSOR.agencyId}-`)).toBe(true);
  // The one refused move is the browser's logged 409 answer; nothing else went wrong.
  expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 409 (Conflict)']);
});
