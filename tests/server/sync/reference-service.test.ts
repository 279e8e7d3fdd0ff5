import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../../shared/sync/protocol.js';
import { startTestCentre, type TestCentre } from '../support/test-centre.js';

// The centre refuses a calendar year every desk would refuse, naming each problem, instead of
// publishing it to the whole city.

describe('publishing a calendar year at the centre', { timeout: 30_000 }, () => {
  let centre: TestCentre;
  beforeEach(async () => {
    centre = await startTestCentre();
  });
  afterEach(async () => {
    await centre.close();
  });

  const publish = (record: unknown) => centre.request('POST', SYNC_PATHS.adminReference, { token: centre.adminToken, body: { type: 'calendar.year', record } });

  it('refuses a make-up day on a fixed holiday or a weekday, and a duplicate, each named in Vietnamese', async () => {
    const answer = await publish({
      year: 2027,
      holidays: [
        { date: '2027-03-04', name: 'a' },
        { date: '2027-03-04', name: 'b' },
      ],
      makeUpDays: [
        { date: '2027-05-01', name: 'Làm bù' },
        { date: '2027-03-03', name: 'Làm bù' },
      ],
    });
    expect(answer.status).toBe(400);
    const { code, message } = (answer.body as { error: { code: string; message: string } }).error;
    expect(code).toBe('invalid_request');
    expect(message).toContain('Ngày nghỉ thứ 2 › ngày: Ngày 2027-03-04 bị lặp lại');
    expect(message).toContain('Ngày làm bù thứ 1 › ngày: Ngày 2027-05-01 là ngày lễ (Ngày Quốc tế Lao động (1/5))');
    expect(message).toContain('Ngày làm bù thứ 2 › ngày: Ngày làm bù 2027-03-03 là Thứ Tư');
    // Nothing was published.
    expect(await centre.storage.pull(['*'], 0, 10, null)).toEqual([]);
  });

  it('publishes a year that passes', async () => {
    const answer = await publish({ year: 2027, holidays: [{ date: '2027-05-03', name: 'Nghỉ bù' }], makeUpDays: [{ date: '2027-05-08', name: 'Làm bù' }] });
    expect(answer.status).toBe(200);
    expect(await centre.storage.pull(['*'], 0, 10, null)).toHaveLength(1);
  });
});
