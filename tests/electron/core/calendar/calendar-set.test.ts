import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { openTestDesk, type TestDesk } from '../../../support/desk-fixture.js';

// calendar.set checks a year against the desk's own calendar (weekends, fixed holidays), not only
// alone, and says where each problem is in Vietnamese; a refusal leaves the database as it was.

describe('calendar.set', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.dispose());

  async function refused(args: unknown): Promise<{ code: string; message: string }> {
    const before = snapshotDatabase(desk.core.db);
    const error = await desk.fail('calendar.set', args);
    expect(snapshotDatabase(desk.core.db)).toEqual(before);
    return error;
  }

  it('refuses a make-up day on a fixed holiday, which would otherwise silently stay a day off', async () => {
    const error = await refused({ year: 2032, holidays: [], makeUpDays: [{ date: '2032-05-01', name: 'Làm bù' }] });
    expect(error.code).toBe('invalid_argument');
    // 1/5/2032 is a Saturday: a weekly day off, so only the holiday rule stands against it.
    expect(error.message).toContain('Ngày làm bù thứ 1 › ngày: Ngày 2032-05-01 là ngày lễ (Ngày Quốc tế Lao động (1/5)), không thể là ngày làm bù.');
    expect((await desk.call('calendar.get', { year: 2032 })).configured).toBe(false);
  });

  it('refuses a make-up day on a weekday, which is worked anyway', async () => {
    const error = await refused({ year: 2032, holidays: [], makeUpDays: [{ date: '2032-03-03', name: 'Làm bù' }] });
    expect(error).toMatchObject({ code: 'invalid_argument' });
    expect(error.message).toContain('Ngày làm bù 2032-03-03 là Thứ Tư, vốn đã là ngày làm việc');
  });

  it('names the entry in Vietnamese ("Ngày nghỉ thứ 9"), not by its argument path', async () => {
    const holidays = Array.from({ length: 8 }, (_, i) => ({ date: `2032-03-${String(i + 1).padStart(2, '0')}`, name: `Nghỉ ${i + 1}` }));
    const error = await refused({ year: 2032, holidays: [...holidays, { date: '2032-03-01', name: 'Lặp lại' }], makeUpDays: [] });
    expect(error.message).toContain('Ngày nghỉ thứ 9 › ngày: Ngày 2032-03-01 bị lặp lại trong danh sách ngày nghỉ.');
    expect(error.message).not.toContain('holidays.8');
  });

  it('stores a year that passes, and the deadlines follow it', async () => {
    const stored = await desk.call('calendar.set', {
      year: 2032,
      holidays: [{ date: '2032-05-03', name: 'Nghỉ bù 1/5 (thứ Bảy)' }],
      makeUpDays: [{ date: '2032-05-08', name: 'Làm bù' }],
    });
    expect(stored).toMatchObject({ configured: true, year: { year: 2032, makeUpDays: [{ date: '2032-05-08' }] } });
  });
});
