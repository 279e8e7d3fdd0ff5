import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { dispatch } from '../../../electron/core/dispatch.js';
import type { CommandName } from '../../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../../shared/contract/commands.js';
import { HONG_GAI } from '../../support/desk-fixture.js';
import { arrangeReferenceSet, REFERENCE_START, REPORT_TIME, SUPERVISOR, vn } from '../../electron/core/reports/reference-desk.js';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.js';
import { watchPageProblems } from '../support/page-problems.js';
import { expect, test, type ClockedWebHost } from './clocked-web-host.js';

// The supervisor's report screen in Chromium, over the hand-built reference set (15/12/2026 10:00):
// Biểu 06 for "quý này", the daily tally with its 30-day chart, the log book with its personal-data
// notice, an Excel export downloaded through the web host, the print view, and a period written backwards.

const SCREENS_DIR = 'test-results/screens';

test.beforeAll(async () => {
  await mkdir(SCREENS_DIR, { recursive: true });
});

async function arrange(host: ClockedWebHost): Promise<Record<string, string | null>> {
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => {
    const envelope = await dispatch(host.core.handlers, name, args, { transport: 'in-process' }, { error: () => undefined });
    if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value as CommandResult<N>;
  };
  host.clock.set(REFERENCE_START);
  await call('setup.initialise', { ...HONG_GAI, station: 1, supervisor: { username: SUPERVISOR.username, fullName: SUPERVISOR.fullName, password: SUPERVISOR.password } });
  const set = await arrangeReferenceSet({ call, clock: host.clock });
  return set.codes;
}

async function openReports(page: Page, host: ClockedWebHost): Promise<void> {
  // The page's own "today" (for the quick picks) is the core's: 15/12/2026.
  await page.clock.setFixedTime(new Date(vn(REPORT_TIME)));
  // Tall enough to see a whole report in one screenshot (the work area scrolls, not the page).
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.goto(`${host.url}#/bao-cao`);
  await expect(page.getByRole('heading', { name: 'Báo cáo', level: 2 })).toBeVisible();
}

const cellsOf = (page: Page, selector: string) => page.locator(selector).locator('td, th').allInnerTexts();

