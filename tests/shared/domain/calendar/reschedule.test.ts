import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isLateApology,
  rescheduleHint,
  rescheduleRefusal,
  suggestedNewAppointment,
  type RescheduleRequest,
} from '../../../../shared/domain/calendar/reschedule.js';
import { SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import { isWorkingDay } from '../../../../shared/domain/calendar/working-days.js';
import { isWithinWorkingTime } from '../../../../shared/domain/calendar/working-time.js';
import { localDateOf } from '../../../../shared/domain/calendar/vietnam-time.js';
import { vn, wall } from './vietnam-clock.js';

// Form 04 on the real seed calendar (2025–2026 holidays): the new date must be one the desk can keep,
// and the apology must come at least a day before the due date.

const calendar = SEED_WORK_CALENDAR;
// Due Thursday 10/12/2026 17:00; today is Monday 07/12 at 10:00.
const DUE = vn('2026-12-10 17:00');
const MONDAY = vn('2026-12-07 10:00');

const officer = (newAppointment: string, now = MONDAY, current = DUE): RescheduleRequest => ({
  currentAppointment: current,
  newAppointment,
  now,
  lateApprover: 'cán bộ giám sát',
  mayApproveLate: false,
  approveLate: false,
});

const refusal = (request: RescheduleRequest) => rescheduleRefusal(request, calendar);

describe('rescheduleRefusal — the new date is one the desk can keep', () => {
  it('accepts working time on a working day after the current appointment, session ends included', () => {
    expect(refusal(officer(vn('2026-12-14 09:30')))).toBeNull();
    expect(refusal(officer(vn('2026-12-11 17:00')))).toBeNull();
    expect(refusal(officer(vn('2026-12-11 11:30')))).toBeNull();
    expect(refusal(officer(vn('2026-12-11 13:30')))).toBeNull();
  });

  it('refuses a Sunday, naming the day, the working hours and the next working day', () => {
    expect(refusal(officer(vn('2026-12-13 09:00')))).toEqual({
      code: 'invalid_argument',
      message:
        'Ngày hẹn mới phải là ngày làm việc, trong giờ làm việc (07:00–11:30, 13:30–17:00): ngày 13/12/2026 là ngày nghỉ — Nghỉ hằng tuần (Chủ nhật). ' +
        'Ngày làm việc kế tiếp là 14/12/2026.',
    });
  });

  it('refuses a public holiday of the calendar, by its name', () => {
    const current = vn('2026-08-27 17:00');
    const result = refusal(officer(vn('2026-09-02 09:00'), vn('2026-08-24 09:00'), current));
    expect(result?.code).toBe('invalid_argument');
    expect(result?.message).toContain('ngày 02/09/2026 là ngày nghỉ — Quốc khánh (2/9)');
    expect(result?.message).toContain('Ngày làm việc kế tiếp là 03/09/2026.');
    // The adjacent day off set for the year, too.
    expect(refusal(officer(vn('2026-09-01 09:00'), vn('2026-08-24 09:00'), current))?.message).toContain('Quốc khánh (ngày liền kề 1/9)');
  });

  it('refuses 22:00, the lunch break and 06:59, saying the working hours', () => {
    for (const time of ['22:00', '12:00', '06:59', '17:01']) {
      expect(refusal(officer(vn(`2026-12-11 ${time}`)))).toEqual({
        code: 'invalid_argument',
        message: `Giờ hẹn mới phải trong giờ làm việc (07:00–11:30, 13:30–17:00); ${time} ngày 11/12/2026 ở ngoài giờ làm việc.`,
      });
    }
  });

  it('refuses the current appointment itself or earlier, a time already past, and seconds', () => {
    expect(refusal(officer(DUE))?.message).toBe('Ngày hẹn mới phải sau ngày hẹn hiện tại (17:00 ngày 10/12/2026).');
    expect(refusal(officer(vn('2026-12-09 09:00')))?.message).toContain('phải sau ngày hẹn hiện tại');
    const withSeconds = new Date(Date.parse(vn('2026-12-14 09:30')) + 4000).toISOString();
    expect(refusal(officer(withSeconds))?.message).toBe('Ngày giờ hẹn mới phải tròn phút (giờ:phút, không có giây).');
    // A supervisor apologising for an appointment already past must still promise a future time.
    const lateSupervisor = { ...officer(vn('2026-12-14 07:30'), vn('2026-12-14 09:00')), mayApproveLate: true, approveLate: true };
    expect(refusal(lateSupervisor)?.message).toBe('Ngày hẹn mới phải sau thời điểm hiện tại (09:00 ngày 14/12/2026).');
  });
});

describe('rescheduleRefusal — the apology comes at least one day before the due date', () => {
  const next = vn('2026-12-14 17:00');

  it('is on time up to the day before the due date, whatever the hour', () => {
    expect(isLateApology(DUE, vn('2026-12-09 23:59'))).toBe(false);
    expect(refusal(officer(next, vn('2026-12-09 16:59')))).toBeNull();
  });

  it('on the due day itself: an officer is refused, naming the last day and who may still do it', () => {
    expect(isLateApology(DUE, vn('2026-12-10 00:00'))).toBe(true);
    expect(refusal(officer(next, vn('2026-12-10 08:00')))).toEqual({
      code: 'forbidden',
      message:
        'Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) phải lập chậm nhất ngày 09/12/2026, trước ngày hẹn trả 10/12/2026 ít nhất 1 ngày; ' +
        'nay đã quá thời hạn đó. Chỉ cán bộ giám sát được hẹn lại sau thời hạn.',
    });
  });

  it('a supervisor proceeds only by approving explicitly, and the date rules still apply', () => {
    const supervisor = { ...officer(next, vn('2026-12-10 08:00')), mayApproveLate: true };
    const unconfirmed = refusal(supervisor);
    expect(unconfirmed?.code).toBe('invalid_argument');
    expect(unconfirmed?.message).toContain('Hãy xác nhận đồng ý hẹn lại sau thời hạn (với tư cách cán bộ giám sát).');
    expect(refusal({ ...supervisor, approveLate: true })).toBeNull();
    expect(refusal({ ...supervisor, approveLate: true, newAppointment: vn('2026-12-13 09:00') })?.message).toContain('Chủ nhật');
  });

  it('an approval does not matter while the apology is on time', () => {
    expect(refusal({ ...officer(next), approveLate: true })).toBeNull();
  });
});

describe('suggestedNewAppointment', () => {
  it('keeps the time of day on the next working day, skipping weekends and holidays', () => {
    expect(wall(suggestedNewAppointment(vn('2026-12-11 17:00'), MONDAY, calendar))).toBe('2026-12-14 17:00');
    expect(wall(suggestedNewAppointment(vn('2026-08-31 15:30'), vn('2026-08-25 09:00'), calendar))).toBe('2026-09-03 15:30');
    // Tết 2026: 13/02 (Friday) → 23/02 (Monday).
    expect(wall(suggestedNewAppointment(vn('2026-02-13 10:00'), vn('2026-02-10 09:00'), calendar))).toBe('2026-02-23 10:00');
  });

  it('starts after today when the appointment has passed, and moves a time outside working hours to closing', () => {
    expect(wall(suggestedNewAppointment(DUE, vn('2026-12-15 09:00'), calendar))).toBe('2026-12-16 17:00');
    expect(wall(suggestedNewAppointment(vn('2026-12-10 12:15'), MONDAY, calendar))).toBe('2026-12-11 17:00');
  });

  it('always passes the rule, for any appointment and any day of 2025–2026', () => {
    const minute = fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2026, 11, 20) / 60_000 }).map((m) => m * 60_000);
    fc.assert(
      fc.property(minute, fc.integer({ min: -20 * 1440, max: 20 * 1440 }), (current, offsetMinutes) => {
        const currentIso = new Date(current).toISOString();
        const now = new Date(current + offsetMinutes * 60_000).toISOString();
        const hint = rescheduleHint(currentIso, now, calendar);
        expect(isWorkingDay(localDateOf(hint.suggestedAt), calendar)).toBe(true);
        expect(isWithinWorkingTime(hint.suggestedAt, calendar)).toBe(true);
        const request = { ...officer(hint.suggestedAt, now, currentIso), mayApproveLate: true, approveLate: hint.late };
        expect(rescheduleRefusal(request, calendar)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
