import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DossierDetail } from '../../../shared/contract/dossiers.js';
import { addDaysToLocalDate, instantOfLocal, localDateOf } from '../../../shared/domain/calendar/vietnam-time.js';
import { counterReferenceOf } from '../../../shared/domain/dossier/reception.js';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.js';
import { enrollWithCentre, type EnrolledCentre } from '../support/enrolled-centre.js';
import { watchPageProblems } from '../support/page-problems.js';
import { expect, test } from '../support/web-host.js';
import {
  APPLICANT,
  call,
  DELAY_REASON,
  FORWARDED_TO,
  initialiseDesk,
  processToHandBack,
  receiveAndReschedule,
  receiveBirthRegistration,
  receiveOnDays,
  receiveWithSupplementAtIntake,
  RECEIVING_OFFICER,
  REFUSAL_REASON,
  refuseAtIntake,
  SUPPLEMENT,
  WARD,
} from './arrange-dossiers.js';
import { hourMinuteDay, vietnamParts } from './pdf-text.js';
import { expectA4, FORMS_DIR, printShownForm, printToPdf } from './print-to-pdf.js';

// Each form is opened at its print route in Chromium, printed to PDF as the print dialog would, and read
// back with pdftotext: the code, the names and the dates must be on the paper. The browser runs in Los
// Angeles time, so every date proves the forms print Vietnam time whatever the machine's zone.

test.use({ timezoneId: 'America/Los_Angeles' });

test.beforeAll(async () => {
  await mkdir(FORMS_DIR, { recursive: true });
});

/** The header block every form carries. */
function expectHeader(text: string, signedAt: string): void {
  expect(text).toContain('UBND PHƯỜNG HỒNG GAI');
  expect(text).toContain('BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ');
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  const [day, month, year] = vietnamParts(signedAt).date.split('/');
  const monthText = Number(month) <= 2 ? month : String(Number(month));
  expect(text).toContain(`Hạ Long, ngày ${day} tháng ${monthText} năm ${year}`);
}

/** A yyyy-MM-dd day as the officer types it. */
function typedDate(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/**
 * The log book's dates and times that are not on one line or spill out of their cell's content box
 * (a date split "02/12/20" / "26" misreads on paper), as 'text (lines, width/room px)'.
 */
function datesBrokenOrSpilling(page: Page): Promise<string[]> {
  return page.locator('.log-book__date, .log-book__time').evaluateAll((spans) =>
    spans.flatMap((span) => {
      const cell = span.closest('td')!;
      const style = getComputedStyle(cell);
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const range = document.createRange();
      range.selectNodeContents(span);
      const lines = range.getClientRects().length;
      const width = range.getBoundingClientRect().width;
      return lines === 1 && width <= room ? [] : [`${span.textContent} (${lines} lines, ${width.toFixed(1)}/${room.toFixed(1)} px)`];
    }),
  );
}

function code(detail: DossierDetail): string {
  expect(detail.state.code).not.toBeNull();
  return detail.state.code ?? '';
}

// Each test prints to PDF and reads the text back: tens of seconds on a shared two-core machine.
test.describe.configure({ timeout: 60_000 });

let centre: EnrolledCentre | null = null;
test.afterEach(async () => {
  await centre?.close();
  centre = null;
});

test('form 01: the receipt prints both copies with the code, barcode, lookup QR, papers and times', { tag: '@today' }, async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  // Enrolled with a centre: the QR code opens its status page (what it holds: tests/renderer/features/forms/receipt-qr.test.tsx).
  centre = await enrollWithCentre(webHost.core, WARD, webHost.clock.now);
  const dossier = await receiveBirthRegistration(webHost.core);
  const { state } = dossier;

  const { file, text } = await printToPdf(page, webHost.url, `#/in/01/${state.id}`, 'form-01-receipt');

  expectA4(file, 2, 'portrait');
  expectHeader(text, state.receivedAt ?? '');
  expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  expect(text).toContain('Liên 1: Giao người nộp hồ sơ');
  expect(text).toContain('Liên 2: Lưu tại Bộ phận tiếp nhận và trả kết quả');
  expect(text.split(code(dossier)).length - 1).toBeGreaterThanOrEqual(2);
  expect(text).toContain(APPLICANT.fullName);
  expect(text).toContain(APPLICANT.idNumber);
  expect(text).toContain(APPLICANT.address);
  expect(text).toContain(APPLICANT.phone);
  expect(text).toContain(APPLICANT.email);
  expect(text).toContain('Chủ hồ sơ: Nguyễn Minh An');
  expect(text).toContain('Đăng ký khai sinh');
  expect(text).toContain('Giấy chứng sinh');
  expect(text).toContain('Bản chính');
  expect(text).toContain('Bản sao');
  expect(text).toContain('Số lượng hồ sơ: 01 (bộ)');
  expect(text).toMatch(/Thời gian giải quyết hồ sơ theo quy định: (\d+ ngày làm việc|Trong ngày)/u);
  expect(text).toContain(`Thời gian nhận hồ sơ: ${hourMinuteDay(state.receivedAt ?? '')}`);
  expect(text).toContain(`Thời gian trả kết quả giải quyết hồ sơ: ${hourMinuteDay(state.appointmentAt ?? '')}`);
  expect(text).toContain('Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả UBND Phường Hồng Gai');
  const serial = code(dossier).slice(-4);
  expect(text).toContain(`Số thứ tự: ${serial}`);
  // The log book's volume is a number (one a year), not a date.
  expect(text).toContain(`Quyển số: 01/${vietnamParts(state.receivedAt ?? '').date.slice(6)}, Số thứ tự: ${serial}`);
  expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
  expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
  expect(text).toContain(RECEIVING_OFFICER);

  // The barcode and the QR code are real images on each copy, named for screen readers.
  await expect(page.getByRole('img', { name: `Mã vạch của mã hồ sơ ${code(dossier)}` })).toHaveCount(2);
  await expect(page.getByRole('img', { name: 'Mã QR tra cứu tình trạng hồ sơ' })).toHaveCount(2);
  const qrSource = await page.getByRole('img', { name: 'Mã QR tra cứu tình trạng hồ sơ' }).first().getAttribute('src');
  expect(qrSource).toMatch(/^data:image\/svg\+xml/u);

  // On screen the toolbar offers "In" and "Đóng"; on paper it is gone.
  await expect(page.getByRole('button', { name: 'Đóng' })).toBeVisible();
  await page.screenshot({ path: join(FORMS_DIR, 'form-01-screen.png') });
  expect(text).not.toContain('Esc để đóng');
  await expectNoSeriousAccessibilityViolations(page);
  expect(problems).toEqual([]);
});

