import { afterEach, describe, expect, it } from 'vitest';
import { addDaysToLocalDate, instantOfLocal, localDateOf } from '../../../../shared/domain/calendar/vietnam-time.js';
import { controlSheetRows, stepDeadlineOf } from '../../../../renderer/features/forms/model/control-sheet.js';
import { printableForms } from '../../../../renderer/features/dossier/components/print-forms.js';
import { formProblem } from '../../../../renderer/features/forms/model/form-availability.js';
import { logBookEntryOf, sortLogBook } from '../../../../renderer/features/forms/model/log-book.js';
import { officerNamesOf } from '../../../../renderer/features/forms/model/officer-names.js';
import { SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { openDesk, receive, RESIDENCE, SUPERVISOR_NAME } from './desk-with-dossiers.js';
import { requiredPapers } from '../../../support/required-papers.js';

let desk: TestDesk | null = null;
afterEach(() => {
  desk?.dispose();
  desk = null;
});

describe('form 05, the control sheet', () => {
  it('has a row per hand-over, each giver the previous receiver, with step results judged by date', async () => {
    desk = await openDesk();
    const received = await receive(desk);
    const dossierId = received.state.id;
    const appointment = received.state.appointmentAt ?? '';
    const dueDay = localDateOf(appointment);

    desk.clock.advanceMinutes(30);
    await desk.call('dossiers.forward', { dossierId, to: { kind: 'officer', name: 'Đỗ Văn Hộ Tịch' }, note: 'Chuyển cán bộ' });
    desk.clock.set(instantOfLocal('2026-11-24', '10:00'));
    await desk.call('dossiers.forward', { dossierId, to: { kind: 'agency', name: 'Công an Phường Hồng Gai' }, note: '' });
    // An apology on the due day (late: the supervisor approves it) moves the appointment, but the step is
    // still judged against the first one. Due Wednesday; the new date is the Monday after.
    desk.clock.set(instantOfLocal(dueDay, '07:30'));
    await desk.call('dossiers.reschedule', {
      dossierId,
      reason: 'Chờ xác minh',
      newAppointmentAt: instantOfLocal(addDaysToLocalDate(dueDay, 5), '16:00'),
      approveLate: true,
    });
    desk.clock.set(instantOfLocal(addDaysToLocalDate(dueDay, 2), '10:00'));
    await desk.call('dossiers.recordResult', { dossierId, summary: 'Đã đăng ký thường trú', outcome: 'approved' });
    desk.clock.advanceMinutes(60);
    const detail = await desk.call('dossiers.handBack', {
      dossierId,
      collector: { kind: 'authorised', fullName: 'Lê Văn Nhận Thay', idNumber: '022090000456' },
    });

    expect(stepDeadlineOf(detail.state)).toBe(appointment);
    const rows = controlSheetRows(detail);
    expect(rows.map((row) => row.step)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]).toMatchObject({
      giver: { name: 'Người nộp hồ sơ', officer: SAMPLE_APPLICANT.fullName },
      receiver: { name: 'Bộ phận TN&TKQ', officer: SUPERVISOR_NAME },
      result: null,
    });
    expect(rows[1]).toMatchObject({
      giver: { name: 'Bộ phận TN&TKQ', officer: SUPERVISOR_NAME },
      receiver: { name: 'Cán bộ xử lý', officer: 'Đỗ Văn Hộ Tịch' },
      result: 'early',
      note: 'Chuyển cán bộ',
    });
    expect(rows[2]).toMatchObject({
      giver: { name: 'Cán bộ xử lý', officer: 'Đỗ Văn Hộ Tịch' },
      receiver: { name: 'Công an Phường Hồng Gai', officer: null },
      result: 'early',
    });
    expect(rows[3]).toMatchObject({
      giver: { name: 'Công an Phường Hồng Gai' },
      receiver: { name: 'Bộ phận TN&TKQ', officer: SUPERVISOR_NAME },
      result: 'late',
      note: 'Đã đăng ký thường trú',
    });
    expect(rows[4]).toMatchObject({
      giver: { name: 'Bộ phận TN&TKQ', officer: SUPERVISOR_NAME },
      receiver: { name: 'Người nhận thay (được ủy quyền)', officer: 'Lê Văn Nhận Thay' },
      result: null,
    });
    expect(rows.map((row) => row.at)).toEqual([...detail.state.handovers.map((row) => row.at), detail.state.resultAt, detail.state.handedBackAt]);
  });

  it('counts a result later on the due day as on time (dates, not hours)', async () => {
    desk = await openDesk();
    const received = await receive(desk);
    const dossierId = received.state.id;
    await desk.call('dossiers.forward', { dossierId, to: { kind: 'officer', name: 'Đỗ Văn Hộ Tịch' }, note: '' });
    desk.clock.set(instantOfLocal(localDateOf(received.state.appointmentAt ?? ''), '23:50'));
    const detail = await desk.call('dossiers.recordResult', { dossierId, summary: 'Xong', outcome: 'approved' });
    expect(controlSheetRows(detail).at(-1)?.result).toBe('on_time');
  });
});

