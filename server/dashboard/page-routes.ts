import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLocalDate } from '../../shared/domain/dossier/vietnam-time.js';
import { quickPeriod } from '../../shared/domain/reports/report-period.js';
import { CentreHttpError } from '../http/centre-error.js';
import type { CentreDeps } from '../routes/deps.js';
import { sha256Hex } from '../security/secrets.js';
import type { StaffRecord } from '../storage/storage.js';
import { clearSessionCookie, cookieToken, isSameOrigin, PAGE_PATH, setSessionCookie } from './dashboard-auth.js';
import { countByOf, periodOf, tallyDayOf, unitFilterOf } from './dashboard-params.js';
import { fileResponse, query } from './dashboard-schemas.js';
import type { DashboardService } from './dashboard-service.js';
import { ICON_PATH, STYLESHEET_PATH } from './page/layout.js';
import { PAGE_HEADERS } from './page/page-headers.js';
import { loginPage } from './page/login-page.js';
import { calendarPage, formOfYear } from './page/calendar-page.js';
import { calendarYearOfForm, type CalendarFormInput } from './calendar-form.js';
import { nextYearCalendarWarning } from '../../shared/domain/calendar/calendar-coverage.js';
import { centreWorkCalendar, publishedCalendarYears } from '../sync/centre-calendar.js';
import { checkReferenceChange, publishReference } from '../sync/reference-service.js';
import { overviewPage, type Outcome, type OverviewPage, type PageQuery } from './page/overview-page.js';

// The dashboard's page, its style sheet, and sign-in / sign-out with the page's session cookie. Sign-in
// and sign-out are HTML form posts (application/x-www-form-urlencoded, parsed in this plugin only).

const STYLESHEET = readFileSync(join(import.meta.dirname, 'page', 'dashboard.css'), 'utf8');
/** The tab icon: the banner's blue with a white "1" (một cửa, one door). */
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b3a66"/><path d="M17 7v18h-3V11l-4 2V10l5-3z" fill="#fff"/></svg>';
const LOGIN_PATH = `${PAGE_PATH}/login`;
const CALENDAR_PATH = `${PAGE_PATH}/lich`;
const LOGOUT_PATH = `${PAGE_PATH}/logout`;


const calendarFormBody = {
  type: 'object',
  properties: {
    year: { type: 'string', maxLength: 4 },
    holidays: { type: 'string', maxLength: 20_000 },
    makeUpDays: { type: 'string', maxLength: 5_000 },
    source: { type: 'string', maxLength: 1_000 },
  },
  additionalProperties: false,
};

const loginBody = {
  type: 'object',
  properties: { username: { type: 'string', maxLength: 100 }, password: { type: 'string', maxLength: 200 } },
  additionalProperties: false,
};

function sendPage(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.status(status).headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(text);
}

async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof CentreHttpError && error.statusCode === 400) return { ok: false, message: error.message };
    throw error;
  }
}