test('form 02 at the counter: the reference (no code), every missing paper, the reason and the guiding officer; the return prints form 01', { tag: '@today' }, async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const dossier = await receiveWithSupplementAtIntake(webHost.core);
  const id = dossier.state.id;
  const round = dossier.state.supplements.at(-1);
  // Turned back at the counter: not received, so no code from the station's serials.
  expect(dossier.state.code).toBeNull();
  const reference = counterReferenceOf(id);

  const { file, text } = await printToPdf(page, webHost.url, `#/in/02/${id}`, 'form-02-supplement');

  expectA4(file, 1, 'portrait');
  expectHeader(text, round?.requestedAt ?? '');
  expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
  expect(text).toContain(`Số tham chiếu: ${reference}`);
  expect(text).not.toContain(WARD.agencyId);
  expect(text).toContain('Hồ sơ chưa được tiếp nhận');
  await expect(page.getByRole('img', { name: `Mã vạch của số tham chiếu ${reference}` })).toHaveCount(1);
  expect(text).toContain(APPLICANT.fullName);
  for (const item of SUPPLEMENT.items) expect(text).toContain(item);
  expect(text).toContain(`Lý do: ${SUPPLEMENT.reason}`);
  expect(text).toContain(hourMinuteDay(round?.requestedAt ?? ''));
  expect(text).toContain('NGƯỜI HƯỚNG DẪN');
  expect(text).toContain(`cán bộ hướng dẫn ${RECEIVING_OFFICER}`);
  // A dossier waiting for its papers has no receipt yet: form 01 says why instead of printing.
  await page.goto(`${webHost.url}#/in/01/${id}`);
  await expect(page.getByRole('status')).toContainText('giấy tiếp nhận được in khi nhận đủ hồ sơ');
  await expect(page.getByRole('button', { name: 'In', exact: true })).toBeDisabled();

  // The citizen comes back with the papers: the reference finds the dossier, shown as not received.
  await page.goto(`${webHost.url}#/ho-so`);
  await page.getByTestId('worklist-search').fill(reference);
  // Enter runs the search at once: with one dossier the unfiltered list already shows the same row, and a
  // click landing when the pause ends would hit the new list's placeholder.
  await page.getByTestId('worklist-search').press('Enter');
  await expect(page.getByTestId('worklist-row')).toHaveCount(1);
  await expect(page.getByTestId('worklist-row')).toContainText(reference);
  await expect(page.getByTestId('worklist-row')).toContainText('Chưa tiếp nhận — chờ bổ sung');
  await page.getByTestId('worklist-row').click();
  await expect(page.getByTestId('dossier-code')).toHaveText(`Số tham chiếu ${reference}`);
  await expect(page.getByTestId('dossier-status')).toHaveText('Chưa tiếp nhận — chờ bổ sung');
  await expect(page.getByTestId('dossier-received-at')).toContainText('Chưa tiếp nhận');

  // Receiving the papers receives the dossier: form 01 opens with the code and appointment issued now.
  const actions = page.getByRole('group', { name: 'Thao tác được phép ở trạng thái này' });
  await actions.getByRole('button', { name: 'Nhận hồ sơ bổ sung' }).click();
  await page.getByTestId('action-confirm').click();
  await expect(page).toHaveURL(new RegExp(`#/in/01/${id}$`));
  const { state } = await call(webHost.core, 'dossiers.get', { id });
  expect(state.code).toMatch(new RegExp(`^${WARD.agencyId.replace(/\./g, '\\.')}-\\d{6}-1001$`, 'u'));
  const receipt = await printShownForm(page, 'form-01-after-supplement');
  expect(receipt.text.split(code({ ...dossier, state })).length - 1).toBeGreaterThanOrEqual(2);
  expect(receipt.text).toContain(`Thời gian nhận hồ sơ: ${hourMinuteDay(state.receivedAt ?? '')}`);
  expect(receipt.text).toContain(`Thời gian trả kết quả giải quyết hồ sơ: ${hourMinuteDay(state.appointmentAt ?? '')}`);
  expect(problems).toEqual([]);
});