test('the supervisor draws up Biểu 06 for this quarter, sees the daily chart and the log book, and exports to Excel', async ({ page, clockedHost }) => {
  test.setTimeout(150_000);
  const problems = watchPageProblems(page);
  const codes = await arrange(clockedHost);
  await openReports(page, clockedHost);

  // Biểu 06, "quý này" by default: 01/10 – 15/12/2026.
  const table = page.getByTestId('bieu06-table');
  await expect(table).toBeVisible();
  await expect(page.getByRole('button', { name: 'Quý này' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('report-period')).toHaveText('Kỳ báo cáo: Từ ngày 01/10/2026 đến ngày 15/12/2026');
  expect(await cellsOf(page, '[data-testid="bieu06-table"] tfoot tr')).toEqual(['', 'Tổng cộng', '17', '3', '14', '0', '14', '2', '8', '4', '3', '1', '2']);
  expect(await cellsOf(page, '[data-testid="bieu06-table"] tbody tr:nth-child(4)')).toEqual(['4', 'Đăng ký, quản lý cư trú', '11', '3', '8', '0', '8', '2', '4', '2', '3', '1', '2']);
  await page.screenshot({ path: `${SCREENS_DIR}/reports-bieu06.png`, fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);

  // November by typed dates, day/month/year as everywhere on the desk (the quick pick's dates show so too).
  await expect(page.getByLabel('Từ ngày')).toHaveValue('01/10/2026');
  await expect(page.getByLabel('Đến ngày')).toHaveValue('15/12/2026');
  await page.getByLabel('Từ ngày').fill('01/11/2026');
  await page.getByLabel('Đến ngày').fill('30/11/2026');
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(page.getByTestId('report-period')).toHaveText('Kỳ báo cáo: Tháng 11 năm 2026 (từ ngày 01/11/2026 đến ngày 30/11/2026)');
  expect(await cellsOf(page, '[data-testid="bieu06-table"] tfoot tr')).toEqual(['', 'Tổng cộng', '15', '2', '9', '4', '8', '2', '4', '2', '7', '4', '3']);

  // Excel: written by the core, downloaded through GET /api/exports/<name>.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Bieu06_PhuongHongGai_2026-11.xlsx');
  await expect(page.getByTestId('export-done')).toContainText('Bieu06_PhuongHongGai_2026-11.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets[0]!.getCell('C24').value).toBe(15);

  // CSV for Vietnamese Excel by default (';' and dd/MM/yyyy); plain CSV when chosen, kept as the desk's choice.
  const dialect = page.getByRole('combobox', { name: 'Kiểu CSV' });
  await expect(dialect).toHaveValue('excel-vi');
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất CSV' }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv.split('\r\n')).toContain('4;Đăng ký, quản lý cư trú;11;2;6;3;6;2;3;1;5;2;3');
  await dialect.selectOption('rfc4180');
  const plainDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất CSV' }).click();
  expect((await readFile(await (await plainDownload).path(), 'utf8')).split('\r\n')).toContain('4,"Đăng ký, quản lý cư trú",11,2,6,3,6,2,3,1,5,2,3');
  await page.screenshot({ path: `${SCREENS_DIR}/reports-export-bar.png` });
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Kiểu CSV' })).toHaveValue('rfc4180');
  await page.getByLabel('Từ ngày').fill('01/11/2026');
  await page.getByLabel('Đến ngày').fill('30/11/2026');
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(page.getByTestId('report-period')).toHaveText('Kỳ báo cáo: Tháng 11 năm 2026 (từ ngày 01/11/2026 đến ngày 30/11/2026)');

  // Printing: the sheet alone, with the form's title block and signatures.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Chức năng chính' })).toBeHidden();
  await expect(page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeVisible();
  await expect(page.getByText('Biểu số 06/VPCP/KSTT', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xuất Excel (.xlsx)' })).toBeHidden();
  await page.screenshot({ path: `${SCREENS_DIR}/reports-bieu06-print.png`, fullPage: true });
  await page.pdf({ path: join(SCREENS_DIR, 'reports-bieu06.pdf'), preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  // The daily tally of 15/12 and the 30 days before it.
  await page.getByRole('radio', { name: 'Thống kê ngày' }).check();
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await expect(page.getByRole('heading', { name: 'Thống kê ngày 15/12/2026' })).toBeVisible();
  const chart = page.getByRole('img', { name: 'Biểu đồ 30 ngày đến 15/12/2026' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('rect.series-chart__bar--inPerson')).not.toHaveCount(0);
  await page.screenshot({ path: `${SCREENS_DIR}/reports-daily.png`, fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);

  // The log book of November: eleven lines (D11 was turned back at the counter), and the personal-data notice.
  await page.getByRole('radio', { name: 'Sổ theo dõi' }).check();
  await page.getByLabel('Từ ngày').fill('1/11/2026');
  await page.getByLabel('Đến ngày').fill('30/11/2026');
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  const book = page.getByTestId('log-book-table');
  await expect(book.locator('tbody tr')).toHaveCount(11);
  await expect(book.locator('tbody tr').first()).toContainText(codes.D6!);
  await expect(page.getByRole('note')).toContainText('dữ liệu cá nhân');
  await page.screenshot({ path: `${SCREENS_DIR}/reports-log-book.png`, fullPage: true });

  // Satisfaction in November, and the overdue list as of now.
  await page.getByRole('radio', { name: 'Hài lòng' }).check();
  const satisfaction = page.getByTestId('satisfaction-table');
  await expect(satisfaction.locator('tbody tr')).toHaveCount(3); // the unit, then two receiving officers
  await expect(satisfaction.locator('tbody tr').first()).toContainText('Phường Hồng Gai');
  await expect(satisfaction.locator('tfoot')).toContainText('33,3');
  // A table that fits its box is no tab stop (only one that scrolls sideways needs the keyboard).
  await expect(page.getByRole('region', { name: 'Mức độ hài lòng theo đơn vị và cán bộ tiếp nhận' })).not.toHaveAttribute('tabindex');
  await page.getByRole('radio', { name: 'Quá hạn' }).check();
  const overdue = page.getByTestId('overdue-table');
  await expect(overdue.locator('tbody tr')).toHaveCount(2);
  await expect(overdue.locator('tbody tr').first()).toContainText(codes.D2!);
  await expect(overdue.locator('tbody tr').first()).toContainText('Quá hạn 41 ngày');
  await page.screenshot({ path: `${SCREENS_DIR}/reports-overdue.png`, fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);

  // A table wider than the screen scrolls inside a named region that the keyboard reaches and scrolls.
  await page.setViewportSize({ width: 900, height: 1500 });
  const scroller = page.getByRole('region', { name: 'Hồ sơ quá hạn và sắp đến hạn' });
  await expect(scroller).toHaveAttribute('tabindex', '0');
  await page.getByRole('button', { name: 'In / lưu PDF' }).focus();
  await page.keyboard.press('Tab');
  await expect(scroller).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => scroller.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  await expectNoSeriousAccessibilityViolations(page);
  await page.setViewportSize({ width: 1280, height: 1500 });

  // A period written backwards, then a day that does not exist: each named next to its field, nothing drawn up.
  await page.getByRole('radio', { name: 'Biểu 06' }).check();
  await page.getByLabel('Từ ngày').fill('10/12/2026');
  await page.getByLabel('Đến ngày').fill('01/12/2026');
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(page.getByLabel('Đến ngày')).toBeFocused();
  await expect(page.getByLabel('Đến ngày')).toHaveAccessibleDescription('Khoảng ngày bị ngược: ngày bắt đầu 10/12/2026 nằm sau ngày kết thúc 01/12/2026. Hãy đổi lại hai ngày.');
  await expect(page.getByTestId('bieu06-table')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS_DIR}/reports-backwards.png` });
  await page.getByLabel('Từ ngày').fill('31/11/2026');
  await page.getByLabel('Đến ngày').fill('16/12/2026');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Từ ngày')).toBeFocused();
  await expect(page.getByLabel('Từ ngày')).toHaveAccessibleDescription(/Ngày bắt đầu phải là một ngày có thật, dạng ngày\/tháng\/năm/u);
  await page.getByLabel('Từ ngày').fill('01/12/2026');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Đến ngày')).toHaveAccessibleDescription(/Ngày kết thúc kỳ báo cáo 16\/12\/2026 ở tương lai/u);
  await expect(page.getByTestId('bieu06-table')).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);

  // Refused on the desk before anything was asked: nothing reached the console.
  expect(problems).toEqual([]);
});
