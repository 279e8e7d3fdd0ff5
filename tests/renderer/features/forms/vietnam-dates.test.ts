import { afterEach, describe, expect, it } from 'vitest';
import {
  formatHourMinuteDay,
  formatLocalDate,
  formatVietnamDate,
  formatVietnamDateTime,
} from '../../../../renderer/features/forms/model/vietnam-dates.js';

const machineZone = process.env.TZ;

afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe('dates on the forms are Vietnam time', () => {
  it('writes dd/MM/yyyy HH:mm seven hours ahead of UTC, across midnight and the new year', () => {
    expect(formatVietnamDateTime('2026-11-23T02:05:00Z')).toBe('23/11/2026 09:05');
    expect(formatVietnamDateTime('2026-11-23T17:30:00.000Z')).toBe('24/11/2026 00:30');
    expect(formatVietnamDateTime('2025-12-31T17:00:00Z')).toBe('01/01/2026 00:00');
    expect(formatVietnamDate('2026-03-01T16:59:00Z')).toBe('01/03/2026');
  });

  it('prints the same whatever zone the machine is set to', () => {
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Europe/London']) {
      process.env.TZ = zone;
      expect(formatVietnamDateTime('2026-11-23T16:45:00Z')).toBe('23/11/2026 23:45');
      expect(formatHourMinuteDay('2026-11-23T16:45:00Z')).toBe('23 giờ 45 phút, ngày 23/11/2026');
    }
  });

  it('reads an instant written with an offset as the same moment', () => {
    expect(formatVietnamDateTime('2026-11-23T09:05:00+07:00')).toBe('23/11/2026 09:05');
  });

  it('writes the time received as form 01 does: hour, minute, then the day', () => {
    expect(formatHourMinuteDay('2026-02-02T01:05:00Z')).toBe('08 giờ 05 phút, ngày 02/02/2026');
  });

  it('turns a yyyy-MM-dd date into dd/MM/yyyy', () => {
    expect(formatLocalDate('2026-11-05')).toBe('05/11/2026');
  });
});