test('form 03: the refusal gives the reason and the officer, and no code', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const dossier = await refuseAtIntake(webHost.core);
  expect(dossier.state.code).toBeNull();

  const { file, text } = await printToPdf(page, webHost.url, `#/in/03/${dossier.state.id}`, 'form-03-refusal');

  expectA4(file, 1, 'portrait');
  expectHeader(text, dossier.state.refusedAt ?? '');
  expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
  expect(text).toContain(APPLICANT.fullName);
  expect(text).toContain(REFUSAL_REASON);
  expect(text).toContain(hourMinuteDay(dossier.state.refusedAt ?? ''));
  expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
  expect(text).toContain(RECEIVING_OFFICER);
  expect(text).not.toContain(WARD.agencyId);
  expect(problems).toEqual([]);
});

test('form 04: the apology gives the old appointment, the reason and the new date, for the chair to sign', { tag: '@today' }, async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const dossier = await receiveAndReschedule(webHost.core);
  const reschedule = dossier.state.reschedules.at(-1);
  expect(reschedule).toBeDefined();

  const { file, text } = await printToPdf(page, webHost.url, `#/in/04/${dossier.state.id}`, 'form-04-apology');

  expectA4(file, 1, 'portrait');
  expectHeader(text, reschedule?.at ?? '');
  expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
  expect(text).toContain(`Kính gửi: Ông/Bà ${APPLICANT.fullName}`);
  expect(text).toContain(code(dossier));
  expect(text).toContain(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ${hourMinuteDay(reschedule?.previousAppointmentAt ?? '')}`);
  expect(text).toContain(`Lý do: ${DELAY_REASON}`);
  expect(text).toContain(`vào ${hourMinuteDay(reschedule?.newAppointmentAt ?? '')}`);
  expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
  expect(text).toContain('CHỦ TỊCH');
  expect(problems).toEqual([]);
});

test('form 05: the control sheet has a row per hand-over with times, parties and step results', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  // Received at 16:00, after the same-day procedure's 15:00 cut-off: the appointment falls on a later day
  // whatever day today is, so the steps taken that afternoon are early (a morning receipt is due the same
  // day, and its steps on time).
  const afternoon = instantOfLocal(localDateOf(webHost.clock.now()), '16:00');
  webHost.clock.set(afternoon);
  await page.clock.setSystemTime(afternoon);
  await initialiseDesk(webHost.core);
  const dossier = await processToHandBack(webHost.core);
  const { state } = dossier;
  expect(state.handovers).toHaveLength(3);
  expect(localDateOf(state.appointmentAt ?? '') > localDateOf(state.receivedAt ?? '')).toBe(true);

  const { file, text } = await printToPdf(page, webHost.url, `#/in/05/${state.id}`, 'form-05-control-sheet');

  expectA4(file, 1, 'portrait');
  expectHeader(text, state.receivedAt ?? '');
  expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
  expect(text).toContain(code(dossier));
  expect(text).toContain(FORWARDED_TO.officer);
  expect(text).toContain(FORWARDED_TO.agency);
  expect(text).toContain('Giấy khai sinh bản chính số 123/2026');
  // Five rows: receipt, two forwards, result back at the desk, result to the citizen.
  const table = page.locator('.control-sheet tbody tr');
  await expect(table).toHaveCount(5);
  for (const at of [...state.handovers.map((row) => row.at), state.resultAt ?? '', state.handedBackAt ?? '']) {
    expect(text).toContain(hourMinuteDay(at));
  }
  // Everything happened on the day of receipt, before the appointment's day: each timed step is early.
  await expect(table.nth(1)).toContainText('Trước hạn');
  await expect(table.nth(3)).toContainText('Trước hạn');
  expect(text).toContain('Người giao');
  expect(text).toContain('Người nhận');
  expect(problems).toEqual([]);
});

