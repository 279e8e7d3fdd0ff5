import type { FastifyInstance, FastifyReply } from 'fastify';
import { reportFileName } from '../../shared/domain/reports/report-kinds.js';
import type { CentreDeps } from '../routes/deps.js';
import { invalidRequest } from '../http/centre-error.js';
import { API_PREFIX, requireDashboardStaff } from './dashboard-auth.js';
import { countByOf, periodOf, tallyDayOf, unitFilterOf } from './dashboard-params.js';
import {
  bieu06ViewSchema,
  desksViewSchema,
  fileResponse,
  onlineShareViewSchema,
  overdueViewSchema,
  overviewViewSchema,
  query,
  satisfactionViewSchema,
  tallyViewSchema,
} from './dashboard-schemas.js';
import { DashboardService, OVERDUE_PAGE_LIMIT } from './dashboard-service.js';
import type { OverviewView } from './dashboard-types.js';
import { bieu06Workbook, CITY_NAME, tallyWorkbook } from './dashboard-xlsx.js';
import { dashboardPageRoutes } from './page-routes.js';
import { fleetRoutes } from './fleet-routes.js';
import { ensureDashboardProjection } from './rebuild-projection.js';

// The city dashboard for centre staff (issue 7, "Centre dashboard"): JSON routes under /v1/dashboard
// (a staff session as a bearer token, or the page's cookie), the two Excel exports, and the page
// itself (page-routes.ts). Every number comes from DashboardService over the centre's projection.

type Query = Record<string, string | undefined>;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_OVERDUE_LIMIT = 5000;

function limitOf(raw: string | undefined): number {
  if (raw === undefined) return OVERDUE_PAGE_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_OVERDUE_LIMIT) {
    throw invalidRequest(`Số hồ sơ cần liệt kê phải là số nguyên từ 1 đến ${MAX_OVERDUE_LIMIT}.`);
  }
  return n;
}

function sendXlsx(reply: FastifyReply, fileName: string, bytes: Buffer): FastifyReply {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(bytes);
}

export async function dashboardRoutes(app: FastifyInstance, deps: CentreDeps): Promise<void> {
  await ensureDashboardProjection(deps.storage);
  const service = new DashboardService(deps.storage.dashboard, deps.catalogue, deps.now);
  const auth = requireDashboardStaff(deps.staff);
  const route = (path: string) => `${API_PREFIX}${path}`;

  app.get(route('/overview'), {
    schema: { querystring: query('day', 'from', 'to', 'unit', 'countBy'), response: { 200: overviewViewSchema } },
    preHandler: auth,
    handler: async (request): Promise<OverviewView> => {
      const q = request.query as Query;
      const today = service.today();
      const day = tallyDayOf(q.day, today);
      const period = periodOf(q.from, q.to, today);
      const unit = unitFilterOf(q.unit, await service.knownUnitCodes());
      const countBy = countByOf(q.countBy);
      const [tally, { bieu06, onlineShare }, satisfaction, overdue, desks] = await Promise.all([
        service.tally(day),
        service.bieu06AndOnlineShare(period, unit, countBy),
        service.satisfaction(period, countBy),
        service.overdue(),
        service.desks(),
      ]);
      return { generatedAt: service.nowIso(), tally, bieu06, onlineShare, satisfaction, overdue, desks };
    },
  });

  app.get(route('/tally'), {
    schema: { querystring: query('day'), response: { 200: tallyViewSchema } },
    preHandler: auth,
    handler: async (request) => service.tally(tallyDayOf((request.query as Query).day, service.today())),
  });

  app.get(route('/bieu06'), {
    schema: { querystring: query('from', 'to', 'unit', 'countBy'), response: { 200: bieu06ViewSchema } },
    preHandler: auth,
    handler: async (request) => {
      const q = request.query as Query;
      const period = periodOf(q.from, q.to, service.today());
      return service.bieu06(period, unitFilterOf(q.unit, await service.knownUnitCodes()), countByOf(q.countBy));
    },
  });

  app.get(route('/online-share'), {
    schema: { querystring: query('from', 'to', 'countBy'), response: { 200: onlineShareViewSchema } },
    preHandler: auth,
    handler: async (request) => {
      const q = request.query as Query;
      return service.onlineShare(periodOf(q.from, q.to, service.today()), countByOf(q.countBy));
    },
  });

  app.get(route('/satisfaction'), {
    schema: { querystring: query('from', 'to', 'countBy'), response: { 200: satisfactionViewSchema } },
    preHandler: auth,
    handler: async (request) => {
      const q = request.query as Query;
      return service.satisfaction(periodOf(q.from, q.to, service.today()), countByOf(q.countBy));
    },
  });

  app.get(route('/overdue'), {
    schema: { querystring: query('limit'), response: { 200: overdueViewSchema } },
    preHandler: auth,
    handler: async (request) => service.overdue(limitOf((request.query as Query).limit)),
  });

  app.get(route('/desks'), {
    schema: { response: { 200: desksViewSchema } },
    preHandler: auth,
    handler: async () => service.desks(),
  });

  app.get(route('/export/bieu06.xlsx'), {
    schema: { querystring: query('from', 'to', 'unit', 'countBy'), response: fileResponse('Biểu 06 as an Excel workbook') },
    preHandler: auth,
    handler: async (request, reply) => {
      const q = request.query as Query;
      const period = periodOf(q.from, q.to, service.today());
      const view = await service.bieu06(period, unitFilterOf(q.unit, await service.knownUnitCodes()), countByOf(q.countBy));
      const fileName = reportFileName('bieu06', view.unit?.name ?? CITY_NAME, period, 'xlsx');
      return sendXlsx(reply, fileName, await bieu06Workbook(view, service.nowIso()));
    },
  });

  app.get(route('/export/tally.xlsx'), {
    schema: { querystring: query('day'), response: fileResponse('The daily tally of every unit as an Excel workbook') },
    preHandler: auth,
    handler: async (request, reply) => {
      const view = await service.tally(tallyDayOf((request.query as Query).day, service.today()));
      const fileName = reportFileName('dailyTally', CITY_NAME, { from: view.day, to: view.day }, 'xlsx');
      return sendXlsx(reply, fileName, await tallyWorkbook(view));
    },
  });

  fleetRoutes(app, deps, service);
  await app.register(dashboardPageRoutes, { deps, service });
}
