import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { replaceCalendarYear } from '../../../../shared/domain/calendar/calendar-validation.js';
import {
  appointmentAt,
  extendBySupplementWait,
  type DeadlineLimit,
  type DeadlineRules,
} from '../../../../shared/domain/calendar/deadlines.js';
import { CALENDAR_YEAR_2025, SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import type { WorkCalendar } from '../../../../shared/domain/calendar/work-calendar.js';
import { vn, wall } from './vietnam-clock.js';

const calendar = SEED_WORK_CALENDAR;
const workingDays = (amount: number): DeadlineLimit => ({ kind: 'working_days', amount });
const calendarDays = (amount: number): DeadlineLimit => ({ kind: 'calendar_days', amount });
const hours = (amount: number): DeadlineLimit => ({ kind: 'hours', amount });
const sameDay: DeadlineLimit = { kind: 'same_day', amount: 0 };

function due(received: string, limit: DeadlineLimit, rules: DeadlineRules = {}, on: WorkCalendar = calendar): string {
  return wall(appointmentAt(vn(received), limit, rules, on));
}

describe('appointmentAt — working days (8 working hours a day)', () => {
  it('counts whole days to the same time of day in an ordinary week', () => {
    // 2025-03-03 is a Monday.
    expect(due('2025-03-03 09:00', workingDays(1))).toBe('2025-03-04 09:00');
    expect(due('2025-03-03 09:00', workingDays(3))).toBe('2025-03-06 09:00');
  });

  it('ends at 17:00 the same day for a 1-day limit received at opening (an end at a session end stays there)', () => {
    expect(due('2025-03-03 07:00', workingDays(1))).toBe('2025-03-03 17:00');
    expect(due('2025-03-03 07:00', workingDays(2))).toBe('2025-03-04 17:00');
  });

  it('starts counting at 13:30 when received at lunch', () => {
    // 13:30–17:00 (3 h 30) + 07:00–11:30 (4 h 30) = 8 h: due at the end of the next morning.
    expect(due('2025-03-03 12:00', workingDays(1))).toBe('2025-03-04 11:30');
    expect(due('2025-03-03 11:30', workingDays(1))).toBe('2025-03-04 11:30');
  });

  it('starts counting the next working morning when received after the afternoon session', () => {
    expect(due('2025-03-03 17:30', workingDays(1))).toBe('2025-03-04 17:00');
    expect(due('2025-03-03 17:00', workingDays(1))).toBe('2025-03-04 17:00');
    expect(due('2025-03-03 23:59', workingDays(1))).toBe('2025-03-04 17:00');
  });

  it('starts counting at 07:00 when received before opening', () => {
    expect(due('2025-03-03 06:00', workingDays(1))).toBe('2025-03-03 17:00');
    expect(due('2025-03-03 00:00', workingDays(1))).toBe('2025-03-03 17:00');
  });

  it('skips the weekend', () => {
    // Friday 15:00: 2 h left that day, Monday 8 h, then 6 h of Tuesday → 15:00 Tuesday.
    expect(due('2025-03-07 15:00', workingDays(2))).toBe('2025-03-11 15:00');
    // Received on Saturday: counting starts Monday 07:00.
    expect(due('2025-03-08 10:00', workingDays(1))).toBe('2025-03-10 17:00');
  });

  it("skips a holiday (Hùng Kings' day, Monday 2025-04-07)", () => {
    expect(due('2025-04-04 10:00', workingDays(1))).toBe('2025-04-08 10:00');
  });

  it('works a make-up Saturday and skips the swapped weekday (30/4–1/5 2025)', () => {
    expect(due('2025-04-25 10:00', workingDays(1))).toBe('2025-04-26 10:00'); // Saturday, worked
    expect(due('2025-04-25 10:00', workingDays(2))).toBe('2025-04-28 10:00');
    expect(due('2025-04-25 10:00', workingDays(3))).toBe('2025-04-29 10:00');
    // 30/4, 1/5, 2/5 (swapped) off, 3–4/5 weekend.
    expect(due('2025-04-25 10:00', workingDays(4))).toBe('2025-05-05 10:00');
  });

  it('crosses the Tết 2025 break and works the make-up Saturday 8/2', () => {
    expect(due('2025-01-24 10:00', workingDays(1))).toBe('2025-02-03 10:00');
    expect(due('2025-02-07 10:00', workingDays(1))).toBe('2025-02-08 10:00');
  });

  it('crosses the Tết 2026 break (14/2–22/2)', () => {
    // Friday 16:00: 1 h, then Mon 23/2 and Tue 24/2 (16 h), then 7 h of Wed 25/2.
    expect(due('2026-02-13 16:00', workingDays(3))).toBe('2026-02-25 16:00');
    expect(due('2026-02-14 09:00', workingDays(1))).toBe('2026-02-23 17:00');
    expect(due('2026-02-17 09:00', workingDays(1))).toBe('2026-02-23 17:00');
  });

  it('crosses the year boundary 2025 → 2026, skipping 1/1', () => {
    // Mon 29/12 10:00: 30/12, 31/12, (1/1 off), 2/1, 5/1, 6/1.
    expect(due('2025-12-29 10:00', workingDays(5))).toBe('2026-01-06 10:00');
  });

  it('counts fractional days in working hours and returns the counting start for 0', () => {
    expect(due('2025-03-03 07:00', workingDays(0.5))).toBe('2025-03-03 11:00');
    expect(due('2025-03-03 12:00', workingDays(0))).toBe('2025-03-03 13:30');
  });

  it('applies a per-procedure cut-off to working-day limits when one is given', () => {
    expect(due('2025-03-03 15:30', workingDays(1), { cutoff: '15:00' })).toBe('2025-03-04 17:00');
    expect(due('2025-03-03 15:00', workingDays(1), { cutoff: '15:00' })).toBe('2025-03-04 15:00');
    expect(due('2025-03-03 15:30', workingDays(1))).toBe('2025-03-04 15:30');
  });
});

describe('appointmentAt — whole minutes', () => {
  it('counts from the first whole minute at or after receipt, and a limit in whole minutes', () => {
    const at = (local: string, seconds: number) => new Date(Date.parse(vn(local)) + seconds * 1000).toISOString();
    expect(wall(appointmentAt(at('2025-03-03 09:13', 27), workingDays(1), {}, calendar))).toBe('2025-03-04 09:14');
    expect(appointmentAt(at('2025-03-03 09:13', 27), workingDays(1), {}, calendar)).toBe(vn('2025-03-04 09:14'));
    // A third of an hour is 20 minutes, not 19:59.999.
    expect(appointmentAt(vn('2025-03-03 09:00'), hours(1 / 3), {}, calendar)).toBe(vn('2025-03-03 09:20'));
    // The cut-off still compares the exact instant: 15:00:01 is after 15:00.
    expect(due('2025-03-03 15:00', sameDay)).toBe('2025-03-03 17:00');
    expect(wall(appointmentAt(at('2025-03-03 15:00', 1), sameDay, {}, calendar))).toBe('2025-03-04 17:00');
  });
});

describe('appointmentAt — working hours', () => {
  it('counts working hours across lunch and the weekend', () => {
    expect(due('2025-03-03 10:00', hours(4))).toBe('2025-03-03 16:00');
    expect(due('2025-03-07 16:00', hours(2))).toBe('2025-03-10 08:00');
    expect(due('2025-03-03 12:15', hours(1))).toBe('2025-03-03 14:30');
  });
});

describe('appointmentAt — calendar days', () => {
  it('is due at the end of the working day N days after the receipt date', () => {
    expect(due('2025-03-05 10:00', calendarDays(2))).toBe('2025-03-07 17:00');
  });

  it('moves to the end of the next working day when the last day is a weekend', () => {
    expect(due('2025-03-03 10:00', calendarDays(5))).toBe('2025-03-10 17:00');
  });

  it('moves past a run of holidays (30/4, 1/5, swapped 2/5, weekend)', () => {
    expect(due('2025-04-28 10:00', calendarDays(2))).toBe('2025-05-05 17:00');
  });

  it('moves past the Tết 2026 break', () => {
    expect(due('2026-02-10 10:00', calendarDays(7))).toBe('2026-02-23 17:00');
  });

  it('counts from the receipt date even when received on a day off or after hours', () => {
    expect(due('2025-03-08 10:00', calendarDays(3))).toBe('2025-03-11 17:00');
    expect(due('2025-03-03 20:00', calendarDays(1))).toBe('2025-03-04 17:00');
  });

  it('never falls before receipt: 0 days received after closing is due the next working day', () => {
    expect(due('2025-03-03 10:00', calendarDays(0))).toBe('2025-03-03 17:00');
    expect(due('2025-03-03 18:00', calendarDays(0))).toBe('2025-03-04 17:00');
  });

  it('refuses a fractional number of calendar days', () => {
    expect(() => appointmentAt(vn('2025-03-03 10:00'), calendarDays(1.5), {}, calendar)).toThrow(/số nguyên/u);
  });
});

describe('appointmentAt — same-day procedures with the cut-off', () => {
  it('is due at 17:00 the same day when received by 15:00 (inclusive)', () => {
    expect(due('2025-03-03 08:00', sameDay)).toBe('2025-03-03 17:00');
    expect(due('2025-03-03 14:59', sameDay)).toBe('2025-03-03 17:00');
    expect(due('2025-03-03 15:00', sameDay)).toBe('2025-03-03 17:00');
    expect(due('2025-03-03 12:00', sameDay)).toBe('2025-03-03 17:00'); // at lunch
    expect(due('2025-03-03 06:30', sameDay)).toBe('2025-03-03 17:00'); // before opening
  });

  it('is due the next working day when received after 15:00', () => {
    expect(due('2025-03-03 15:01', sameDay)).toBe('2025-03-04 17:00');
    expect(due('2025-03-03 17:30', sameDay)).toBe('2025-03-04 17:00');
    expect(due('2025-03-07 15:30', sameDay)).toBe('2025-03-10 17:00'); // Friday → Monday
  });

  it('is due the next working day when received on a day off', () => {
    expect(due('2025-03-08 09:00', sameDay)).toBe('2025-03-10 17:00');
    expect(due('2025-04-29 16:00', sameDay)).toBe('2025-05-05 17:00');
    expect(due('2025-04-25 15:30', sameDay)).toBe('2025-04-26 17:00'); // make-up Saturday
  });

  it('uses the procedure’s own cut-off, or none', () => {
    expect(due('2025-03-03 15:30', sameDay, { cutoff: '16:00' })).toBe('2025-03-03 17:00');
    expect(due('2025-03-03 16:59', sameDay, { cutoff: null })).toBe('2025-03-03 17:00');
    expect(due('2025-03-03 17:01', sameDay, { cutoff: null })).toBe('2025-03-04 17:00');
    // A cut-off after closing cannot make a result due before the dossier arrived.
    expect(due('2025-03-03 17:30', sameDay, { cutoff: '18:00' })).toBe('2025-03-04 17:00');
  });

  it('refuses a malformed cut-off', () => {
    expect(() => appointmentAt(vn('2025-03-03 10:00'), sameDay, { cutoff: '3pm' }, calendar)).toThrow(CommandError);
  });
});

describe('appointmentAt — bad limits', () => {
  it('refuses negative or non-finite amounts and unknown kinds with invalid_argument', () => {
    const received = vn('2025-03-03 10:00');
    for (const limit of [workingDays(-1), hours(Number.NaN), { kind: 'weeks', amount: 1 } as unknown as DeadlineLimit]) {
      let caught: unknown;
      try {
        appointmentAt(received, limit, {}, calendar);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CommandError);
      expect((caught as CommandError).code).toBe('invalid_argument');
    }
  });

  it('refuses an instant without a time zone', () => {
    expect(() => appointmentAt('2025-03-03T10:00:00', workingDays(1), {}, calendar)).toThrow(/múi giờ/u);
  });
});

describe('extendBySupplementWait', () => {
  const appointment = vn('2025-03-11 15:00');

  it('moves the deadline by the working time spent waiting', () => {
    // Wed 10:00 → Fri 10:00 is 16 working hours: two working days later.
    expect(wall(extendBySupplementWait(appointment, vn('2025-03-05 10:00'), vn('2025-03-07 10:00'), calendar))).toBe(
      '2025-03-13 15:00',
    );
  });

  it('does not count the weekend or the night, and may end at a session end', () => {
    // Fri 16:00 → Mon 08:00 is 1 h + 1 h; Tue 15:00 + 2 h = Tue 17:00.
    expect(wall(extendBySupplementWait(appointment, vn('2025-03-07 16:00'), vn('2025-03-10 08:00'), calendar))).toBe(
      '2025-03-11 17:00',
    );
    expect(extendBySupplementWait(appointment, vn('2025-03-08 08:00'), vn('2025-03-09 16:00'), calendar)).toBe(appointment);
  });

  it('counts a wait in whole minutes: a second over eight hours keeps 17:00 at 17:00 the next working day', () => {
    // Due Mon 17:00; asked Tue 09:00:00, papers back Wed 09:00:01 — 8 h 0 min 1 s of working time.
    const dueMonday = vn('2025-03-10 17:00');
    const back = new Date(Date.parse(vn('2025-03-12 09:00')) + 1000).toISOString();
    expect(extendBySupplementWait(dueMonday, vn('2025-03-11 09:00'), back, calendar)).toBe(vn('2025-03-11 17:00'));
    // An appointment stored with seconds before this rule moves up to its next whole minute.
    const withSeconds = new Date(Date.parse(vn('2025-03-11 07:00')) + 4000).toISOString();
    expect(extendBySupplementWait(withSeconds, vn('2025-03-05 10:00'), vn('2025-03-05 10:30'), calendar)).toBe(vn('2025-03-11 07:31'));
  });

  it('leaves the deadline unchanged for no wait and refuses a wait that ends before it starts', () => {
    expect(extendBySupplementWait(appointment, vn('2025-03-05 10:00'), vn('2025-03-05 10:00'), calendar)).toBe(appointment);
    expect(() => extendBySupplementWait(appointment, vn('2025-03-07 10:00'), vn('2025-03-05 10:00'), calendar)).toThrow(
      CommandError,
    );
  });
});

describe('a changed calendar changes deadlines computed after it', () => {
  it('follows a holiday added with replaceCalendarYear, leaving the old calendar as it was', () => {
    const edited = replaceCalendarYear(calendar, {
      ...CALENDAR_YEAR_2025,
      holidays: [...CALENDAR_YEAR_2025.holidays, { date: '2025-03-04', name: 'Ngày nghỉ đột xuất (thử)' }],
    });
    expect(due('2025-03-03 09:00', workingDays(1), {}, edited)).toBe('2025-03-05 09:00');
    expect(due('2025-03-03 09:00', workingDays(1), {}, calendar)).toBe('2025-03-04 09:00');
  });

  it('follows changed working hours', () => {
    const longDays: WorkCalendar = {
      ...calendar,
      sessions: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
    };
    expect(due('2025-03-03 12:00', workingDays(1), {}, longDays)).toBe('2025-03-04 11:30');
    expect(due('2025-03-03 12:45', hours(1), {}, longDays)).toBe('2025-03-03 14:00');
    expect(due('2025-03-03 16:00', sameDay, {}, longDays)).toBe('2025-03-04 17:00');
  });
});
