import { mkdir } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.js';
import { watchPageProblems } from '../support/page-problems.js';
import { CENTRE_NOW, expect, STAFF, test, UNITS_WITHOUT_DESK, type RunningCentre } from './running-centre.js';

// The centre's dashboard in Chromium against a real centre (in this worker, on loopback, seeded
// through the append path): sign in with a centre account, read every unit on one page (on a 2026 date
// today's 12 units, Hạ Long's 33 former ones folded beneath), switch Biểu 06 to its per-unit breakdown and
// to "theo đơn vị hiện nay", download the Excel file, and see a backwards period refused.

const SCREENS_DIR = 'test-results/screens';

test.beforeAll(async () => {
  await mkdir(SCREENS_DIR, { recursive: true });
});

async function signIn(page: Page, centre: RunningCentre): Promise<void> {
  await page.goto(`${centre.url}/dashboard`);
  // A stranger lands on the sign-in form.
  await expect(page).toHaveURL(`${centre.url}/dashboard/login`);
  await page.getByLabel('Tên đăng nhập').fill(STAFF.username);
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');
  await page.getByLabel('Mật khẩu').fill(STAFF.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Bảng điều hành toàn thành phố', level: 1 })).toBeVisible();
}

const rowOf = (page: Page, testId: string, name: string) => page.getByTestId(testId).locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: false }) });

