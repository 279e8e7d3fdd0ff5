import type { Route } from '@playwright/test';
import type { DossierRow } from '../../shared/contract/dossiers.js';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk, receiveThroughCore } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';
import { requiredPapers } from '../support/required-papers.js';

// The work list at scale and its warnings. The 100,000-row case answers dossiers.search from the test
// (a core with that many dossiers takes minutes to fill): what is measured is the browser's side — how
// many rows exist in the DOM, and that scrolling and the keyboard reach any row.

const TOTAL = 100_000;

function syntheticRow(index: number): DossierRow {
  return {
    id: `01J${String(index).padStart(23, '0')}`,
    code: `000.15.20.H49-261123-${String(index).padStart(6, '0')}`,
    status: 4,
    procedureName: 'Đăng ký khai sinh',
    sectorName: 'Hộ tịch',
    applicantName: `Công dân số ${index}`,
    channel: 1,
    receivedAt: '2026-11-23T02:00:00.000Z',
    appointmentAt: '2026-11-24T10:00:00.000Z',
    finishedAt: null,
    overdue: index % 10 === 3,
    dueSoon: index % 10 === 5,
    needsReview: false,
    setAsideCode: null,
  };
}

async function answerSearch(route: Route): Promise<void> {
  const args = route.request().postDataJSON() as { limit: number; offset: number };
  const rows = Array.from({ length: Math.max(0, Math.min(args.limit, TOTAL - args.offset)) }, (_, i) => syntheticRow(args.offset + i));
  await route.fulfill({ json: { ok: true, value: { rows, total: TOTAL } } });
}

