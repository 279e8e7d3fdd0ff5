import { addDaysToLocalDate, instantOfLocal, localDateOf, weekdayOf } from '../../shared/domain/calendar/vietnam-time.js';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk, receiveThroughCore } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';
import { requiredPapers } from '../support/required-papers.js';

// The dossier page offers only what the lifecycle allows, and each action's form keeps its values and
// shows the core's refusal; an apology (form 04) starts from a date the desk can keep, shows one it
// cannot keep refused by the field, asks the supervisor to approve a late one, and offers its paper;
// hand-back to an authorised person.

const vietnamTime = (iso: string): string => {
  const t = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
};

test.use({ timezoneId: 'America/New_York' });

/** A dossier due in seven working days: an apology today is never late, whatever today is. */
const receiveResidence = (core: Parameters<typeof receiveThroughCore>[0], fullName: string) =>
  call(core, 'dossiers.receive', {
    procedureId: 'cu-tru.dang-ky-thuong-tru',
    channel: 1,
    applicant: { fullName, idNumber: null, birthDate: null, sex: null, phone: '0912000222', email: null },
    owner: null,
    documents: requiredPapers('cu-tru.dang-ky-thuong-tru'),
  });

/** The first Sunday after an instant's Vietnam date. */
const sundayAfter = (iso: string): string => {
  const date = localDateOf(iso);
  return addDaysToLocalDate(date, 7 - weekdayOf(date));
};

test('only the allowed actions; an apology with a new date offers form 04; times in Vietnam time', { tag: '@today' }, async ({ page, webHost }) => {
  test.setTimeout(60_000); // a dozen round trips through the core and an accessibility scan
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const detail = await receiveResidence(webHost.core, 'Nguyễn Thị Mai');
  const suggested = detail.reschedule!.suggestedAt;
  await page.goto(`${webHost.url}#/ho-so/${detail.state.id}`);
  await expect(page.getByTestId('dossier-code')).toHaveText(detail.state.code!);
  await expect(page.getByTestId('dossier-received-at')).toHaveText(vietnamTime(detail.state.receivedAt!));
  await expect(page.getByTestId('dossier-appointment')).toHaveText(vietnamTime(detail.state.appointmentAt!));

  const actions = page.getByRole('group', { name: 'Thao tác được phép ở trạng thái này' });
  await expect(actions.getByRole('button', { name: 'Chuyển xử lý' })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Trả kết quả' })).toHaveCount(0);
  await expect(actions.getByRole('button', { name: 'Nhận hồ sơ bổ sung' })).toHaveCount(0);

  await actions.getByRole('button', { name: /Xin lỗi, hẹn lại/ }).click();
  const when = page.getByLabel(/Ngày giờ hẹn mới/);
  await expect(when).toBeFocused();
  // It starts from a date the desk can keep: the appointment's time on the next working day.
  await expect(when).toHaveValue(vietnamTime(suggested));
  await when.fill('31/02/2030 08:00');
  await page.getByLabel('Lý do chậm').fill('Chờ xác minh thông tin từ nơi đăng ký thường trú');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#reschedule-when-error')).toContainText('ngày/tháng/năm giờ:phút');
  await when.fill(vietnamTime(suggested));
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Đã hẹn lại ngày trả kết quả.' })).toBeVisible();
  await expect(page.getByTestId('dossier-appointment')).toContainText(vietnamTime(suggested));
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByTestId('dossier-print-follow-up').click();
  await expect(page).toHaveURL(new RegExp(`#/in/04/${detail.state.id}$`));
  await expect(page.locator('.print-sheets')).toContainText('Chờ xác minh thông tin');
  await page.keyboard.press('Escape');

  // Withdrawn: the actions that need a live dossier disappear.
  await actions.getByRole('button', { name: 'Rút hồ sơ' }).click();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#action-reason-error')).toHaveText('Lý do rút hồ sơ không được để trống.');
  await page.getByLabel('Lý do rút hồ sơ').fill('Công dân xin rút');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('dossier-status')).toHaveText('Rút hồ sơ');
  await expect(actions.getByRole('button', { name: 'Chuyển xử lý' })).toHaveCount(0);
  await expect(actions.getByRole('button', { name: 'Thêm ghi chú' })).toBeVisible();
  await expect(page.getByTestId('dossier-history')).toContainText('Rút hồ sơ');
  expect(problems).toEqual([]);
});

