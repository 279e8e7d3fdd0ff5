import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../../shared/sync/protocol.js';
import { ADMIN, startTestCentre, type TestCentre } from '../support/test-centre.js';

// The dashboard's "Lịch làm việc": centre staff see a year as the desks work by it and, from 1 November,
// that next year is missing; an administrator publishes a year with a form post, through the same
// reference path as the admin API, so an enrolled desk pulls it; a year the desks would refuse, a
// non-administrator and a post from another site publish nothing.

const OCT_31 = Date.parse('2027-10-31T03:00:00Z'); // Sunday 31/10/2027 10:00 in Hạ Long
const NOV_1 = Date.parse('2027-11-01T03:00:00Z');
const STAFF = { username: 'canbo', password: 'mat-khau-can-bo-trung-tam', role: 'staff' as const };

describe('the dashboard calendar page', { timeout: 30_000 }, () => {
  let centre: TestCentre;
  afterEach(async () => {
    await centre.close();
  });

  async function form(method: string, path: string, options: { cookie?: string; form?: Record<string, string>; origin?: string } = {}) {
    const headers: Record<string, string> = {};
    if (options.cookie !== undefined) headers.cookie = options.cookie;
    if (options.origin !== undefined) headers.origin = options.origin;
    if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${centre.url}${path}`, {
      method,
      headers,
      redirect: 'manual',
      ...(options.form === undefined ? {} : { body: new URLSearchParams(options.form).toString() }),
    });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  }

  async function signIn(who: { username: string; password: string }): Promise<string> {
    const answer = await fetch(`${centre.url}/dashboard/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(who).toString(),
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    return answer.headers.get('set-cookie')!.split(';')[0]!;
  }

  const published = async () => (await centre.storage.pull(['*'], 0, 100, null)).filter((row) => row.kind === 'reference');

  it('warns on the dashboard from 1 November when next year is neither shipped nor published, not on 31 October', async () => {
    centre = await startTestCentre({ at: OCT_31 });
    const cookie = await signIn(ADMIN);
    expect((await form('GET', '/dashboard', { cookie })).text).not.toContain('data-testid="calendar-warning"');
    centre.clock.ms = NOV_1;
    const next = await signIn(ADMIN); // the 12-hour session of the day before has ended
    const page = await form('GET', '/dashboard', { cookie: next });
    expect(page.text).toContain('data-testid="calendar-warning"');
    expect(page.text).toContain('Chưa có lịch làm việc năm 2028');
    expect((await form('GET', '/dashboard/lich', { cookie: next })).text).toContain('Chưa có lịch làm việc năm 2028');
  });

  it('shows a shipped year with its unconfirmed days, and publishes a corrected year that an enrolled desk pulls', async () => {
    centre = await startTestCentre({ at: NOV_1 });
    const cookie = await signIn(ADMIN);
    const desk = await centre.enroll('06691', 1, 'desk-a');
    const shipped = await form('GET', '/dashboard/lich?year=2027', { cookie });
    expect(shipped.status).toBe(200);
    expect(shipped.text).toContain('Giỗ Tổ Hùng Vương (10/3 Đinh Mùi)');
    expect(shipped.text).toContain('bản mặc định kèm theo ứng dụng');
    expect(shipped.text).toContain('16/04/2027');
    expect(shipped.text).toMatch(/06\/02\/2027.*mùng 1.*cần kiểm tra/u);

    const answer = await form('POST', '/dashboard/lich', {
      cookie,
      origin: centre.url,
      form: {
        year: '2028',
        holidays: '25/01/2028  Tết Nguyên đán Mậu Thân (mùng 1) (cần kiểm tra)\n04/04/2028 Giỗ Tổ Hùng Vương',
        makeUpDays: '',
        source: 'Thông báo thử nghiệm',
      },
    });
    expect(answer).toMatchObject({ status: 303, location: '/dashboard/lich?year=2028&published=1' });
    const after = await form('GET', answer.location!, { cookie });
    expect(after.text).toContain('Đã công bố lịch năm 2028 cho mọi máy.');
    expect(after.text).toContain('Nguồn: trung tâm đã công bố.');
    expect((await form('GET', '/dashboard', { cookie })).text).not.toContain('data-testid="calendar-warning"');

    const pulled = await centre.request('GET', `${SYNC_PATHS.pull}?after=0`, { token: desk.token });
    expect(pulled.status).toBe(200);
    expect(JSON.stringify(pulled.body)).toContain('"type":"calendar.year"');
    expect(pulled.body).toMatchObject({
      entries: [
        {
          kind: 'reference',
          reference: {
            type: 'calendar.year',
            record: {
              year: 2028,
              holidays: [{ date: '2028-01-25', name: 'Tết Nguyên đán Mậu Thân (mùng 1)', unconfirmed: true }, { date: '2028-04-04', name: 'Giỗ Tổ Hùng Vương' }],
              makeUpDays: [],
              source: 'Thông báo thử nghiệm',
            },
          },
        },
      ],
    });
  });

  it('publishes nothing for a year the desks would refuse, a line it cannot read, a non-administrator, or another site', async () => {
    centre = await startTestCentre({ at: NOV_1 });
    const cookie = await signIn(ADMIN);
    const onWeekday = await form('POST', '/dashboard/lich', { cookie, origin: centre.url, form: { year: '2028', holidays: '', makeUpDays: '05/01/2028 Làm bù', source: '' } });
    expect(onWeekday.status).toBe(400);
    expect(onWeekday.text).toContain('Ngày làm bù 2028-01-05 là Thứ Tư');
    expect(onWeekday.text).toContain('05/01/2028 Làm bù'); // the form keeps what was typed
    const unreadable = await form('POST', '/dashboard/lich', { cookie, origin: centre.url, form: { year: '2028', holidays: 'mùng 1 Tết', makeUpDays: '', source: '' } });
    expect(unreadable.status).toBe(400);
    expect(unreadable.text).toContain('Ngày nghỉ, dòng 1: cần dạng');
    const crossSite = await form('POST', '/dashboard/lich', { cookie, origin: 'https://example.invalid', form: { year: '2028', holidays: '', makeUpDays: '', source: '' } });
    expect(crossSite.status).toBe(403);

    expect((await centre.request('POST', SYNC_PATHS.adminStaff, { token: centre.adminToken, body: STAFF })).status).toBe(200);
    const staffCookie = await signIn({ username: STAFF.username, password: STAFF.password });
    expect((await form('GET', '/dashboard/lich?year=2028', { cookie: staffCookie })).text).toContain('Chỉ quản trị viên công bố được lịch.');
    const byStaff = await form('POST', '/dashboard/lich', { cookie: staffCookie, origin: centre.url, form: { year: '2028', holidays: '', makeUpDays: '', source: '' } });
    expect(byStaff.status).toBe(403);
    expect(await published()).toEqual([]);
  });
});
