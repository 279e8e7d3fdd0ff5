import type { FastifyInstance } from 'fastify';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { enrollRequestSchema, enrollResponseSchema } from '../../shared/sync/schemas.js';
import { jsonSchemaOf } from '../http/json-schema.js';
import type { CentreDeps } from './deps.js';

export function enrollRoutes(app: FastifyInstance, deps: CentreDeps): void {
  app.post(SYNC_PATHS.enroll, {
    schema: { body: jsonSchemaOf(enrollRequestSchema), response: { 200: jsonSchemaOf(enrollResponseSchema) } },
    // Codes are 60-bit and single-use; a low rate per address makes guessing hopeless.
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    handler: async (request) => deps.enrollment.enroll(enrollRequestSchema.parse(request.body)),
  });
}
