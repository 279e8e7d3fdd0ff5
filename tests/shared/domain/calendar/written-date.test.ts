import { describe, expect, it } from 'vitest';
import { placeAndDate, writtenDate } from '../../../../shared/domain/calendar/written-date.js';

describe('the written date of Decree 30/2020', () => {
  it('pads days below 10 and the months January and February, and no other month', () => {
    expect(writtenDate('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(writtenDate('2026-01-31')).toBe('ngày 31 tháng 01 năm 2026');
    expect(writtenDate('2026-03-15')).toBe('ngày 15 tháng 3 năm 2026');
    expect(writtenDate('2026-11-23')).toBe('ngày 23 tháng 11 năm 2026');
  });

  it('heads the form with the place and the Vietnam date of signing', () => {
    // 23:30 UTC on 30 November is already 1 December in Hạ Long.
    expect(placeAndDate('Hạ Long', '2026-11-30T23:30:00Z')).toBe('Hạ Long, ngày 01 tháng 12 năm 2026');
  });
});
