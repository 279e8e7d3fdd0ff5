import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { CentreBlobStore } from './blobs/blob-store.js';
import { logStartSweep, startUploadSweeps, sweepUploads } from './blobs/upload-recovery.js';
import { CentreCatalogue } from './catalogue/centre-catalogue.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import { trackDeviceSyncs } from './dashboard/device-sync-tracker.js';
import { EnrollmentService } from './enrollment/enrollment-service.js';
import { CentreHttpError } from './http/centre-error.js';
import { httpsServerFactory, type CentreTls } from './http/centre-tls.js';
import { AJV_OPTIONS, requireRouteSchemas } from './http/json-schema.js';
import { persistentRateLimitStore } from './http/rate-limit-store.js';
import { centreLoggerOptions } from './http/logging.js';
import { adminRoutes } from './routes/admin-routes.js';
import { blobRoutes } from './routes/blob-routes.js';
import type { CentreDeps, CentreTestHooks } from './routes/deps.js';
import { enrollRoutes } from './routes/enroll-routes.js';
import { lookupPageRoutes } from './routes/lookup-page-routes.js';
import { publicRoutes } from './routes/public-routes.js';
import { staffRoutes } from './routes/staff-routes.js';
import { syncRoutes } from './routes/sync-routes.js';
import { updateRoutes } from './routes/update-routes.js';
import { StaffService } from './staff/staff-service.js';
import type { CentreStorage } from './storage/storage.js';
import { UpdateReleases } from './updates/update-releases.js';

// The city centre's HTTP API (DESIGN.md, "The centre"): enrollment, sync push/pull, resumable scan
// uploads, centre staff's dossier actions, administration, the public status lookup and the city
// dashboard for centre staff (server/dashboard/).

export interface CentreOptions {
  storage: CentreStorage;
  /** Where scans are kept (uploads in progress and the content-addressed store). */
  blobDir: string;
  /** Fastify logger options (see http/logging.ts), or false for none. */
  logger?: FastifyServerOptions['logger'];
  now?: () => number;
  /** Public lookups per minute per address (default 60). */
  lookupPerMinute?: number;
  /** Serve HTTPS with this certificate (http/centre-tls.ts); without it, plain HTTP (loopback or behind a proxy). */
  tls?: CentreTls;
  /**
   * The TLS-terminating proxies in front of the centre (addresses, CIDR ranges, or proxy-addr's
   * 'loopback'): only a request arriving from one of them has its X-Forwarded-Proto/-For/-Host believed.
   */
  trustProxy?: readonly string[];
  /** Tests only (routes/deps.ts); absent in production. */
  testHooks?: CentreTestHooks;
  /** The desks' update feed (updates/update-releases.ts); without it the centre serves no updates. */
  updatesDir?: string;
}

export interface Centre {
  app: FastifyInstance;
  deps: CentreDeps;
}

function isValidationError(error: FastifyError): boolean {
  return Array.isArray(error.validation);
}

export async function createCentre(options: CentreOptions): Promise<Centre> {
  const now = options.now ?? Date.now;
  const catalogue = new CentreCatalogue(options.storage);
  const deps: CentreDeps = {
    storage: options.storage,
    blobs: new CentreBlobStore(options.blobDir, options.storage, now),
    enrollment: new EnrollmentService(options.storage, now, catalogue),
    staff: new StaffService(options.storage, now),
    catalogue,
    now,
    lookupPerMinute: options.lookupPerMinute ?? 60,
    testHooks: options.testHooks ?? {},
  };
  // Before any request: what a crash left of scan uploads — single-request ones, tus uploads complete
  // on disk but never adopted, and partial ones abandoned long ago.
  await deps.blobs.sweepAbandonedPuts();
  const recovered = await sweepUploads(deps.blobs, { now: now(), completeAgeMs: 0 });

  const app = Fastify({
    logger: options.logger ?? centreLoggerOptions(),
    ajv: { customOptions: AJV_OPTIONS },
    // By default no forwarding header is believed (anyone could send one) and rate limits key on the
    // socket's address. Behind a proxy, only the listed proxies' headers count: request.protocol is then
    // the citizen's browser's real scheme (the dashboard's Secure cookie) and request.ip the real client.
    trustProxy: options.trustProxy === undefined || options.trustProxy.length === 0 ? false : [...options.trustProxy],
    ...(options.tls === undefined ? {} : { serverFactory: httpsServerFactory(options.tls) }),
    // Long enough for a 20 MB scan on a ward's 1 Mbit/s line; tus resumes anything cut short.
    requestTimeout: 600_000,
  });
  requireRouteSchemas(app);
  logStartSweep(recovered, app.log);
  const stopSweeps = startUploadSweeps(deps.blobs, now, app.log);
  app.addHook('onClose', async () => stopSweeps());
  app.decorateRequest('device', null);
  app.decorateRequest('staff', null);

  await app.register(rateLimit, {
    global: false,
    // In the database, not this process's memory: a limit survives a restart and holds across centres.
    store: persistentRateLimitStore(options.storage, now),
    errorResponseBuilder: (_request, context) =>
      new CentreHttpError(429, 'rate_limited', `Quá nhiều yêu cầu; hãy thử lại sau ${Math.ceil(context.ttl / 1000)} giây.`),
  });

  app.setErrorHandler((error: FastifyError | CentreHttpError, request, reply) => {
    if (error instanceof CentreHttpError) return reply.status(error.statusCode).send(error.body());
    if (isValidationError(error)) {
      return reply.status(400).send({ error: { code: 'invalid_request', message: `Yêu cầu không đúng định dạng: ${error.message}` } });
    }
    if (error.name === 'ZodError') {
      return reply.status(400).send({ error: { code: 'invalid_request', message: 'Yêu cầu không đúng định dạng.' } });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'invalid_request', message: 'Yêu cầu không hợp lệ.' } });
    }
    // Only the error: the request body may hold citizens' personal data.
    request.log.error({ err: { name: error.name, message: error.message, stack: error.stack } }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'Lỗi máy chủ trung tâm; dữ liệu không bị thay đổi, hãy thử lại.' } });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: { code: 'not_found', message: 'Không có địa chỉ này.' } }));

  // Before the device routes, so every desk's successful request counts as its last sync.
  trackDeviceSyncs(app, deps.storage.dashboard, now);
  enrollRoutes(app, deps);
  syncRoutes(app, deps);
  blobRoutes(app, deps);
  if (options.updatesDir !== undefined) updateRoutes(app, deps, new UpdateReleases(options.updatesDir, now));
  staffRoutes(app, deps);
  adminRoutes(app, deps);
  publicRoutes(app, deps);
  await app.register(lookupPageRoutes, { deps });
  await dashboardRoutes(app, deps);
  return { app, deps };
}
