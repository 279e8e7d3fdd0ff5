import { afterEach, describe, expect, it } from 'vitest';
import { compareByDate } from '../../../../shared/domain/calendar/deadline-status.js';
import { appointmentAt, type DeadlineLimit } from '../../../../shared/domain/calendar/deadlines.js';
import { SEED_WORK_CALENDAR } from '../../../../shared/domain/calendar/seed-calendar.js';
import { localDateOf, localTimeOf } from '../../../../shared/domain/calendar/vietnam-time.js';
import { workingTimeBetween } from '../../../../shared/domain/calendar/working-time.js';

const calendar = SEED_WORK_CALENDAR;

// Instants close to midnight in UTC and in Vietnam, where a zone-dependent helper would slip a day.
const RECEIVED = [
  '2025-03-02T16:59:59.999Z', // Sun 23:59 in Vietnam
  '2025-03-02T17:00:00.000Z', // Mon 00:00 in Vietnam
  '2025-03-02T23:59:59.000Z', // Mon 06:59 in Vietnam, still Sunday in the Americas
  '2025-03-03T00:00:00.000Z', // Mon 07:00 in Vietnam: opening
  '2025-03-03T08:00:00.000Z', // Mon 15:00 in Vietnam: the cut-off
  '2025-03-03T08:00:00.001Z',
  '2025-12-31T16:30:00.000Z', // 23:30 on New Year's Eve in Vietnam
  '2025-12-31T17:30:00.000Z', // 00:30 on 1/1 in Vietnam
  '2026-02-13T09:59:00.000Z', // Fri 16:59 before Tết 2026
  '2025-03-09T02:00:00.000Z', // the US springs forward that Sunday
];
const LIMITS: DeadlineLimit[] = [
  { kind: 'working_days', amount: 1 },
  { kind: 'working_days', amount: 7 },
  { kind: 'calendar_days', amount: 3 },
  { kind: 'hours', amount: 5 },
  { kind: 'same_day', amount: 0 },
];

function everything(): string[] {
  const out: string[] = [];
  for (const received of RECEIVED) {
    out.push(localDateOf(received), localTimeOf(received));
    for (const limit of LIMITS) {
      const due = appointmentAt(received, limit, {}, calendar);
      out.push(due, String(workingTimeBetween(received, due, calendar)), compareByDate(received, due));
    }
  }
  return out;
}

describe('time-zone independence', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same answers whatever zone the process runs in', () => {
    process.env.TZ = 'UTC';
    const baseline = everything();
    for (const zone of ['America/New_York', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh', 'Pacific/Apia', 'Europe/London']) {
      process.env.TZ = zone;
      expect(everything(), zone).toEqual(baseline);
    }
  });

  it('really switched zones (otherwise the test above proves nothing)', () => {
    const winter = new Date(Date.UTC(2025, 0, 15));
    process.env.TZ = 'America/New_York';
    expect(winter.getTimezoneOffset()).toBe(300);
    process.env.TZ = 'Pacific/Kiritimati';
    expect(winter.getTimezoneOffset()).toBe(-840);
  });

  it('answers near-midnight cases by Vietnam time', () => {
    process.env.TZ = 'America/New_York';
    // Sunday 23:59 in Vietnam (Sunday morning in New York) → counting starts Monday 07:00.
    expect(appointmentAt(RECEIVED[0] ?? '', { kind: 'working_days', amount: 1 }, {}, calendar)).toBe('2025-03-03T10:00:00.000Z');
    // 06:59 Monday in Vietnam (Sunday evening in New York): a same-day dossier is due Monday 17:00.
    expect(appointmentAt(RECEIVED[2] ?? '', { kind: 'same_day', amount: 0 }, {}, calendar)).toBe('2025-03-03T10:00:00.000Z');
    // 15:00:00.001 is after the cut-off → Tuesday 17:00.
    expect(appointmentAt(RECEIVED[5] ?? '', { kind: 'same_day', amount: 0 }, {}, calendar)).toBe('2025-03-04T10:00:00.000Z');
  });
});