test('form 06: the log book lists the dossiers received in the range, in order, on landscape A4', { tag: '@today' }, async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  const today = localDateOf(webHost.clock.now());
  const [outside, ...inRange] = await receiveOnDays(webHost.core, today, [12, 6, 4, 3]);
  const todays = await receiveBirthRegistration(webHost.core);
  await refuseAtIntake(webHost.core);
  const forwarded = inRange[1]?.state.id ?? '';
  await call(webHost.core, 'dossiers.forward', { dossierId: forwarded, to: { kind: 'agency', name: FORWARDED_TO.agency }, note: '' });
  const from = addDaysToLocalDate(today, -6);
  const to = addDaysToLocalDate(today, -3);

  // Opened from the menu without dates, the book shows today; the officer then chooses the range,
  // typed day/month/year as everywhere on the desk (never the machine's order).
  await page.goto(`${webHost.url}#/in/06`);
  const rows = page.locator('.log-book tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(code(todays));
  const fromField = page.getByLabel('Từ ngày');
  const toField = page.getByLabel('Đến ngày');
  await expect(fromField).toHaveValue(typedDate(today));
  await expect(toField).toHaveValue(typedDate(today));

  // A day that does not exist, then a range written backwards: each named next to its field, nothing loaded.
  await fromField.fill('31/11/2026');
  await page.getByRole('button', { name: 'Xem sổ' }).press('Enter');
  await expect(fromField).toBeFocused();
  await expect(fromField).toHaveAccessibleDescription(/Ngày bắt đầu phải là một ngày có thật, dạng ngày\/tháng\/năm/u);
  await fromField.fill(typedDate(to));
  await toField.fill(typedDate(from));
  await page.getByRole('button', { name: 'Xem sổ' }).press('Enter');
  await expect(toField).toBeFocused();
  await expect(toField).toHaveAccessibleDescription(`Khoảng ngày bị ngược: ngày bắt đầu ${typedDate(to)} nằm sau ngày kết thúc ${typedDate(from)}. Hãy đổi lại hai ngày.`);
  await expect(page).toHaveURL(/#\/in\/06$/u);
  await expect(rows).toHaveCount(1);

  await fromField.fill(typedDate(from));
  await toField.fill(typedDate(to));
  await page.getByRole('button', { name: 'Xem sổ' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/in/06\\?from=${from}&to=${to}$`, 'u'));
  await expect(rows).toHaveCount(3);
  await expect(fromField).toHaveValue(typedDate(from));
  await page.screenshot({ path: join(FORMS_DIR, 'form-06-screen.png') });
  await expectNoSeriousAccessibilityViolations(page);
  // Every date and time sits on one line inside its cell (the sheet on screen is laid out as the paper).
  expect(await datesBrokenOrSpilling(page)).toEqual([]);
  const { file, text } = await printShownForm(page, 'form-06-log-book');

  expectA4(file, 1, 'landscape');
  expectHeader(text, webHost.clock.iso());
  expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
  expect(text).toContain(`Từ ngày ${vietnamParts(`${from}T12:00:00+07:00`).date} đến ngày ${vietnamParts(`${to}T12:00:00+07:00`).date}`);
  for (const [index, detail] of inRange.entries()) {
    await expect(rows.nth(index)).toContainText(code(detail));
    await expect(rows.nth(index)).toContainText(detail.state.applicant.fullName);
    await expect(rows.nth(index)).toContainText(vietnamParts(detail.state.receivedAt ?? '').date);
    // Received and appointment, each date and time whole on the paper.
    for (const at of [detail.state.receivedAt ?? '', detail.state.appointmentAt ?? '']) {
      expect(text).toContain(vietnamParts(at).date);
      expect(text).toContain(vietnamParts(at).time);
    }
  }
  const forwardedDetail = await call(webHost.core, 'dossiers.get', { id: forwarded });
  const forwardedAt = forwardedDetail.state.handovers.find((row) => row.kind === 'forward')?.at ?? '';
  expect(text).toContain(vietnamParts(forwardedAt).date);
  expect(text).toContain(vietnamParts(forwardedAt).time);
  expect(outside).toBeDefined();
  expect(text).not.toContain(outside?.state.code ?? 'missing');
  expect(text).not.toContain(code(todays));
  expect(text).toContain(APPLICANT.phone);
  await expect(rows.nth(0)).toContainText('UBND Phường Hồng Gai');
  expect(text).toContain('Tổng số: 3 hồ sơ.');
  // The forwarded dossier is being processed by the agency it was sent to.
  await expect(rows.nth(1)).toContainText('Đang xử lý');
  await expect(rows.nth(1)).toContainText(FORWARDED_TO.agency);
  expect(problems).toEqual([]);
});