test('100,000 dossiers: only the rows on screen exist, and any row is reached', async ({ page, webHost }) => {
  test.setTimeout(60_000); // 100,000 rows arranged through the core before the page loads
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const offsets: number[] = [];
  await page.route('**/api/invoke/dossiers.search', async (route) => {
    offsets.push((route.request().postDataJSON() as { offset: number }).offset);
    await answerSearch(route);
  });
  await page.goto(webHost.url);
  await expect(page.getByTestId('worklist-total')).toHaveText('100.000 hồ sơ');
  await expect(page.getByTestId('worklist-row').first()).toContainText('Công dân số 0');
  expect(await page.getByRole('row').count()).toBeLessThan(60);

  // Overdue and due-soon rows carry words as well as colour.
  const overdue = page.getByTestId('worklist-row').filter({ hasText: 'Công dân số 3' }).first();
  await expect(overdue).toContainText('Quá hạn');
  await expect(page.getByTestId('worklist-row').filter({ hasText: 'Công dân số 5' }).first()).toContainText('Sắp đến hạn');

  // The scrollbar jumps to the middle: the rows there are fetched (one page) and drawn.
  const grid = page.getByTestId('worklist-grid');
  await grid.evaluate((element) => (element.scrollTop = 34 * 50_000));
  await expect(page.getByTestId('worklist-row').filter({ hasText: 'Công dân số 50000' })).toBeVisible();
  expect(await page.getByRole('row').count()).toBeLessThan(60);
  expect(offsets).toContain(50_000);

  // The keyboard: End reaches the last row, PageUp moves a screen back.
  await grid.focus();
  await page.keyboard.press('End');
  await expect(page.locator('#worklist-row-99999')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#worklist-row-99999')).toContainText('Công dân số 99999');
  await page.keyboard.press('PageUp');
  await expect(page.locator('#worklist-row-99989')).toHaveAttribute('aria-selected', 'true');
  await expect(grid).toHaveAttribute('aria-activedescendant', 'worklist-row-99989');
  expect(await page.getByRole('row').count()).toBeLessThan(60);
  // Only pages next to what was on screen were asked for: the top, the middle, the end.
  const near = (offset: number, row: number): boolean => Math.abs(offset - row) <= 200;
  expect(offsets.filter((offset) => !near(offset, 0) && !near(offset, 50_000) && !near(offset, 99_900))).toEqual([]);
  expect(new Set(offsets).size).toBeLessThan(10);
  await page.screenshot({ path: 'test-results/screens/worklist-100k.png', fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);
  expect(problems).toEqual([]);
});

test('an overdue dossier stands out on the list, the filter finds it, and the day’s numbers count it', { tag: '@today' }, async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  // Logged on paper three weeks ago during an outage and entered now: its appointment has passed.
  const threeWeeksAgo = new Date(webHost.clock.now() - 21 * 86_400_000).toISOString();
  await call(webHost.core, 'dossiers.receive', {
    procedureId: 'ho-tich.dang-ky-khai-sinh',
    channel: 1,
    applicant: { fullName: 'Hoàng Văn Quá', phone: '0912000222' },
    owner: null,
    documents: requiredPapers('ho-tich.dang-ky-khai-sinh'),
    receivedAt: threeWeeksAgo,
  });
  await receiveThroughCore(webHost.core, 'Vũ Thị Đúng');
  await page.goto(webHost.url);

  const late = page.getByTestId('worklist-row').filter({ hasText: 'Hoàng Văn Quá' });
  await expect(late).toContainText('Quá hạn');
  await expect(late).toHaveClass(/worklist-grid__row--overdue/);
  await expect(page.getByTestId('worklist-row').filter({ hasText: 'Vũ Thị Đúng' })).not.toContainText('Quá hạn');
  await expect(page.getByTestId('today-overdue')).toHaveText('1');

  await page.getByRole('checkbox', { name: 'Quá hạn' }).check();
  await expect(page.getByTestId('worklist-total')).toHaveText('1 hồ sơ');
  await expect(page.getByTestId('worklist-row')).toHaveCount(1);
  await expect(page.getByTestId('worklist-row')).toContainText('Hoàng Văn Quá');
  await page.getByRole('checkbox', { name: 'Quá hạn' }).uncheck();

  // A search by phone number, then by code; Enter from the search box goes to the list.
  await page.getByTestId('worklist-search').fill('0912000222');
  await expect(page.getByTestId('worklist-row')).toHaveCount(1);
  await page.getByTestId('worklist-search').press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dossier-applicant')).toHaveText('Hoàng Văn Quá');
  await expect(page.getByTestId('dossier-status')).toHaveText('Được tiếp nhận');
  await expect(page.getByText('Quá hạn', { exact: true })).toBeVisible();
});

test('a name finds the person, not a procedure that shares a word; the procedure is its own filter, by keyboard', async ({ page, webHost }) => {
  test.setTimeout(60_000); // a dozen searches and an accessibility scan, on a shared two-core machine
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const receive = (fullName: string, procedureId: string) =>
    call(webHost.core, 'dossiers.receive', {
      procedureId,
      channel: 1,
      applicant: { fullName, idNumber: null, birthDate: null, sex: null, phone: null, email: null },
      owner: null,
      documents: requiredPapers(procedureId),
    });
  await receive('Nguyễn Văn Đức', 'ho-tich.dang-ky-khai-sinh'); // "Đăng ký khai sinh"
  await receive('Đặng Văn Đức', 'cu-tru.dang-ky-thuong-tru');
  await receive('Trần Thị Hoa', 'cu-tru.khai-bao-tam-vang'); // "Khai báo tạm vắng"
  await page.goto(webHost.url);
  const rows = page.getByTestId('worklist-row');
  await expect(rows).toHaveCount(3);

  // The citizen at the counter is Đặng Văn Đức: only his dossier is listed, not Nguyễn Văn Đức's "Đăng ký …".
  const search = page.getByTestId('worklist-search');
  await search.fill('Đặng Văn Đức');
  await expect(page.getByTestId('worklist-total')).toHaveText('1 hồ sơ');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Đặng Văn Đức');
  await search.fill('dang');
  await expect(page.getByTestId('worklist-total')).toHaveText('1 hồ sơ');
  await expect(rows).toContainText('Đặng Văn Đức');
  await search.fill('van');
  await expect(page.getByTestId('worklist-total')).toHaveText('2 hồ sơ');
  await expect(rows.filter({ hasText: 'Trần Thị Hoa' })).toHaveCount(0);

  // The procedure filter, from the search box by keyboard alone: Tab to it, a few letters without
  // diacritics, Enter.
  await search.fill('');
  await search.press('Tab'); // status
  await page.keyboard.press('Tab');
  const procedure = page.getByRole('combobox', { name: 'Thủ tục' });
  await expect(procedure).toBeFocused();
  await page.keyboard.type('dang ky khai sinh');
  const choices = page.getByRole('listbox', { name: 'Thủ tục phù hợp' }).getByRole('option');
  await expect(choices.first()).toHaveText('Đăng ký khai sinh');
  await expect(choices.first()).toHaveAttribute('aria-selected', 'true');
  await expectNoSeriousAccessibilityViolations(page);
  await page.keyboard.press('Enter');
  await expect(procedure).toHaveValue('Đăng ký khai sinh');
  await expect(page.getByTestId('worklist-total')).toHaveText('1 hồ sơ');
  await expect(rows).toContainText('Nguyễn Văn Đức');

  // With a name as well; emptying the filter lists every procedure again.
  await search.fill('duc');
  await expect(rows).toHaveCount(1);
  await procedure.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('worklist-total')).toHaveText('2 hồ sơ');
  await expect(rows).toHaveCount(2);
  expect(problems).toEqual([]);
});

test('Enter straight after typing a search goes to its list, and the next Enter opens the dossier', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await receiveThroughCore(webHost.core, 'Đặng Thị Nhanh', '0912000333');
  await receiveThroughCore(webHost.core, 'Vũ Văn Chậm', '0912000444');
  await page.goto(webHost.url);
  await expect(page.getByTestId('worklist-total')).toHaveText('2 hồ sơ');
  await page.getByTestId('worklist-search').focus();
  // Quicker than the pause in typing that starts a search, as a practised officer types.
  await page.keyboard.type('0912000444');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('worklist-total')).toHaveText('1 hồ sơ');
  await expect(page.getByTestId('worklist-grid')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dossier-applicant')).toHaveText('Vũ Văn Chậm');
});
