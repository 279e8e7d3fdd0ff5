import type { FastifyInstance } from 'fastify';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { dossierIdSchema, staffDossierActionSchema, staffEventResponseSchema, staffSessionRequestSchema } from '../../shared/sync/schemas.js';
import { requireStaff, staffOf } from '../http/auth.js';
import { jsonSchemaOf } from '../http/json-schema.js';
import { recordStaffEvent, viewDossier } from '../sync/staff-events.js';
import type { CentreDeps } from './deps.js';

export function staffRoutes(app: FastifyInstance, deps: CentreDeps): void {
  app.post(SYNC_PATHS.staffSession, {
    schema: {
      body: jsonSchemaOf(staffSessionRequestSchema),
      response: {
        200: {
          type: 'object',
          properties: { token: { type: 'string' }, role: { type: 'string' }, expiresAt: { type: 'string' } },
          required: ['token', 'role', 'expiresAt'],
          additionalProperties: false,
        },
      },
    },
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    handler: async (request) => {
      const { username, password } = staffSessionRequestSchema.parse(request.body);
      return deps.staff.signIn(username, password);
    },
  });

  app.get(`${SYNC_PATHS.staffDossierPrefix}:dossierId`, {
    schema: {
      params: { type: 'object', properties: { dossierId: jsonSchemaOf(dossierIdSchema) }, required: ['dossierId'], additionalProperties: false },
      response: {
        200: {
          type: 'object',
          properties: {
            dossierId: { type: 'string' },
            unitGsoCode: { type: 'string' },
            code: { type: ['string', 'null'] },
            status: { type: 'integer' },
            statusLabel: { type: 'string' },
            needsReview: { type: 'boolean' },
            reviewReasons: { type: 'array', items: { type: 'string' } },
            eventCount: { type: 'integer' },
          },
          required: ['dossierId', 'unitGsoCode', 'code', 'status', 'statusLabel', 'needsReview', 'reviewReasons', 'eventCount'],
          additionalProperties: false,
        },
      },
    },
    preHandler: requireStaff(deps.staff),
    handler: async (request) => viewDossier(deps.storage, (request.params as { dossierId: string }).dossierId),
  });

  app.post(`${SYNC_PATHS.staffDossierPrefix}:dossierId/events`, {
    schema: {
      params: { type: 'object', properties: { dossierId: jsonSchemaOf(dossierIdSchema) }, required: ['dossierId'], additionalProperties: false },
      body: jsonSchemaOf(staffDossierActionSchema),
      response: { 200: jsonSchemaOf(staffEventResponseSchema) },
    },
    preHandler: requireStaff(deps.staff),
    handler: async (request) => {
      const { dossierId } = request.params as { dossierId: string };
      return recordStaffEvent(deps.storage, staffOf(request), dossierId, staffDossierActionSchema.parse(request.body), deps.now);
    },
  });
}
