import { vietnamDateOf } from '../../shared/domain/dossier/vietnam-time.js';
import { addDaysToLocalDate, weekdayOf } from '../../shared/domain/calendar/vietnam-time.js';
import { testNowMs } from '../support/test-now.js';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

// The supervisor's calendar screen: a year's days off and make-up days, and a day added, changed and
// removed at this desk with its reason. Next year's calendar is taken off the desk first, so the
// notice of a missing year shows from 1 November (by the core's clock) and goes once the year has a
// day. Tagged @today: the year shown and whether the notice is due follow DESK_TEST_NOW.

const today = vietnamDateOf(new Date(testNowMs()).toISOString());
const year = Number(today.slice(0, 4));
const next = year + 1;
const warned = Number(today.slice(5, 7)) >= 11;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A weekday of next January's second week: a day that is worked unless the calendar says otherwise. */
function weekdayInJanuary(): string {
  let date = `${next}-01-08`;
  while (weekdayOf(date) === 0 || weekdayOf(date) === 6) date = addDaysToLocalDate(date, 1);
  return date;
}

test('a supervisor keeps the working calendar: sees the year, is told next year is missing, adds, edits and removes a day', { tag: '@today' }, async ({ page, webHost }) => {
  test.setTimeout(60_000);
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  webHost.core.db.prepare('DELETE FROM calendar_years WHERE year = ?').run(next);

  await page.goto(`${webHost.url}#/ho-so`);
  const notice = page.getByTestId('next-year-calendar-notice');
  if (warned) await expect(notice).toContainText(`Chưa có lịch làm việc năm ${next}`);
  else await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  if (!warned) await expect(notice).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Cài đặt', exact: true }).click();
  await page.getByRole('link', { name: 'Xem và sửa lịch làm việc' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Lịch làm việc năm ${year}` })).toBeVisible();
  await expect(page.getByTestId('calendar-holidays')).toContainText(`01/01/${year}`);
  await expect(page.getByTestId('calendar-holidays')).toContainText('Tết Dương lịch');
  await expect(page.getByTestId('calendar-next-year-warning')).toHaveCount(warned ? 1 : 0);
  await expectNoSeriousAccessibilityViolations(page);

  await page.getByRole('button', { name: `Năm ${next} ›` }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Lịch làm việc năm ${next}` })).toBeVisible();
  await expect(page.getByTestId('calendar-origin')).toContainText(`Chưa có lịch năm ${next} trên máy này`);

  // A make-up day on a weekday is refused by the core, with the reason, and nothing is stored.
  const day = weekdayInJanuary();
  await page.getByLabel('Ngày', { exact: true }).fill(dmy(day));
  await page.getByLabel('Loại').selectOption('makeUp');
  await page.getByLabel('Lý do').fill('Làm bù (thử)');
  await page.getByRole('button', { name: 'Lưu tại máy này' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'vốn đã là ngày làm việc' })).toBeVisible();
  await expect(page.getByTestId('calendar-origin')).toContainText(`Chưa có lịch năm ${next}`);

  // The same day as a day off, to be checked against the official notice.
  await page.getByLabel('Loại').selectOption('holiday');
  await page.getByLabel('Lý do').fill('Nghỉ bù (dự kiến)');
  await page.getByRole('checkbox', { name: /Cần kiểm tra/ }).check();
  await page.getByRole('button', { name: 'Lưu tại máy này' }).click();
  const holidays = page.getByTestId('calendar-holidays');
  const row = holidays.getByRole('row').filter({ hasText: dmy(day) });
  await expect(row).toContainText('Nghỉ bù (dự kiến)');
  await expect(row).toContainText('cần kiểm tra');
  await expect(page.getByTestId('calendar-origin')).toContainText('sửa tại máy này');
  await expect(page.getByTestId('calendar-next-year-warning')).toHaveCount(0);
  expect(await call(webHost.core, 'calendar.get', { year: next })).toMatchObject({ year: { holidays: [{ date: day, name: 'Nghỉ bù (dự kiến)', unconfirmed: true }] } });

  // Edit its reason, confirmed now.
  await row.getByRole('button', { name: `Sửa ngày ${dmy(day)}` }).click();
  await expect(page.getByRole('heading', { name: `Sửa ngày ${dmy(day)}` })).toBeVisible();
  await page.getByLabel('Lý do').fill('Nghỉ bù Tết Dương lịch');
  await page.getByRole('checkbox', { name: /Cần kiểm tra/ }).uncheck();
  await page.getByRole('button', { name: 'Lưu tại máy này' }).click();
  await expect(row).toContainText('Nghỉ bù Tết Dương lịch');
  await expect(row).not.toContainText('cần kiểm tra');
  await page.screenshot({ path: 'test-results/screens/calendar.png', fullPage: true });

  // The notice is gone from the other screens too, next year now being on the desk.
  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: /Danh sách hồ sơ/ }).click();
  await expect(page.getByTestId('worklist').or(page.getByRole('heading', { level: 2 }).first())).toBeVisible();
  await expect(notice).toHaveCount(0);

  // Remove it again.
  await page.goto(`${webHost.url}#/lich-lam-viec`);
  await page.getByRole('button', { name: `Năm ${next} ›` }).click();
  await holidays.getByRole('button', { name: `Sửa ngày ${dmy(day)}` }).click();
  await page.getByRole('button', { name: 'Xoá ngày này' }).click();
  await expect(holidays.getByRole('row').filter({ hasText: dmy(day) })).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);
  // The one refused save (the make-up day on a weekday) is the only request that failed.
  expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});