export async function dashboardPageRoutes(app: FastifyInstance, options: { deps: CentreDeps; service: DashboardService }): Promise<void> {
  const { deps, service } = options;

  // A whole calendar year in Vietnamese, percent-encoded, fits in 32 KiB; sign-in's fields have their own limits.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 32_768 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const signedIn = async (request: FastifyRequest): Promise<StaffRecord | null> => {
    const token = cookieToken(request);
    return token === null ? null : deps.staff.authenticate(token);
  };

  app.get(STYLESHEET_PATH, {
    schema: { response: fileResponse('The dashboard style sheet') },
    handler: async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET),
  });

  app.get(ICON_PATH, {
    schema: { response: fileResponse('The tab icon') },
    handler: async (_request, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(ICON),
  });

  app.get(LOGIN_PATH, {
    schema: { response: fileResponse('The sign-in form') },
    handler: async (request, reply) => {
      if ((await signedIn(request)) !== null) return reply.redirect(PAGE_PATH, 303);
      return sendPage(reply, 200, loginPage({ message: null, username: '' }));
    },
  });

  app.post(LOGIN_PATH, {
    schema: { body: loginBody, response: fileResponse('The dashboard, or the form again with the reason') },
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      if (!isSameOrigin(request)) return sendPage(reply, 403, loginPage({ message: 'Biểu mẫu đăng nhập phải được gửi từ chính trang này.', username: '' }));
      const { username = '', password = '' } = (request.body ?? {}) as { username?: string; password?: string };
      if (username.trim() === '' || password === '') {
        return sendPage(reply, 400, loginPage({ message: 'Hãy nhập tên đăng nhập và mật khẩu.', username }));
      }
      try {
        const session = await deps.staff.signIn(username.trim(), password);
        setSessionCookie(reply, request, session.token, session.expiresAt, deps.now());
        return reply.redirect(PAGE_PATH, 303);
      } catch (error) {
        if (error instanceof CentreHttpError && error.statusCode === 401) return sendPage(reply, 401, loginPage({ message: error.message, username }));
        throw error;
      }
    },
  });

  app.post(LOGOUT_PATH, {
    schema: { body: { type: 'object', additionalProperties: false }, response: fileResponse('A redirect to the sign-in form') },
    handler: async (request, reply) => {
      if (!isSameOrigin(request)) return reply.status(403).send({ error: { code: 'forbidden', message: 'Yêu cầu đăng xuất phải được gửi từ chính trang này.' } });
      const token = cookieToken(request);
      if (token !== null) await deps.storage.deleteStaffSession(sha256Hex(token));
      clearSessionCookie(reply, request);
      return reply.redirect(LOGIN_PATH, 303);
    },
  });

  /** The calendar page of a year, with what the form shows (sent back when refused) and the reasons. */
  const calendarPageFor = async (staff: StaffRecord, year: number, sent: CalendarFormInput | null, problems: string[], done: boolean) => {
    const published = await publishedCalendarYears(deps.storage);
    const calendar = await centreWorkCalendar(deps.storage);
    const current = calendar.years.find((entry) => entry.year === year) ?? null;
    return calendarPage({
      user: { username: staff.username, role: staff.role },
      year,
      current,
      published: published.has(year),
      nextYearWarning: nextYearCalendarWarning(service.today(), calendar),
      form: sent ?? formOfYear(year, current),
      problems,
      done,
    });
  };

  app.get(CALENDAR_PATH, {
    schema: { querystring: query('year', 'published'), response: fileResponse('The working calendar of a year') },
    handler: async (request, reply) => {
      const staff = await signedIn(request);
      if (staff === null) return reply.redirect(LOGIN_PATH, 303);
      const q = request.query as Record<string, string | undefined>;
      const thisYear = Number(service.today().slice(0, 4));
      const year = /^\d{4}$/u.test(q.year ?? '') ? Number(q.year) : thisYear;
      return sendPage(reply, 200, await calendarPageFor(staff, year, null, [], q.published === '1'));
    },
  });

  // Publishing a year is the one write the page's cookie carries: an administrator's form post from
  // this very page (same origin; the cookie is SameSite=Strict), through the same path and the same
  // checks as the admin API (`checkReferenceChange`, `publishReference`), so every desk gets it on its
  // next pull and applies it as it applies the API's.
  app.post(CALENDAR_PATH, {
    schema: { body: calendarFormBody, response: fileResponse('A redirect to the published year, or the form with the reasons') },
    handler: async (request, reply) => {
      if (!isSameOrigin(request)) return reply.status(403).send({ error: { code: 'forbidden', message: 'Biểu mẫu công bố lịch phải được gửi từ chính trang này.' } });
      const staff = await signedIn(request);
      if (staff === null) return reply.redirect(LOGIN_PATH, 303);
      const body = (request.body ?? {}) as Partial<CalendarFormInput>;
      const sent: CalendarFormInput = { year: body.year ?? '', holidays: body.holidays ?? '', makeUpDays: body.makeUpDays ?? '', source: body.source ?? '' };
      const shownYear = /^\d{4}$/u.test(sent.year) ? Number(sent.year) : Number(service.today().slice(0, 4));
      if (staff.role !== 'admin') return sendPage(reply, 403, await calendarPageFor(staff, shownYear, sent, ['Chỉ quản trị viên công bố được lịch.'], false));
      const parsed = calendarYearOfForm(sent);
      if (!parsed.ok) return sendPage(reply, 400, await calendarPageFor(staff, shownYear, sent, parsed.problems, false));
      try {
        await publishReference(deps.storage, checkReferenceChange({ type: 'calendar.year', record: parsed.year }, deps.catalogue.units()), deps.now);
      } catch (error) {
        if (error instanceof CentreHttpError && error.statusCode === 400) {
          return sendPage(reply, 400, await calendarPageFor(staff, shownYear, sent, error.message.split('; '), false));
        }
        throw error;
      }
      return reply.redirect(`${CALENDAR_PATH}?year=${parsed.year.year}&published=1`, 303);
    },
  });

  app.get(PAGE_PATH, {
    schema: { querystring: query('day', 'from', 'to', 'unit', 'bieu06', 'countBy'), response: fileResponse('The dashboard') },
    handler: async (request, reply) => {
      const staff = await signedIn(request);
      if (staff === null) return reply.redirect(LOGIN_PATH, 303);
      const q = request.query as Record<string, string | undefined>;
      const today = service.today();
      // The page opens on today and this month; a value the user gave is kept in the form as typed.
      const month = quickPeriod('thisMonth', today);
      const pageQuery: PageQuery = {
        day: q.day ?? today,
        from: q.from ?? month.from,
        to: q.to ?? month.to,
        unit: q.unit ?? '',
        layout: q.bieu06 === 'units' ? 'units' : 'sectors',
        countBy: q.countBy === 'present' ? 'present' : 'received',
      };
      // The unit list of the controls is the catalogue's on the period's end (Biểu 06's date).
      const listDate = isLocalDate(pageQuery.to) && pageQuery.to <= today ? pageQuery.to : today;
      const known = await service.knownUnitCodes();
      const [tally, period, overdue, desks] = await Promise.all([
        outcome(() => service.tally(tallyDayOf(pageQuery.day, today))),
        outcome(async () => {
          const checked = periodOf(pageQuery.from, pageQuery.to, today);
          const unit = unitFilterOf(pageQuery.unit, known);
          const countBy = countByOf(q.countBy);
          const [shares, satisfaction] = await Promise.all([service.bieu06AndOnlineShare(checked, unit, countBy), service.satisfaction(checked, countBy)]);
          return { ...shares, satisfaction };
        }),
        service.overdue(200),
        service.desks(),
      ]);
      const page: OverviewPage = {
        user: { username: staff.username, role: staff.role },
        generatedAt: service.nowIso(),
        today,
        query: pageQuery,
        units: await service.cityUnitsOn(listDate),
        tally,
        period,
        overdue,
        desks,
        calendarWarning: nextYearCalendarWarning(today, await centreWorkCalendar(deps.storage)),
      };
      return sendPage(reply, tally.ok && period.ok ? 200 : 400, overviewPage(page));
    },
  });
}
