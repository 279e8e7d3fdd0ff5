import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { vn } from '../../../shared/domain/calendar/vietnam-clock.js';
import { requiredPapers } from '../../../support/required-papers.js';

// Form 04 through the contract, on the desk's own calendar and its injected clock: a new date the
// desk can keep, an apology at least a day before the due date (later: a supervisor's explicit
// decision), and a refusal that leaves the database as it was.

const THUONG_TRU = 'cu-tru.dang-ky-thuong-tru'; // 7 working days
const OFFICER = { username: 'canbo1', password: 'mat-khau-can-bo' };

describe('dossiers.reschedule (form 04)', () => {
  let desk: TestDesk;
  let dossierId: string;
  const DUE = '2026-12-02T02:00:00.000Z'; // received Mon 23/11 09:00 → due Wed 02/12 09:00

  beforeEach(async () => {
    desk = await openTestDesk({ at: '2026-11-23T02:00:00Z' }); // Monday 09:00 in Hạ Long
    const detail = await desk.call('dossiers.receive', { procedureId: THUONG_TRU, channel: 1, applicant: SAMPLE_APPLICANT, documents: requiredPapers(THUONG_TRU) });
    dossierId = detail.state.id;
    expect(detail.state.appointmentAt).toBe(DUE);
    await desk.call('officers.create', { ...OFFICER, fullName: 'Phạm Thị Cán Bộ', role: 'officer' });
  });
  afterEach(() => desk.dispose());

  const reschedule = (newAppointmentAt: string, extra: { approveLate?: boolean } = {}) => ({ dossierId, reason: 'Chờ xác minh', newAppointmentAt, ...extra });

  async function refused(args: ReturnType<typeof reschedule>): Promise<{ code: string; message: string }> {
    const before = snapshotDatabase(desk.core.db);
    const error = await desk.fail('dossiers.reschedule', args);
    expect(snapshotDatabase(desk.core.db)).toEqual(before);
    return error;
  }

  it('refuses a Sunday, a public holiday, 22:00, the lunch break, the current appointment and seconds — each saying what is allowed', async () => {
    await desk.call('auth.signIn', OFFICER);
    const cases: [string, RegExp][] = [
      [vn('2026-12-06 09:00'), /Ngày hẹn mới phải là ngày làm việc, trong giờ làm việc \(07:00–11:30, 13:30–17:00\): ngày 06\/12\/2026 là ngày nghỉ — Nghỉ hằng tuần \(Chủ nhật\)\. Ngày làm việc kế tiếp là 07\/12\/2026\./],
      [vn('2027-01-01 09:00'), /ngày 01\/01\/2027 là ngày nghỉ — Tết Dương lịch/],
      [vn('2026-12-03 22:00'), /Giờ hẹn mới phải trong giờ làm việc \(07:00–11:30, 13:30–17:00\); 22:00 ngày 03\/12\/2026 ở ngoài giờ làm việc\./],
      [vn('2026-12-03 12:15'), /12:15 ngày 03\/12\/2026 ở ngoài giờ làm việc/],
      [DUE, /Ngày hẹn mới phải sau ngày hẹn hiện tại \(09:00 ngày 02\/12\/2026\)\./],
      [new Date(Date.parse(vn('2026-12-03 16:00')) + 4000).toISOString(), /tròn phút/],
    ];
    for (const [when, message] of cases) {
      const error = await refused(reschedule(when));
      expect(error.code, when).toBe('invalid_argument');
      expect(error.message, when).toMatch(message);
    }
  });

  it('accepts working time on a working day after the current appointment, and offers such a date to start from', async () => {
    await desk.call('auth.signIn', OFFICER);
    const before = await desk.call('dossiers.get', { id: dossierId });
    // The dialog's default: the same time on the next working day after the appointment.
    expect(before.reschedule).toEqual({ suggestedAt: vn('2026-12-03 09:00'), lastApologyDay: '2026-12-01', late: false });
    const detail = await desk.call('dossiers.reschedule', reschedule(vn('2026-12-04 17:00')));
    expect(detail.state.appointmentAt).toBe(vn('2026-12-04 17:00'));
    expect(detail.state.reschedules).toMatchObject([{ previousAppointmentAt: DUE, newAppointmentAt: vn('2026-12-04 17:00') }]);
    expect(detail.reschedule?.suggestedAt).toBe(vn('2026-12-07 17:00')); // Friday 17:00 → Monday 17:00
  });

  it('on the due day an officer is refused; a supervisor proceeds only by approving the late apology explicitly', async () => {
    desk.clock.set(vn('2026-12-02 08:00')); // the due day itself
    const hint = (await desk.call('dossiers.get', { id: dossierId })).reschedule;
    expect(hint).toMatchObject({ late: true, lastApologyDay: '2026-12-01' });

    await desk.call('auth.signIn', OFFICER);
    const officer = await refused(reschedule(vn('2026-12-04 17:00'), { approveLate: true }));
    expect(officer).toEqual({
      code: 'forbidden',
      message:
        'Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) phải lập chậm nhất ngày 01/12/2026, trước ngày hẹn trả 02/12/2026 ít nhất 1 ngày; ' +
        'nay đã quá thời hạn đó. Chỉ cán bộ giám sát được hẹn lại sau thời hạn.',
    });

    await desk.call('auth.signIn', { username: 'truongbp', password: 'mat-khau-thu-nghiem' });
    const unconfirmed = await refused(reschedule(vn('2026-12-04 17:00')));
    expect(unconfirmed.code).toBe('invalid_argument');
    expect(unconfirmed.message).toContain('Hãy xác nhận đồng ý hẹn lại sau thời hạn');
    const detail = await desk.call('dossiers.reschedule', reschedule(vn('2026-12-04 17:00'), { approveLate: true }));
    expect(detail.state.appointmentAt).toBe(vn('2026-12-04 17:00'));
    expect(detail.history.at(-1)?.recordedBy.fullName).toBe('Trần Văn Giám Sát');
  });

  it('a settled dossier is refused for its state, not for its date', async () => {
    await desk.call('dossiers.withdraw', { dossierId, reason: 'Công dân rút' });
    expect((await refused(reschedule(vn('2026-12-06 09:00')))).code).toBe('transition_forbidden');
    expect((await desk.call('dossiers.get', { id: dossierId })).reschedule).toBeNull();
  });
});

describe('a supplement received during processing keeps the appointment on a whole minute', () => {
  it('a wait a few seconds over whole hours moves the appointment by the whole minutes only', async () => {
    const desk = await openTestDesk({ at: '2026-11-23T02:00:00Z' });
    try {
      const { state } = await desk.call('dossiers.receive', { procedureId: THUONG_TRU, channel: 1, applicant: SAMPLE_APPLICANT, documents: requiredPapers(THUONG_TRU) });
      desk.clock.set(vn('2026-11-24 10:00'));
      await desk.call('dossiers.requestSupplement', { dossierId: state.id, items: ['Giấy tờ A'], reason: 'Thiếu' });
      desk.clock.set(new Date(Date.parse(vn('2026-11-25 10:00')) + 4000).toISOString()); // 8 h 0 min 4 s of working time later
      const detail = await desk.call('dossiers.receiveSupplement', { dossierId: state.id });
      // Due Wed 02/12 09:00 + 8 working hours = Thu 03/12 09:00, not 09:00:04.
      expect(detail.state.appointmentAt).toBe(vn('2026-12-03 09:00'));
    } finally {
      desk.dispose();
    }
  });
});
