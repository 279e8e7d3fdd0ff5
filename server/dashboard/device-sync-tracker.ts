import type { FastifyInstance } from 'fastify';
import type { DashboardStore } from './dashboard-store.js';

// The dashboard shows when each desk last synced: any request a desk authenticates (push, pull, gaps,
// uploads) that succeeds. Recorded after the answer is sent, never delaying it, and at most once a
// minute per desk from this process — a pull loop must not turn into a write per page.

export const SYNC_NOTE_INTERVAL_MS = 60_000;

export function trackDeviceSyncs(app: FastifyInstance, store: DashboardStore, now: () => number): void {
  const written = new Map<string, number>();
  app.addHook('onResponse', async (request, reply) => {
    const device = request.device;
    if (device === null || reply.statusCode >= 400) return;
    // An update check is not a sync: a desk that can fetch its feed but not push must still look stale.
    if (request.routeOptions.url?.startsWith('/v1/updates/') === true) return;
    const at = now();
    const previous = written.get(device.id);
    if (previous !== undefined && at >= previous && at - previous < SYNC_NOTE_INTERVAL_MS) return;
    written.set(device.id, at);
    try {
      await store.noteDeviceSync(device.id, new Date(at).toISOString());
    } catch (error) {
      written.delete(device.id);
      request.log.warn({ deviceId: device.id, err: { name: (error as Error).name, message: (error as Error).message } }, 'dashboard: last sync not recorded');
    }
  });
}
