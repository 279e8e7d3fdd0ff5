import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CentreDeps } from '../routes/deps.js';
import { API_PREFIX, cookieToken, requireDashboardStaff } from './dashboard-auth.js';
import { unitFilterOf } from './dashboard-params.js';
import { fileResponse, fleetViewSchema, query } from './dashboard-schemas.js';
import type { DashboardService } from './dashboard-service.js';
import { fleetView, type FleetView } from './fleet-service.js';
import { fleetWorkbook } from './fleet-xlsx.js';
import { FLEET_PAGE_PATH, FLEET_XLSX_PATH, fleetPage } from './page/fleet-page.js';
import { PAGE_HEADERS } from './page/page-headers.js';

// The fleet view's three faces, like the other dashboard pages: JSON (/v1/dashboard/fleet), Excel
// (/v1/dashboard/export/fleet.xlsx) and the page "Máy trạm" (/dashboard/may-tram); all for staff only.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fleetRoutes(app: FastifyInstance, deps: CentreDeps, service: DashboardService): void {
  const auth = requireDashboardStaff(deps.staff);
  const viewOf = async (request: FastifyRequest): Promise<FleetView> => {
    const unit = unitFilterOf((request.query as { unit?: string }).unit, await service.knownUnitCodes());
    return fleetView(deps.storage.dashboard, service, deps.now(), unit);
  };

  app.get(`${API_PREFIX}/fleet`, {
    schema: { querystring: query('unit'), response: { 200: fleetViewSchema } },
    preHandler: auth,
    handler: viewOf,
  });

  app.get(FLEET_XLSX_PATH, {
    schema: { querystring: query('unit'), response: fileResponse('The fleet of desks as an Excel workbook') },
    preHandler: auth,
    handler: async (request, reply) => {
      const view = await viewOf(request);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="may-tram-${view.asOf.slice(0, 10)}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(await fleetWorkbook(view));
    },
  });

  app.get(FLEET_PAGE_PATH, {
    schema: { querystring: query('unit'), response: fileResponse('The fleet page') },
    handler: async (request, reply) => {
      const token = cookieToken(request);
      const staff = token === null ? null : await deps.staff.authenticate(token);
      if (staff === null) return reply.redirect('/dashboard/login', 303);
      const view = await viewOf(request);
      const page = fleetPage({ user: { username: staff.username, role: staff.role }, view, units: (await service.cityUnitsOn(service.today())).filter((u) => !u.former) });
      return reply.status(200).headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(page);
    },
  });
}
