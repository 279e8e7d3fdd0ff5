import { describe, expect, it } from 'vitest';
import { describeDuration, eventClockProblem, MAX_APPOINTMENT_AHEAD_MS, MAX_CLOCK_AHEAD_MS, stampWallMs } from '../../../../shared/domain/clock/clock-bound.js';
import { formatHlc } from '../../../../shared/domain/clock/hlc.js';

// The one bound the centre and the desks share: what lies too far ahead of a trusted clock.

const NOW = Date.parse('2026-03-10T02:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function event(overrides: Record<string, unknown> = {}, at = NOW): Record<string, unknown> {
  const iso = new Date(at).toISOString();
  return {
    id: '01KB0000000000000000000000',
    type: 'dossier.received',
    hlc: formatHlc({ wallMs: at, counter: 0, node: 'desk-1' }),
    occurredAt: iso,
    payload: { receivedAt: iso, appointmentAt: new Date(at + 5 * DAY).toISOString() },
    ...overrides,
  };
}

describe('eventClockProblem', () => {
  it('accepts a desk between three minutes slow and two hours fast, and up to the bound', () => {
    for (const offset of [-3 * 60_000, 0, 90 * 60_000, 2 * HOUR, MAX_CLOCK_AHEAD_MS]) expect(eventClockProblem(event({}, NOW + offset), NOW)).toBeNull();
    // Past times are never a problem: an offline desk pushes old events.
    expect(eventClockProblem(event({}, NOW - 400 * DAY), NOW)).toBeNull();
  });

  it('refuses a stamp beyond the bound whatever its width, naming the field and how far ahead', () => {
    const forged = eventClockProblem(event({ hlc: '999999999999999-999999-desk-1' }), NOW);
    expect(forged).toMatchObject({ field: 'hlc', message: expect.stringMatching(/^Trung tâm không nhận thay đổi này: dấu thời gian logic \(HLC\)/) });
    expect(eventClockProblem(event({ hlc: '1000000000000000-000000-desk-1' }), NOW)?.field).toBe('hlc');
    expect(eventClockProblem(event({ hlc: formatHlc({ wallMs: NOW + MAX_CLOCK_AHEAD_MS + 1, counter: 0, node: 'd' }) }), NOW)?.field).toBe('hlc');
  });

  it('refuses occurredAt, the payload own instant and an appointment beyond their bounds', () => {
    const yearAhead = new Date(NOW + 365 * DAY).toISOString();
    expect(eventClockProblem(event({ occurredAt: yearAhead }), NOW)).toMatchObject({
      field: 'occurredAt',
      message: expect.stringMatching(/khoảng 365 ngày\. Đồng hồ của máy quầy đang sai/),
    });
    const received2028 = event({ payload: { receivedAt: '2028-01-15T02:00:00.000Z', appointmentAt: null } });
    expect(eventClockProblem(received2028, NOW)).toMatchObject({ field: 'payload.receivedAt', message: expect.stringMatching(/\(09:00 15\/01\/2028\)/) });
    const appointment2099 = event({ payload: { receivedAt: new Date(NOW).toISOString(), appointmentAt: '2099-12-31T10:00:00.000Z' } });
    expect(eventClockProblem(appointment2099, NOW)).toMatchObject({ field: 'payload.appointmentAt', message: expect.stringMatching(/ngày hẹn trả \(17:00 31\/12\/2099\) .* 73 năm/) });
    const moved = event({
      type: 'appointment.rescheduled',
      payload: { reason: 'x', previousAppointmentAt: new Date(NOW).toISOString(), newAppointmentAt: new Date(NOW + MAX_APPOINTMENT_AHEAD_MS + DAY).toISOString() },
    });
    expect(eventClockProblem(moved, NOW)?.field).toBe('payload.newAppointmentAt');
    // An appointment months ahead is normal.
    expect(eventClockProblem(event({ payload: { receivedAt: new Date(NOW).toISOString(), appointmentAt: new Date(NOW + 90 * DAY).toISOString() } }), NOW)).toBeNull();
  });

  it('ignores what it cannot read (the schema judges that) and unknown types', () => {
    expect(eventClockProblem({ hlc: 'garbage', occurredAt: 'tomorrow', type: 'nope', payload: { appointmentAt: '2099-01-01T00:00:00Z' } }, NOW)).toBeNull();
    expect(eventClockProblem({}, NOW)).toBeNull();
    expect(stampWallMs(42)).toBeNull();
  });
});

describe('describeDuration', () => {
  it('speaks in minutes, hours, days, then years', () => {
    expect(describeDuration(5 * 60_000)).toBe('5 phút');
    expect(describeDuration(-(2 * HOUR + 30 * 60_000))).toBe('2 giờ 30 phút');
    expect(describeDuration(400 * DAY)).toBe('400 ngày');
    expect(describeDuration(3 * 365 * DAY)).toBe('3 năm');
    expect(describeDuration(1e16)).toBe('hơn một nghìn năm');
  });
});
