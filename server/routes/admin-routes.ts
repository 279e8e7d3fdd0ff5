import type { FastifyInstance } from 'fastify';
import { SYNC_PATHS, type DeviceSummary } from '../../shared/sync/protocol.js';
import { enrollmentCodeRequestSchema, enrollmentCodeResponseSchema, newStaffRequestSchema, referenceChangeSchema } from '../../shared/sync/schemas.js';
import { requireStaff, staffOf } from '../http/auth.js';
import { notFound } from '../http/centre-error.js';
import { jsonSchemaOf } from '../http/json-schema.js';
import type { DeviceRecord } from '../storage/storage.js';
import { checkReferenceChange, publishReference } from '../sync/reference-service.js';
import type { CentreDeps } from './deps.js';

const summaryOf = (d: DeviceRecord): DeviceSummary => ({
  deviceId: d.id,
  name: d.name,
  unitGsoCode: d.unitGso,
  station: d.station,
  enrolledAt: d.enrolledAt,
  revokedAt: d.revokedAt,
});

const deviceSummarySchema = {
  type: 'object',
  properties: {
    deviceId: { type: 'string' },
    name: { type: 'string' },
    unitGsoCode: { type: 'string' },
    station: { type: 'integer' },
    enrolledAt: { type: 'string' },
    revokedAt: { type: ['string', 'null'] },
  },
  required: ['deviceId', 'name', 'unitGsoCode', 'station', 'enrolledAt', 'revokedAt'],
  additionalProperties: false,
};

export function adminRoutes(app: FastifyInstance, deps: CentreDeps): void {
  const admin = requireStaff(deps.staff, 'admin');

  app.post(SYNC_PATHS.adminEnrollmentCodes, {
    schema: { body: jsonSchemaOf(enrollmentCodeRequestSchema), response: { 200: jsonSchemaOf(enrollmentCodeResponseSchema) } },
    preHandler: admin,
    handler: async (request) => {
      const input = enrollmentCodeRequestSchema.parse(request.body);
      return deps.enrollment.issueCode({ ...input, createdBy: staffOf(request).username });
    },
  });

  app.get(SYNC_PATHS.adminDevices, {
    schema: { response: { 200: { type: 'array', items: deviceSummarySchema } } },
    preHandler: admin,
    handler: async () => (await deps.storage.listDevices()).map(summaryOf),
  });

  app.post(`${SYNC_PATHS.adminDevices}/:deviceId/revoke`, {
    schema: {
      params: { type: 'object', properties: { deviceId: { type: 'string', maxLength: 64 } }, required: ['deviceId'], additionalProperties: false },
      response: { 200: deviceSummarySchema },
    },
    preHandler: admin,
    handler: async (request) => {
      const { deviceId } = request.params as { deviceId: string };
      if (!(await deps.enrollment.revoke(deviceId))) throw notFound('Không có thiết bị này.');
      return summaryOf((await deps.storage.device(deviceId))!);
    },
  });

  app.post(SYNC_PATHS.adminStaff, {
    schema: {
      body: jsonSchemaOf(newStaffRequestSchema),
      response: {
        200: {
          type: 'object',
          properties: { id: { type: 'string' }, username: { type: 'string' }, role: { type: 'string' } },
          required: ['id', 'username', 'role'],
          additionalProperties: false,
        },
      },
    },
    preHandler: admin,
    handler: async (request) => {
      const created = await deps.staff.create(newStaffRequestSchema.parse(request.body));
      return { id: created.id, username: created.username, role: created.role };
    },
  });

  app.post(SYNC_PATHS.adminReference, {
    schema: {
      body: jsonSchemaOf(referenceChangeSchema),
      response: { 200: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false } },
    },
    preHandler: admin,
    handler: async (request) => {
      // Checked against the catalogue as last published by any centre process.
      await deps.catalogue.refresh();
      return publishReference(deps.storage, checkReferenceChange(request.body, deps.catalogue.units()), deps.now);
    },
  });
}