test('form 04: a date the desk cannot keep is refused by the field, saying what is allowed; what was typed stays', { tag: '@today' }, async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  const detail = await receiveResidence(webHost.core, 'Lương Văn Hẹn');
  await page.goto(`${webHost.url}#/ho-so/${detail.state.id}`);
  await page.getByRole('button', { name: /Xin lỗi, hẹn lại/ }).click();
  const when = page.getByLabel(/Ngày giờ hẹn mới/);
  const error = page.locator('#reschedule-when-error');
  await page.getByLabel('Lý do chậm').fill('Chờ xác minh');
  const sunday = vietnamTime(instantOfLocal(sundayAfter(detail.state.appointmentAt!), '09:00'));
  await when.fill(sunday);
  await page.keyboard.press('Control+Enter');
  await expect(error).toContainText('Ngày hẹn mới phải là ngày làm việc, trong giờ làm việc (07:00–11:30, 13:30–17:00)');
  await expect(error).toContainText('Chủ nhật');
  await expect(when).toHaveValue(sunday);
  await expect(when).toHaveAttribute('aria-describedby', /reschedule-when-error/);
  await when.fill(vietnamTime(instantOfLocal(localDateOf(detail.reschedule!.suggestedAt), '22:00')));
  await page.keyboard.press('Control+Enter');
  await expect(error).toContainText('ở ngoài giờ làm việc');
  await expect(page.getByTestId('dossier-appointment')).toHaveText(vietnamTime(detail.state.appointmentAt!));
});

test('an apology past its deadline asks the supervisor to approve it explicitly', { tag: '@today' }, async ({ page, webHost }) => {
  test.setTimeout(60_000);
  await initialiseDesk(webHost.core);
  // Entered from the paper log ten days on: its appointment has passed, so the apology is late whatever today is.
  const received = await call(webHost.core, 'dossiers.receive', {
    procedureId: 'ho-tich.dang-ky-khai-sinh',
    channel: 1,
    applicant: { fullName: 'Đinh Văn Muộn', idNumber: null, birthDate: null, sex: null, phone: '0912000333', email: null },
    owner: null,
    documents: requiredPapers('ho-tich.dang-ky-khai-sinh'),
    receivedAt: new Date(webHost.clock.now() - 10 * 86_400_000).toISOString(),
  });
  expect(received.reschedule).toMatchObject({ late: true });
  await page.goto(`${webHost.url}#/ho-so/${received.state.id}`);
  await page.getByRole('button', { name: /Xin lỗi, hẹn lại/ }).click();
  const when = page.getByLabel(/Ngày giờ hẹn mới/);
  await expect(when).toHaveValue(vietnamTime(received.reschedule!.suggestedAt));
  await expect(page.locator('#reschedule-when-warnings')).toContainText('Đã quá thời hạn lập phiếu xin lỗi');
  await page.getByLabel('Lý do chậm').fill('Chờ kết quả xác minh');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#reschedule-approve-late-error')).toContainText('cán bộ giám sát hãy đánh dấu đồng ý hẹn lại sau thời hạn');
  await expectNoSeriousAccessibilityViolations(page);
  await page.getByLabel('Cán bộ giám sát đồng ý hẹn lại sau thời hạn').check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Đã hẹn lại ngày trả kết quả.' })).toBeVisible();
  await expect(page.getByTestId('dossier-appointment')).toContainText(vietnamTime(received.reschedule!.suggestedAt));
});

test('the page follows changes made elsewhere; a refusal from the core stays next to the form with what was typed', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  const detail = await receiveThroughCore(webHost.core, 'Trịnh Văn Hùng');
  await page.goto(`${webHost.url}#/ho-so/${detail.state.id}`);
  await page.getByRole('button', { name: 'Chuyển xử lý' }).click();
  await page.getByLabel(/Chuyển đến/).fill('Phòng Tư pháp');
  // Meanwhile another window records the citizen's withdrawal: the page shows it as it happens.
  await call(webHost.core, 'dossiers.withdraw', { dossierId: detail.state.id, reason: 'Công dân xin rút' });
  await expect(page.getByTestId('dossier-status')).toHaveText('Rút hồ sơ');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toContainText('Không thể chuyển hồ sơ: hồ sơ đã được rút');
  await expect(page.getByLabel(/Chuyển đến/)).toHaveValue('Phòng Tư pháp');
});

test('hand-back to an authorised person, whose ID must have 12 digits; "Bỏ qua" records no rating', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  const detail = await receiveThroughCore(webHost.core, 'Lê Thị Thu');
  await call(webHost.core, 'dossiers.recordResult', { dossierId: detail.state.id, summary: 'Đã cấp giấy khai sinh' });
  await page.goto(`${webHost.url}#/ho-so/${detail.state.id}/tra-ket-qua`);
  await expect(page.getByTestId('handback-code')).toHaveText(detail.state.code!);
  await page.getByRole('radio', { name: /uỷ quyền/ }).check();
  await page.getByLabel('Họ và tên người nhận thay').fill('Lê Văn Tâm');
  await page.getByLabel(/Số CCCD người nhận thay/).fill('02209000');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#handback-id-error')).toHaveText('Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.');
  await page.getByLabel(/Số CCCD người nhận thay/).fill('022090001234');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('handback-who')).toContainText('Lê Văn Tâm');
  await expect(page.getByRole('button', { name: /Xác nhận đã trả kết quả/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /Bỏ qua/ }).click();
  await expect(page.getByTestId('handback-done')).toContainText('Không đánh giá');
  const after = await call(webHost.core, 'dossiers.get', { id: detail.state.id });
  expect(after.state.collector).toEqual({ kind: 'authorised', fullName: 'Lê Văn Tâm', idNumber: '022090001234' });
  expect(after.state.rating).toBe('not_rated');
});
