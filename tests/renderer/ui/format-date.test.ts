import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatLocalDate,
  formatWeekday,
  fromVietnamLocalInput,
  parseTypedDate,
  parseTypedDateTime,
  toVietnamLocalInput,
  vietnamToday,
} from '../../../renderer/ui/format-date.js';

const originalTz = process.env.TZ;

afterEach(() => {
  process.env.TZ = originalTz;
});

describe('formatDateTime', () => {
  it.each(['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Ho_Chi_Minh'])('shows Vietnam time whatever the machine zone (%s)', (zone) => {
    process.env.TZ = zone;
    // 23:30 UTC on 31/12 is already 06:30 on 1/1 in Hạ Long.
    expect(formatDateTime('2025-12-31T23:30:00Z')).toBe('01/01/2026 06:30');
    expect(formatDate('2025-12-31T23:30:00Z')).toBe('01/01/2026');
    expect(formatWeekday('2026-11-23T02:00:00Z')).toBe('Thứ Hai');
  });

  it('keeps the Vietnam wall time inside a local daylight-saving gap', () => {
    process.env.TZ = 'America/New_York';
    // 2026-03-08 02:30 does not exist in New York; it is 02:30 in Vietnam at 19:30 UTC the day before.
    expect(formatDateTime('2026-03-07T19:30:00Z')).toBe('08/03/2026 02:30');
  });

  it('accepts Date objects and shows a dash for an unreadable value', () => {
    expect(formatDateTime(new Date(Date.UTC(2026, 10, 23, 10, 5)))).toBe('23/11/2026 17:05');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('Vietnam dates typed and shown', () => {
  it('gives today in Vietnam', () => {
    expect(vietnamToday(new Date('2026-11-28T17:30:00Z'))).toBe('2026-11-29');
    expect(vietnamToday(new Date('2026-11-28T16:59:00Z'))).toBe('2026-11-28');
  });

  it('shows stored calendar dates as dd/MM/yyyy', () => {
    expect(formatLocalDate('1990-06-05')).toBe('05/06/1990');
  });

  it('reads dates typed day first, refusing impossible ones', () => {
    expect(parseTypedDate('05/06/1990')).toBe('1990-06-05');
    expect(parseTypedDate(' 5/6/1990 ')).toBe('1990-06-05');
    expect(parseTypedDate('31/02/2026')).toBeNull();
    expect(parseTypedDate('1990-06-05')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
  });

  it('reads a typed date and time as Vietnam time', () => {
    expect(parseTypedDateTime('02/12/2026 16:00')).toBe('2026-12-02T09:00:00.000Z');
    expect(parseTypedDateTime('02/12/2026 24:00')).toBeNull();
    expect(parseTypedDateTime('02/12/2026')).toBeNull();
  });

  it('round-trips the datetime-local form', () => {
    expect(toVietnamLocalInput('2026-12-02T09:00:00Z')).toBe('2026-12-02T16:00');
    expect(fromVietnamLocalInput('2026-12-02T16:00')).toBe('2026-12-02T09:00:00.000Z');
    expect(fromVietnamLocalInput('2026-02-31T16:00')).toBeNull();
  });
});
