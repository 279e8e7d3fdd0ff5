import { describe, expect, it } from 'vitest';
import { compareByDate, isOverdue } from '../../../../shared/domain/calendar/deadline-status.js';
import { vn } from './vietnam-clock.js';

describe('isOverdue', () => {
  it('compares instants: one millisecond after the appointment is overdue, at it is not', () => {
    const appointment = vn('2025-03-04 17:00');
    expect(isOverdue(appointment, appointment)).toBe(false);
    expect(isOverdue(appointment, Date.parse(appointment) + 1)).toBe(true);
    expect(isOverdue(appointment, vn('2025-03-04 16:59'))).toBe(false);
  });
});

describe('compareByDate (Biểu 06)', () => {
  const appointment = vn('2025-03-04 09:00');

  it('is on time when finished later the same Vietnam date', () => {
    expect(compareByDate(vn('2025-03-04 16:30'), appointment)).toBe('on_time');
    expect(isOverdue(appointment, vn('2025-03-04 16:30'))).toBe(true);
  });

  it('is early on an earlier date and late on a later one', () => {
    expect(compareByDate(vn('2025-03-03 23:59'), appointment)).toBe('early');
    expect(compareByDate(vn('2025-03-05 00:00'), appointment)).toBe('late');
  });

  it('uses the Vietnam date, not the UTC date', () => {
    // 2025-03-04 17:30 UTC is already 2025-03-05 00:30 in Vietnam: late, though the UTC dates match.
    expect(compareByDate('2025-03-04T17:30:00Z', '2025-03-04T02:00:00Z')).toBe('late');
    // 2025-03-03 20:00 UTC is 2025-03-04 03:00 in Vietnam: on time.
    expect(compareByDate('2025-03-03T20:00:00Z', appointment)).toBe('on_time');
  });
});