test('centre staff see every unit on one page, the per-unit Biểu 06, and download it as Excel', async ({ page, centre }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, centre);
  // From here on nothing may go wrong (the refused password above is a 401 Chromium reports).
  const problems = watchPageProblems(page);
  await page.goto(`${centre.url}/dashboard?day=2026-11-24&from=2026-10-01&to=2026-11-24`);

  // Today's tally (here: 24/11): today's 12 units and the 33 former ones in one table, units without a desk marked and at zero.
  await expect(page.getByRole('heading', { name: 'Thống kê trong ngày 24/11/2026' })).toBeVisible();
  await expect(page.getByTestId('tally-table').locator('tbody tr')).toHaveCount(45);
  await expect(page.getByTestId('tally-table').locator('tbody th.unit--folded').first()).toContainText('đơn vị cũ');
  const noDesk = rowOf(page, 'tally-table', 'Phường Cao Xanh').first();
  await expect(noDesk).toContainText('chưa có máy');
  await expect(noDesk.locator('td')).toHaveText(Array(11).fill('0'));
  const total = await page.getByTestId('tally-table').locator('tfoot td').allInnerTexts();
  expect(Number(total[3]!.replace(/\./g, ''))).toBeGreaterThan(50);

  // Biểu 06 for the city, by sector, with its 13 columns; the identities hold on the total line.
  await expect(page.getByRole('heading', { name: 'Biểu 06 — toàn thành phố, theo lĩnh vực' })).toBeVisible();
  const line = (await page.getByTestId('bieu06-table').locator('tfoot td, tfoot th').allInnerTexts()).map((t) => Number(t.replace(/\./g, '')));
  expect(line).toHaveLength(13);
  const [, , received, online, direct, carried, settled, early, onTime, late, pending, within, overdue] = line as number[];
  expect(received).toBe(online! + direct! + carried!);
  expect(settled).toBe(early! + onTime! + late!);
  expect(pending).toBe(within! + overdue!);
  expect(received).toBe(settled! + pending!);

  // Online share against 70%: units below it stand out; the city line is shown.
  await expect(page.getByTestId('online-summary')).toContainText('Toàn thành phố:');
  await expect(page.getByTestId('online-table').locator('tbody tr')).toHaveCount(45);
  await expect(page.getByTestId('online-table').locator('tr.row--bad').first()).toContainText('Dưới chỉ tiêu');

  // Overdue dossiers: codes, units, procedures and appointments — no citizen's name.
  await expect(page.getByRole('heading', { name: /^Hồ sơ quá hạn toàn thành phố: \d+/ })).toBeVisible();
  await expect(page.getByTestId('overdue-table').locator('thead th')).toHaveText(['STT', 'Mã hồ sơ', 'Đơn vị', 'Thủ tục', 'Lĩnh vực', 'Hẹn trả', 'Tình trạng']);

  // Desks: the stale and never-synced ones highlighted.
  await expect(page.getByTestId('desks-table').locator('tbody tr')).toHaveCount(29);
  const flagged = page.getByTestId('desks-table').locator('tr.row--bad');
  await expect(flagged.locator('td:first-child')).toHaveText(['Phường Hà Tu', 'Phường Hồng Gai', 'Phường Hồng Gai']);
  await expect(flagged.locator('td:last-child')).toHaveText(['Quá 24 giờ chưa đồng bộ', 'Quá 24 giờ chưa đồng bộ', 'Chưa đồng bộ lần nào']);
  // Of today's units only Cao Xanh: a desk of a former unit not yet moved serves the unit it became.
  expect(UNITS_WITHOUT_DESK).toContain('06658');
  await expect(page.getByText('Đơn vị chưa có máy đồng bộ (1)')).toBeVisible();

  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${SCREENS_DIR}/centre-dashboard.png`, fullPage: true });

  // The per-unit breakdown of Biểu 06.
  await page.getByLabel('Đơn vị', { exact: true }).check();
  await page.getByRole('button', { name: 'Xem số liệu' }).click();
  await expect(page.getByRole('heading', { name: 'Biểu 06 — theo đơn vị' })).toBeVisible();
  await expect(page.getByTestId('bieu06-table').locator('tbody tr')).toHaveCount(45);
  const unitTotal = (await page.getByTestId('bieu06-table').locator('tfoot td, tfoot th').allInnerTexts()).map((t) => Number(t.replace(/\./g, '')));
  expect(unitTotal.slice(2)).toEqual(line.slice(2));
  await page.getByTestId('bieu06-table').screenshot({ path: `${SCREENS_DIR}/centre-dashboard-bieu06-units.png` });

  // Counted by today's units: the former units' lines empty into their successors', the city total stays.
  await page.getByTestId('count-by-toggle').click();
  await expect(page.getByLabel('Đơn vị hiện nay')).toBeChecked();
  await expect(page.getByTestId('bieu06-counting')).toContainText('Hồ sơ của đơn vị cũ được tính vào đơn vị hiện nay');
  const presentTotal = (await page.getByTestId('bieu06-table').locator('tfoot td, tfoot th').allInnerTexts()).map((t) => Number(t.replace(/\./g, '')));
  expect(presentTotal.slice(2)).toEqual(line.slice(2));
  await page.getByTestId('count-by-toggle').click();
  await expect(page.getByLabel('Đơn vị tiếp nhận')).toBeChecked();

  // The Excel file of what is on screen.
  const downloading = page.waitForEvent('download');
  await page.locator('#bieu-06').getByRole('link', { name: 'Tải Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Bieu06_ThanhphoHaLong_2026-10-01_2026-11-24.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('Bieu06')!;
  const totalRow = sheet.getColumn(2).values.indexOf('Tổng cộng');
  expect(Array.from({ length: 11 }, (_, i) => sheet.getCell(totalRow, i + 3).value)).toEqual(line.slice(2));

  expect(problems).toEqual([]);
});

test('a backwards period is refused in words, in place, and the rest of the page still shows', async ({ page, centre }) => {
  test.setTimeout(60_000); // signs in and loads the whole page twice; near 30 s on a loaded two-core machine
  await signIn(page, centre);
  await page.getByLabel('Kỳ báo cáo từ ngày').fill('2026-11-20');
  await page.getByLabel('đến ngày').fill('2026-11-02');
  await page.getByRole('button', { name: 'Xem số liệu' }).click();
  await expect(page.getByRole('alert')).toHaveText('Kỳ báo cáo bị ngược: ngày bắt đầu 20/11/2026 nằm sau ngày kết thúc 02/11/2026. Hãy đổi lại hai ngày.');
  await expect(page.getByTestId('tally-table')).toBeVisible();
  await expect(page.getByTestId('bieu06-table')).toHaveCount(0);
  await expect(page.getByLabel('Kỳ báo cáo từ ngày')).toHaveValue('2026-11-20');
  expect(new Date(CENTRE_NOW).toISOString()).toBe('2026-11-25T03:00:00.000Z');

  // Signing out ends the session: the page asks to sign in again.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(`${centre.url}/dashboard/login`);
  await page.goto(`${centre.url}/dashboard`);
  await expect(page).toHaveURL(`${centre.url}/dashboard/login`);
});