describe('form 06, a line of the log book', () => {
  it('names the agency the dossier was sent to, when it was sent, and what is still open', async () => {
    desk = await openDesk();
    const received = await receive(desk, { receivedAt: '2026-11-20T03:15:00Z' });
    const dossierId = received.state.id;
    await desk.call('dossiers.forward', { dossierId, to: { kind: 'officer', name: 'Đỗ Văn Hộ Tịch' }, note: '' });
    desk.clock.advanceMinutes(5);
    const detail = await desk.call('dossiers.forward', { dossierId, to: { kind: 'agency', name: 'Công an Phường Hồng Gai' }, note: '' });

    const entry = logBookEntryOf(detail);
    expect(entry).toMatchObject({
      code: received.state.code,
      procedureName: received.state.procedure.name,
      sets: 1,
      applicantName: SAMPLE_APPLICANT.fullName,
      address: SAMPLE_APPLICANT.address,
      phone: '0912345678',
      leadAgency: 'Công an Phường Hồng Gai',
      receivedAt: '2026-11-20T03:15:00.000Z',
      forwardedAt: detail.state.handovers[1]?.at,
      resultAt: null,
      handedBackAt: null,
    });
    expect(entry?.notes).toContain('Đang xử lý');
    expect(entry?.notes).toContain('Nhập bổ sung từ sổ giấy');
  });

  it('keeps the ward as lead agency while the papers stay with its officers, and leaves refusals out', async () => {
    desk = await openDesk();
    const received = await receive(desk);
    expect(logBookEntryOf(received)?.leadAgency).toBe('UBND Phường Hồng Gai');
    const refused = await desk.call('dossiers.refuse', { procedureId: RESIDENCE, channel: 1, applicant: SAMPLE_APPLICANT, reason: 'Sai thẩm quyền' });
    expect(logBookEntryOf(refused)).toBeNull();
  });

  it('orders the book by time received', async () => {
    desk = await openDesk();
    const late = logBookEntryOf(await receive(desk, { receivedAt: '2026-11-21T08:00:00Z', fullName: 'B' }));
    const early = logBookEntryOf(await receive(desk, { receivedAt: '2026-11-20T08:00:00Z', fullName: 'A' }));
    expect(sortLogBook([late!, early!]).map((entry) => entry.applicantName)).toEqual(['A', 'B']);
  });
});

describe('which forms a dossier has', () => {
  it('prints a receipt only once the dossier is received in full, and records only facts that happened', async () => {
    desk = await openDesk();
    const accepted = await receive(desk);
    expect(formProblem('01', accepted.state)).toBeNull();
    expect(formProblem('05', accepted.state)).toBeNull();
    expect(formProblem('02', accepted.state)).toMatch(/chưa có yêu cầu bổ sung/u);
    expect(formProblem('03', accepted.state)).toMatch(/không bị từ chối/u);
    expect(formProblem('04', accepted.state)).toMatch(/chưa có lần hẹn lại/u);

    const waiting = await desk.call('dossiers.receive', {
      procedureId: RESIDENCE,
      channel: 1,
      applicant: SAMPLE_APPLICANT,
      owner: null,
      documents: requiredPapers(RESIDENCE),
      intake: 'supplement_requested',
      supplement: { items: ['Sổ hộ khẩu'], reason: 'Thiếu giấy tờ' },
    });
    expect(formProblem('02', waiting.state)).toBeNull();
    expect(formProblem('01', waiting.state)).toMatch(/chưa được tiếp nhận, đang chờ bổ sung/u);
    // Turned back at the counter: not received, so no control sheet either, and only form 02 to print.
    expect(formProblem('05', waiting.state)).toMatch(/chưa được tiếp nhận/u);
    expect(printableForms(waiting.state)).toEqual(['02']);
    const completed = await desk.call('dossiers.receiveSupplement', { dossierId: waiting.state.id });
    expect(formProblem('01', completed.state)).toBeNull();
    expect(formProblem('05', completed.state)).toBeNull();
    expect(printableForms(completed.state)).toEqual(['01', '02', '05']);

    const refused = await desk.call('dossiers.refuse', { procedureId: RESIDENCE, channel: 1, applicant: SAMPLE_APPLICANT, reason: 'Sai thẩm quyền' });
    expect(formProblem('03', refused.state)).toBeNull();
    expect(formProblem('01', refused.state)).toMatch(/từ chối/u);
    expect(formProblem('05', refused.state)).toMatch(/từ chối/u);
  });

  it('finds the officers’ names in the history the core sends', async () => {
    desk = await openDesk();
    const received = await receive(desk);
    const nameOf = officerNamesOf(received.history);
    expect(nameOf(received.state.createdBy)).toBe(SUPERVISOR_NAME);
    expect(nameOf('someone-else')).toBeNull();
    expect(nameOf(null)).toBeNull();
  });
});
