import type { FastifyInstance } from 'fastify';
import { PULL_DEFAULT_LIMIT, PUSH_MAX_EVENTS, SYNC_PATHS, type GapsResponse } from '../../shared/sync/protocol.js';
import {
  gapsResponseSchema,
  pullQuerySchema,
  pullResponseFrameSchema,
  pushRequestSchema,
  pushResponseSchema,
  rekeyRequestSchema,
  rekeyResponseSchema,
  unitBindingSchema,
  unitMoveRequestSchema,
  unitMoveResponseSchema,
} from '../../shared/sync/schemas.js';
import { rekeyDevice } from '../enrollment/rekey-service.js';
import { deviceUnitBinding, moveDeviceUnit } from '../enrollment/unit-move-service.js';
import { bearerToken } from '../security/secrets.js';
import { deviceOf, requireDevice } from '../http/auth.js';
import { jsonSchemaOf } from '../http/json-schema.js';
import { pullPage } from '../sync/pull-service.js';
import { pushEvents } from '../sync/push-service.js';
import { recordDeviceStatus } from '../sync/device-status-service.js';
import { deviceStatusRequestSchema, deviceStatusResponseSchema } from '../../shared/sync/device-status.js';
import type { CentreDeps } from './deps.js';

const MAX_RANGES = 100;

export function syncRoutes(app: FastifyInstance, deps: CentreDeps): void {
  const auth = requireDevice(deps.storage, deps.now);

  app.post(SYNC_PATHS.push, {
    schema: { body: jsonSchemaOf(pushRequestSchema), response: { 200: jsonSchemaOf(pushResponseSchema) } },
    // A full batch of large events (receipts with long checklists) stays well under this.
    bodyLimit: PUSH_MAX_EVENTS * 32 * 1024,
    preHandler: auth,
    handler: async (request) => {
      const { events } = pushRequestSchema.parse(request.body);
      return pushEvents(deps.storage, deviceOf(request), events, deps.catalogue, deps.now, request.log);
    },
  });

  app.post(SYNC_PATHS.deviceStatus, {
    schema: { body: jsonSchemaOf(deviceStatusRequestSchema), response: { 200: jsonSchemaOf(deviceStatusResponseSchema) } },
    // Ten crash reports at their bounds stay under this.
    bodyLimit: 64 * 1024,
    preHandler: auth,
    handler: async (request) => recordDeviceStatus(deps.storage.dashboard, deviceOf(request).id, deviceStatusRequestSchema.parse(request.body), deps.now()),
  });

  app.get(SYNC_PATHS.pull, {
    // The answer is assembled from stored JSON (pull-service.ts); its frame is declared here and
    // every entry is checked by the desk against the protocol's schema.
    schema: { querystring: jsonSchemaOf(pullQuerySchema), response: { 200: jsonSchemaOf(pullResponseFrameSchema) } },
    preHandler: auth,
    handler: async (request, reply) => {
      const query = pullQuerySchema.parse(request.query);
      const page = await pullPage(deps.storage, deviceOf(request), Number(query.after), query.limit ?? PULL_DEFAULT_LIMIT, query.own === '1', deps.now);
      return reply.type('application/json; charset=utf-8').send(page.json);
    },
  });

  app.post(SYNC_PATHS.unitMove, {
    schema: { body: jsonSchemaOf(unitMoveRequestSchema), response: { 200: jsonSchemaOf(unitMoveResponseSchema) } },
    preHandler: auth,
    handler: async (request) => {
      const device = deviceOf(request);
      await deps.catalogue.refresh();
      const moved = await moveDeviceUnit(deps.storage, device, unitMoveRequestSchema.parse(request.body), deps.now(), deps.catalogue.units());
      request.log.info({ deviceId: device.id, unitId: moved.unitId }, 'device moved to its unit’s successor');
      return moved;
    },
  });

  // What the centre holds the device to: a desk that crashed after the centre's yes to a move finishes it from this.
  app.get(SYNC_PATHS.unitMove, {
    schema: { response: { 200: jsonSchemaOf(unitBindingSchema) } },
    preHandler: auth,
    handler: async (request) => deviceUnitBinding(deps.storage, deviceOf(request)),
  });

  app.post(SYNC_PATHS.rekey, {
    schema: { body: jsonSchemaOf(rekeyRequestSchema), response: { 200: jsonSchemaOf(rekeyResponseSchema) } },
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    preHandler: auth,
    handler: async (request) => {
      const rekeyed = await rekeyDevice(deps.storage, bearerToken(request.headers.authorization)!, rekeyRequestSchema.parse(request.body), deps.now());
      request.log.info({ deviceId: rekeyed.deviceId, formerDeviceIds: rekeyed.formerDeviceIds }, 'restored desk re-keyed');
      return rekeyed;
    },
  });

  app.get(SYNC_PATHS.gaps, {
    schema: { response: { 200: jsonSchemaOf(gapsResponseSchema) } },
    preHandler: auth,
    handler: async (request): Promise<GapsResponse> => {
      const device = deviceOf(request);
      const progress = await deps.storage.deviceProgress(device.id);
      const missingRanges: [number, number][] = [];
      let expected = progress.contiguousThrough + 1;
      let after = progress.contiguousThrough;
      while (missingRanges.length < MAX_RANGES) {
        const held = await deps.storage.deviceSeqsAbove(device.id, after, 10_000);
        for (const seq of held) {
          if (seq > expected && missingRanges.length < MAX_RANGES) missingRanges.push([expected, seq - 1]);
          expected = seq + 1;
        }
        if (held.length < 10_000) break;
        after = held.at(-1)!;
      }
      const { epoch, restoredThrough } = await deps.storage.logEpoch();
      return { ...progress, missingRanges, logEpoch: epoch, restoredThrough };
    },
  });
}
