import fc from 'fast-check';
import { millisecondsInHour } from 'date-fns/constants';
import { describe, expect, it } from 'vitest';
import { appointmentAt, extendBySupplementWait, type DeadlineLimit } from '../../../../shared/domain/calendar/deadlines.js';
import { compareByDate } from '../../../../shared/domain/calendar/deadline-status.js';
import { SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import type { WorkCalendar } from '../../../../shared/domain/calendar/work-calendar.js';
import { isWorkingDay, nextWorkingDay } from '../../../../shared/domain/calendar/working-days.js';
import { isWithinWorkingTime, workingTimeBetween } from '../../../../shared/domain/calendar/working-time.js';
import { addDaysToLocalDate, ceilToMinuteMs, floorToMinuteMs, localDateOf } from '../../../../shared/domain/calendar/vietnam-time.js';

const calendar = SEED_WORK_CALENDAR;
const DAY_MS = 8 * millisecondsInHour;

// Receipts anywhere from Christmas 2024 to the end of 2026 (the seeded years and their edges),
// to the millisecond, so lunch, nights, weekends, Tết and the year boundary all come up.
const instant = fc.integer({ min: Date.UTC(2024, 11, 25), max: Date.UTC(2026, 11, 31) });
// Half-day steps exercise fractional limits as well as whole days.
const workingDayAmount = fc.integer({ min: 0, max: 60 }).map((halfDays) => halfDays / 2);
const limit: fc.Arbitrary<DeadlineLimit> = fc.oneof(
  workingDayAmount.map((amount) => ({ kind: 'working_days', amount }) as const),
  fc.integer({ min: 0, max: 40 }).map((amount) => ({ kind: 'calendar_days', amount }) as const),
  fc.integer({ min: 0, max: 80 }).map((amount) => ({ kind: 'hours', amount }) as const),
  fc.constant({ kind: 'same_day', amount: 0 } as const),
);
const cutoff = fc.constantFrom(undefined, null, '15:00', '11:00', '16:30');

const dueMs = (received: number, l: DeadlineLimit, c: string | null | undefined, on: WorkCalendar = calendar): number =>
  Date.parse(appointmentAt(received, l, c === undefined ? {} : { cutoff: c }, on));

describe('deadline properties', () => {
  it('the appointment is never before receipt', () => {
    fc.assert(fc.property(instant, limit, cutoff, (received, l, c) => dueMs(received, l, c) >= received));
  });

  it('a working-day or hour limit ends inside working time', () => {
    fc.assert(
      fc.property(instant, workingDayAmount, fc.boolean(), (received, amount, inHours) => {
        const l: DeadlineLimit = inHours ? { kind: 'hours', amount: amount * 8 } : { kind: 'working_days', amount };
        return isWithinWorkingTime(dueMs(received, l, undefined), calendar);
      }),
    );
  });

  it('working time from the first whole minute at or after receipt to the appointment is exactly amount × 8 h', () => {
    fc.assert(
      fc.property(instant, workingDayAmount, (received, amount) => {
        const due = dueMs(received, { kind: 'working_days', amount }, undefined);
        expect(workingTimeBetween(ceilToMinuteMs(received), due, calendar)).toBe(amount * DAY_MS);
      }),
    );
  });

  it('every appointment is a whole minute, whatever the second of receipt and however odd the limit', () => {
    // Thirds of an hour and of a day do not divide into whole milliseconds, let alone minutes.
    const oddLimit: fc.Arbitrary<DeadlineLimit> = fc.oneof(
      limit,
      fc.integer({ min: 0, max: 90 }).map((thirds) => ({ kind: 'hours', amount: thirds / 3 }) as const),
      fc.integer({ min: 0, max: 90 }).map((thirds) => ({ kind: 'working_days', amount: thirds / 3 }) as const),
    );
    fc.assert(
      fc.property(instant, oddLimit, cutoff, (received, l, c) => {
        const due = dueMs(received, l, c);
        expect(due % 60_000).toBe(0);
        expect(due).toBeGreaterThanOrEqual(received);
      }),
      { numRuns: 500 },
    );
  });

  it('an appointment extended by any supplement wait is a whole minute, even one stored with seconds', () => {
    fc.assert(
      fc.property(instant, instant, instant, (appointmentMs, x, y) => {
        const [from, to] = x <= y ? [x, y] : [y, x];
        const extended = Date.parse(extendBySupplementWait(new Date(appointmentMs).toISOString(), from, to, calendar));
        expect(extended % 60_000).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic in the receipt instant', () => {
    fc.assert(
      fc.property(instant, instant, limit, cutoff, (a, b, l, c) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        return dueMs(early, l, c) <= dueMs(late, l, c);
      }),
    );
  });

  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(instant, limit, fc.integer({ min: 0, max: 10 }), cutoff, (received, l, extra, c) => {
        return dueMs(received, l, c) <= dueMs(received, { ...l, amount: l.amount + extra }, c);
      }),
    );
  });

  it('a calendar-day limit ends at closing time of a working day, not before the counted date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (received, days) => {
        const due = dueMs(received, { kind: 'calendar_days', amount: days }, undefined);
        const dueDate = localDateOf(due);
        expect(isWorkingDay(dueDate, calendar)).toBe(true);
        expect(dueDate >= addDaysToLocalDate(localDateOf(received), days)).toBe(true);
        expect(new Date(due).toISOString().slice(11)).toBe('10:00:00.000Z'); // 17:00 in Vietnam
      }),
    );
  });

  it('a same-day limit is due at closing time on the receipt date or the next working day', () => {
    fc.assert(
      fc.property(instant, (received) => {
        const due = dueMs(received, { kind: 'same_day', amount: 0 }, undefined);
        expect(new Date(due).toISOString().slice(11)).toBe('10:00:00.000Z');
        const receivedDate = localDateOf(received);
        expect([receivedDate, nextWorkingDay(receivedDate, calendar)]).toContain(localDateOf(due));
        expect(compareByDate(received, due)).not.toBe('late');
      }),
    );
  });

  it('a supplement wait moves the appointment by exactly the whole minutes of working time waited', () => {
    fc.assert(
      fc.property(instant, instant, instant, (appointmentMs, x, y) => {
        const [from, to] = x <= y ? [x, y] : [y, x];
        const extended = extendBySupplementWait(new Date(appointmentMs).toISOString(), from, to, calendar);
        expect(workingTimeBetween(ceilToMinuteMs(appointmentMs), extended, calendar)).toBe(floorToMinuteMs(workingTimeBetween(from, to, calendar)));
        expect(Date.parse(extended)).toBeGreaterThanOrEqual(appointmentMs);
      }),
    );
  });

  it('working time adds up over consecutive intervals', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        expect(workingTimeBetween(x, z, calendar)).toBe(workingTimeBetween(x, y, calendar) + workingTimeBetween(y, z, calendar));
      }),
    );
  });

  it('declaring another day off never brings an appointment earlier', () => {
    const weekday = fc
      .integer({ min: 0, max: 360 })
      .map((offset) => addDaysToLocalDate('2025-01-02', offset))
      .filter((date) => isWorkingDay(date, calendar));
    fc.assert(
      fc.property(instant, limit, weekday, (received, l, date) => {
        const withDayOff: WorkCalendar = {
          ...calendar,
          years: calendar.years.map((y) =>
            y.year === 2025 ? { ...y, holidays: [...y.holidays, { date, name: 'Nghỉ thêm (thử)' }] } : y,
          ),
        };
        return dueMs(received, l, undefined, withDayOff) >= dueMs(received, l, undefined);
      }),
    );
  });
});
