import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { SYNC_PATHS, revokeDevicePath } from '../../../shared/sync/protocol.js';
import { CentreCatalogue } from '../../../server/catalogue/centre-catalogue.js';
import { DashboardService } from '../../../server/dashboard/dashboard-service.js';
import { FakeDevice, HA_KHANH_UNIT, HONG_GAI_UNIT } from '../support/fabricate-events.js';
import { ADMIN, startTestCentre, type TestCentre } from '../support/test-centre.js';

// The dashboard's routes over HTTP: nothing without a centre staff session (bearer or the page's
// cookie), sign-in and sign-out through the page's forms, periods and days refused with Vietnamese
// sentences, JSON answers equal to what the service draws up, no citizen's name or ID number anywhere,
// and each desk's last sync recorded from its own requests.

const NOW = Date.parse('2026-11-25T03:00:00Z'); // Wednesday 25/11/2026 10:00 in Hạ Long
const APPLICANT = { fullName: 'Nguyễn Thị Thử Nghiệm', idNumber: '022190000123' };

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

describe('the dashboard routes', { timeout: 30_000 }, () => {
  let centre: TestCentre;

  beforeEach(async () => {
    centre = await startTestCentre({ at: NOW });
  });
  afterEach(async () => {
    await centre.close();
  });

  async function call(method: string, path: string, options: { token?: string; cookie?: string; form?: Record<string, string>; origin?: string } = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie !== undefined) headers.cookie = options.cookie;
    if (options.origin !== undefined) headers.origin = options.origin;
    if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${centre.url}${path}`, {
      method,
      headers,
      redirect: 'manual',
      ...(options.form === undefined ? {} : { body: new URLSearchParams(options.form).toString() }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
  }

  async function signInCookie(): Promise<string> {
    const answer = await call('POST', '/dashboard/login', { form: ADMIN });
    expect(answer.status).toBe(303);
    return answer.headers.get('set-cookie')!.split(';')[0]!;
  }

  /** Two desks (Hồng Gai and Hà Khánh) that pushed a few dossiers through the real push route. */
  async function seed(): Promise<{ hongGai: string; haKhanh: string }> {
    const hongGai = await centre.enroll('06691', 1, 'desk-a');
    const haKhanh = await centre.enroll('06649', 1, 'desk-c');
    const a = new FakeDevice('desk-a', HONG_GAI_UNIT, Date.parse('2026-11-23T02:00:00Z'));
    const c = new FakeDevice('desk-c', HA_KHANH_UNIT, Date.parse('2026-11-24T02:00:00Z'));
    const push = async (token: string, events: DossierEvent[]) => expect((await centre.request('POST', SYNC_PATHS.push, { token, body: { events } })).status).toBe(200);
    const [d1, d2] = [a.receive(), a.receive()];
    await push(hongGai.token, [d1, d2, a.forward(d1.dossierId), a.withdraw(d2.dossierId)]);
    await push(haKhanh.token, [c.receive(), c.receive(), c.receive()]);
    return { hongGai: hongGai.token, haKhanh: haKhanh.token };
  }

  describe('who may see it', () => {
    it('every data route answers 401 without a staff session, with a device token, or with a made-up token', async () => {
      const { hongGai } = await seed();
      const routes = [
        '/v1/dashboard/overview?from=2026-11-01&to=2026-11-25',
        '/v1/dashboard/tally',
        '/v1/dashboard/bieu06?from=2026-11-01&to=2026-11-25',
        '/v1/dashboard/online-share?from=2026-11-01&to=2026-11-25',
        '/v1/dashboard/satisfaction?from=2026-11-01&to=2026-11-25',
        '/v1/dashboard/overdue',
        '/v1/dashboard/desks',
        '/v1/dashboard/export/bieu06.xlsx?from=2026-11-01&to=2026-11-25',
        '/v1/dashboard/export/tally.xlsx',
      ];
      for (const route of routes) {
        for (const auth of [{}, { token: hongGai }, { token: 'x'.repeat(43) }, { cookie: `motcua_dashboard=${'y'.repeat(43)}` }]) {
          const answer = await call('GET', route, auth);
          expect(answer.status, `${route} ${JSON.stringify(auth)}`).toBe(401);
          expect(answer.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringMatching(/đăng nhập/) } });
          expect(answer.text).not.toContain(APPLICANT.fullName);
        }
      }
      // The page sends a stranger to the sign-in form; the style sheet holds no data and is public.
      const page = await call('GET', '/dashboard');
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/dashboard/login');
      expect((await call('GET', '/dashboard/dashboard.css')).status).toBe(200);
    });

    it('signs in through the form with a centre account, holds the session in an HttpOnly SameSite cookie, and signs out', async () => {
      const form = await call('GET', '/dashboard/login');
      expect(form.status).toBe(200);
      expect(form.text).toContain('<form class="login__form" method="post" action="/dashboard/login">');
      expect(form.headers.get('content-security-policy')).toContain("default-src 'none'");

      const wrong = await call('POST', '/dashboard/login', { form: { username: ADMIN.username, password: 'sai-mat-khau' } });
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('Sai tên đăng nhập hoặc mật khẩu.');
      expect(wrong.headers.get('set-cookie')).toBeNull();
      const empty = await call('POST', '/dashboard/login', { form: { username: '', password: '' } });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain('Hãy nhập tên đăng nhập và mật khẩu.');
      const forged = await call('POST', '/dashboard/login', { form: ADMIN, origin: 'http://trang-gia-mao.example' });
      expect(forged.status).toBe(403);

      const signIn = await call('POST', '/dashboard/login', { form: ADMIN });
      expect(signIn.status).toBe(303);
      expect(signIn.headers.get('location')).toBe('/dashboard');
      const setCookie = signIn.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/^motcua_dashboard=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/);
      const cookie = setCookie.split(';')[0]!;

      const page = await call('GET', '/dashboard', { cookie });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.text).toContain('Bảng điều hành toàn thành phố');
      expect(page.text).toContain('Đăng nhập: <strong>quantri</strong> (quản trị viên)');
      expect(page.text).not.toContain('<script');
      expect((await call('GET', '/v1/dashboard/desks', { cookie })).status).toBe(200);
      expect((await call('GET', '/dashboard/login', { cookie })).status).toBe(303);

      const signOut = await call('POST', '/dashboard/logout', { cookie, form: {} });
      expect(signOut.status).toBe(303);
      expect(signOut.headers.get('location')).toBe('/dashboard/login');
      expect(signOut.headers.get('set-cookie')).toContain('motcua_dashboard=; Path=/; Max-Age=0');
      // The session itself is gone, not just the cookie.
      expect((await call('GET', '/dashboard', { cookie })).status).toBe(303);
      expect((await call('GET', '/v1/dashboard/desks', { token: cookie.split('=')[1]! })).status).toBe(401);
    });

    it('staff who are not administrators see it too', async () => {
      await centre.request('POST', SYNC_PATHS.adminStaff, { token: centre.adminToken, body: { username: 'canbo', password: 'mat-khau-can-bo-1', role: 'staff' } });
      const session = await centre.request('POST', SYNC_PATHS.staffSession, { body: { username: 'canbo', password: 'mat-khau-can-bo-1' } });
      expect((await call('GET', '/v1/dashboard/tally', { token: (session.body as { token: string }).token })).status).toBe(200);
    });
  });

  describe('bad input gets a sentence, not an empty report', () => {
    const cases: [string, string][] = [
      ['/v1/dashboard/bieu06', 'Kỳ báo cáo đang trống: hãy chọn ngày bắt đầu và ngày kết thúc.'],
      ['/v1/dashboard/bieu06?from=&to=', 'Kỳ báo cáo đang trống: hãy chọn ngày bắt đầu và ngày kết thúc.'],
      ['/v1/dashboard/bieu06?from=2026-11-01', 'Hãy chọn ngày kết thúc của kỳ báo cáo.'],
      ['/v1/dashboard/satisfaction?to=2026-11-01', 'Hãy chọn ngày bắt đầu của kỳ báo cáo.'],
      [
        '/v1/dashboard/bieu06?from=2026-11-20&to=2026-11-01',
        'Kỳ báo cáo bị ngược: ngày bắt đầu 20/11/2026 nằm sau ngày kết thúc 01/11/2026. Hãy đổi lại hai ngày.',
      ],
      [
        '/v1/dashboard/online-share?from=2026-11-01&to=2026-11-26',
        'Ngày kết thúc kỳ báo cáo 26/11/2026 ở tương lai: số liệu chỉ có đến hôm nay (25/11/2026). Hãy chọn ngày kết thúc không muộn hơn hôm nay.',
      ],
      ['/v1/dashboard/bieu06?from=2026-02-30&to=2026-11-01', 'Ngày bắt đầu kỳ báo cáo "2026-02-30" không có thật (cần dạng yyyy-MM-dd).'],
      ['/v1/dashboard/overview?from=2024-01-01&to=2026-11-25', 'Kỳ báo cáo dài quá 731 ngày: hãy chia thành các kỳ ngắn hơn.'],
      ['/v1/dashboard/bieu06?from=2026-11-01&to=2026-11-25&unit=99999', 'Không có đơn vị mang mã 99999 trong danh sách đơn vị của thành phố.'],
      ['/v1/dashboard/tally?day=2026-11-26', 'Ngày thống kê 26/11/2026 ở tương lai: số liệu chỉ có đến hôm nay (25/11/2026).'],
      ['/v1/dashboard/tally?day=25-11-2026', 'Ngày thống kê "25-11-2026" không có thật (cần dạng yyyy-MM-dd).'],
      ['/v1/dashboard/tally?day=', 'Hãy chọn ngày thống kê.'],
      ['/v1/dashboard/overdue?limit=0', 'Số hồ sơ cần liệt kê phải là số nguyên từ 1 đến 5000.'],
      ['/v1/dashboard/export/bieu06.xlsx?from=2026-11-20&to=2026-11-01', 'Kỳ báo cáo bị ngược: ngày bắt đầu 20/11/2026 nằm sau ngày kết thúc 01/11/2026. Hãy đổi lại hai ngày.'],
      ['/v1/dashboard/export/tally.xlsx?day=2027-01-01', 'Ngày thống kê 01/01/2027 ở tương lai: số liệu chỉ có đến hôm nay (25/11/2026).'],
    ];
    it.each(cases)('%s → 400', async (path, message) => {
      const answer = await call('GET', path, { token: centre.adminToken });
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual({ error: { code: 'invalid_request', message } });
    });

    it('the page keeps the values as typed, explains the refusal in place, and still shows what does not depend on it', async () => {
      await seed();
      const cookie = await signInCookie();
      const page = await call('GET', '/dashboard?day=2026-11-25&from=2026-11-20&to=2026-11-01', { cookie });
      expect(page.status).toBe(400);
      expect(page.text).toContain('<p class="notice notice--error" role="alert">Kỳ báo cáo bị ngược: ngày bắt đầu 20/11/2026 nằm sau ngày kết thúc 01/11/2026. Hãy đổi lại hai ngày.</p>');
      expect(page.text).toContain('value="2026-11-20"');
      expect(page.text).toContain('data-testid="tally-table"');
      expect(page.text).not.toContain('data-testid="bieu06-table"');
    });
  });

  describe('what it shows', () => {
    it('the JSON routes answer exactly what the service draws up (the response schemas drop nothing)', async () => {
      await seed();
      const service = new DashboardService(centre.storage.dashboard, new CentreCatalogue(centre.storage), () => centre.clock.ms);
      const period = { from: '2026-11-01', to: '2026-11-25' };
      const get = async (path: string) => {
        const answer = await call('GET', path, { token: centre.adminToken });
        expect(answer.status, path).toBe(200);
        return answer.json();
      };
      expect(await get('/v1/dashboard/tally?day=2026-11-23')).toEqual(await service.tally('2026-11-23'));
      expect(await get('/v1/dashboard/bieu06?from=2026-11-01&to=2026-11-25')).toEqual(await service.bieu06(period, null));
      expect(await get('/v1/dashboard/bieu06?from=2026-11-01&to=2026-11-25&unit=06649')).toEqual(await service.bieu06(period, '06649'));
      expect(await get('/v1/dashboard/online-share?from=2026-11-01&to=2026-11-25')).toEqual(await service.onlineShare(period));
      expect(await get('/v1/dashboard/satisfaction?from=2026-11-01&to=2026-11-25')).toEqual(await service.satisfaction(period));
      expect(await get('/v1/dashboard/overdue')).toEqual(await service.overdue());
      expect(await get('/v1/dashboard/desks')).toEqual(await service.desks());
      const overview = (await get('/v1/dashboard/overview?day=2026-11-24&from=2026-11-01&to=2026-11-25')) as Record<string, unknown>;
      expect(overview.tally).toEqual(await service.tally('2026-11-24'));
      expect(overview.bieu06).toEqual(await service.bieu06(period, null));

      const tally = (await service.tally('2026-11-23')).units;
      expect(tally).toHaveLength(45); // on a 2026 date: today's 12 units, Hạ Long's 33 former ones folded beneath
      expect(tally.find((u) => u.gsoCode === '06691')).toMatchObject({ name: 'Phường Hồng Gai', desks: 1, tally: { receivedByChannel: { inPerson: 2 }, withdrawn: 1 } });
      expect(tally.find((u) => u.gsoCode === '06658')).toMatchObject({ desks: 0, tally: { receivedByChannel: { inPerson: 0, online: 0, postal: 0 } } });
    });

    it("no citizen's name or ID number appears in any answer or in the page", async () => {
      await seed();
      const cookie = await signInCookie();
      const answers = [
        await call('GET', '/v1/dashboard/overview?from=2026-11-01&to=2026-11-25', { token: centre.adminToken }),
        await call('GET', '/v1/dashboard/overdue', { token: centre.adminToken }),
        await call('GET', '/dashboard?from=2026-11-01&to=2026-11-25', { cookie }),
      ];
      centre.clock.ms += 10 * 86_400_000; // everything pending is overdue now: the list has rows
      const session = await centre.request('POST', SYNC_PATHS.staffSession, { body: ADMIN });
      answers.push(await call('GET', '/v1/dashboard/overdue', { token: (session.body as { token: string }).token }));
      expect((answers.at(-1)!.json() as { total: number }).total).toBe(4);
      for (const answer of answers) {
        expect(answer.text).not.toContain(APPLICANT.fullName);
        expect(answer.text).not.toContain(APPLICANT.idNumber);
        expect(answer.text).not.toContain('0912345678');
      }
    });

    it("records each desk's last sync from its own successful requests; stale, never-synced and revoked desks are told apart", async () => {
      const { hongGai } = await seed();
      await centre.enroll('06691', 2, 'desk-b'); // enrolled, never synced
      const pushedAt = new Date(NOW).toISOString();
      let desks = (await call('GET', '/v1/dashboard/desks', { token: centre.adminToken }).then((a) => a.json())) as { desks: { deviceId: string; lastSyncAt: string | null; state: string }[]; unitsWithoutDesk: unknown[] };
      expect(desks.desks.map((d) => [d.deviceId, d.lastSyncAt, d.state])).toEqual([
        ['desk-c', pushedAt, 'ok'],
        ['desk-a', pushedAt, 'ok'],
        ['desk-b', null, 'never'],
      ]);
      // Today's 12 units but Hồng Gai (a desk of the former Hồng Gai, not yet moved, still serves it).
      expect(desks.unitsWithoutDesk).toHaveLength(11);

      // A day and an hour later Hồng Gai's desk pulls; Hà Khánh's has gone quiet.
      centre.clock.ms += 25 * 3_600_000;
      expect((await centre.request('GET', `${SYNC_PATHS.pull}?after=0`, { token: hongGai })).status).toBe(200);
      // The administrator's twelve-hour session of yesterday has ended: a new one.
      const admin = ((await centre.request('POST', SYNC_PATHS.staffSession, { body: ADMIN })).body as { token: string }).token;
      await centre.request('POST', revokeDevicePath('desk-b'), { token: admin });
      desks = (await call('GET', '/v1/dashboard/desks', { token: admin }).then((a) => a.json())) as typeof desks;
      expect(desks.desks.map((d) => [d.deviceId, d.state])).toEqual([
        ['desk-c', 'stale'],
        ['desk-a', 'ok'],
        ['desk-b', 'revoked'],
      ]);
      expect(desks.desks[1]!.lastSyncAt).toBe(new Date(centre.clock.ms).toISOString());

      const cookie = await signInCookie();
      const page = await call('GET', '/dashboard', { cookie });
      expect(page.text).toContain('<strong>1</strong> máy chưa đồng bộ quá 24 giờ');
      expect(page.text).toContain('<strong class="bad">Quá 24 giờ chưa đồng bộ</strong>');
      expect(page.text).toContain('<strong>Đã thu hồi</strong>');
    });
  });

  describe('counting former units by today\'s units ("theo đơn vị hiện nay")', () => {
    type Line = { unitId: string; former: boolean; note: string | null; row: { received: { total: number } } };
    const received = (lines: Line[], unitId: string) => lines.find((l) => l.unitId === unitId)!.row.received.total;

    it('the JSON twin takes countBy=present: the former Hồng Gai desk\'s dossiers move to today\'s Hồng Gai, Hà Khánh\'s stay', async () => {
      await seed();
      const { token } = (await centre.request('POST', SYNC_PATHS.staffSession, { body: ADMIN })).body as { token: string };
      const byReceived = (await call('GET', '/v1/dashboard/bieu06?from=2026-11-01&to=2026-11-25', { token })).json() as { countBy: string; units: Line[] };
      const byPresent = (await call('GET', '/v1/dashboard/bieu06?from=2026-11-01&to=2026-11-25&countBy=present', { token })).json() as { countBy: string; units: Line[]; unitsTotal: unknown };
      expect([byReceived.countBy, byPresent.countBy]).toEqual(['received', 'present']);
      expect([received(byReceived.units, 'ha-long-2020-phuong-hong-gai'), received(byReceived.units, 'quang-ninh-2025-phuong-hong-gai')]).toEqual([2, 0]);
      expect([received(byPresent.units, 'ha-long-2020-phuong-hong-gai'), received(byPresent.units, 'quang-ninh-2025-phuong-hong-gai')]).toEqual([0, 2]);
      expect(received(byPresent.units, 'ha-long-2020-phuong-ha-khanh')).toBe(3);
      expect(byPresent.units.find((l) => l.unitId === 'ha-long-2020-phuong-ha-khanh')!.note).toMatch(/không có một đơn vị kế thừa duy nhất/);

      const wrong = await call('GET', '/v1/dashboard/bieu06?from=2026-11-01&to=2026-11-25&countBy=moi', { token });
      expect(wrong.status).toBe(400);
      expect(wrong.json()).toMatchObject({ error: { message: expect.stringContaining('countBy=present (theo đơn vị hiện nay)') } });
    });

    it('the page offers the choice as a form field and a link, and lists former units as labelled lines beneath today\'s', async () => {
      await seed();
      const cookie = await signInCookie();
      const page = await call('GET', '/dashboard?from=2026-11-01&to=2026-11-25&bieu06=units', { cookie });
      expect(page.status).toBe(200);
      expect(page.text).toContain('<input type="radio" name="countBy" value="received" checked> Đơn vị tiếp nhận');
      expect(page.text).toContain('href="/dashboard?day=2026-11-25&amp;from=2026-11-01&amp;to=2026-11-25&amp;bieu06=units&amp;countBy=present" data-testid="count-by-toggle">Xem theo đơn vị hiện nay</a>');
      expect(page.text).toContain('Hồ sơ được tính vào đơn vị đã tiếp nhận.');
      expect(page.text).toContain('<th scope="row" class="unit--folded">Phường Hồng Gai <span class="tag tag--former">đơn vị cũ</span></th>');
      const present = await call('GET', '/dashboard?from=2026-11-01&to=2026-11-25&bieu06=units&countBy=present', { cookie });
      expect(present.text).toContain('<input type="radio" name="countBy" value="present" checked> Đơn vị hiện nay');
      expect(present.text).toContain('Hồ sơ của đơn vị cũ được tính vào đơn vị hiện nay');
      expect(present.text).toContain('Tải Excel');
      expect(present.text).toContain('/v1/dashboard/export/bieu06.xlsx?from=2026-11-01&amp;to=2026-11-25&amp;countBy=present');
    });
  });
});
