import type { FastifyInstance } from 'fastify';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { dossierCodeParamSchema, lookupResponseSchema } from '../../shared/sync/schemas.js';
import { jsonSchemaOf } from '../http/json-schema.js';
import { lookupDossier } from '../lookup/lookup-service.js';
import type { CentreDeps } from './deps.js';

export function publicRoutes(app: FastifyInstance, deps: CentreDeps): void {
  // What the receipt's QR opens. Rate-limited: the code's serial part is guessable, so slow guessing down.
  app.get(`${SYNC_PATHS.lookupPrefix}:code`, {
    schema: {
      params: { type: 'object', properties: { code: jsonSchemaOf(dossierCodeParamSchema) }, required: ['code'], additionalProperties: false },
      response: { 200: jsonSchemaOf(lookupResponseSchema) },
    },
    config: { rateLimit: { max: deps.lookupPerMinute, timeWindow: '1 minute' } },
    handler: async (request) => lookupDossier(deps.storage, deps.catalogue, (request.params as { code: string }).code),
  });

  app.get(SYNC_PATHS.health, {
    schema: {
      response: {
        200: {
          type: 'object',
          properties: { ok: { type: 'boolean' }, storage: { type: 'string' }, centreTime: { type: 'string' } },
          required: ['ok', 'storage', 'centreTime'],
          additionalProperties: false,
        },
      },
    },
    handler: async () => ({ ok: true, storage: deps.storage.kind, centreTime: new Date(deps.now()).toISOString() }),
  });
}
