import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../../shared/sync/protocol.js';
import { BlobStore } from '../../../electron/core/blobs/blob-store.js';
import { CalendarRepository } from '../../../electron/core/calendar/calendar-repository.js';
import { DeskEventBus } from '../../../electron/core/event-bus.js';
import { FileSecretStore } from '../../../electron/core/secrets/file-secret-store.js';
import { SettingsRepository } from '../../../electron/core/settings/settings-repository.js';
import { blobStoreLocator } from '../../../electron/core/sync/blob-store-locator.js';
import { SyncAgent, type SyncAgentOptions } from '../../../electron/core/sync/sync-agent.js';
import { startTestCentre, type TestCentre } from '../../server/support/test-centre.js';
import { attachScan } from '../support/scans.js';
import { enrollDesk, openSyncDesk, TEST_SYNC_OPTIONS, type SyncDesk } from '../support/sync-desk.js';

// What the agent asks of the centre: pull pages that grow while they arrive quickly, and small scans
// sent whole by PUT — by tus instead when the centre answers the PUT with 404 (an older centre).

interface Watched {
  agent: SyncAgent;
  requests: string[];
  pullLimits: number[];
}

/** The desk's own agent stopped, and one in its place whose every request is recorded. */
async function watchedAgent(desk: SyncDesk, options: Partial<SyncAgentOptions>, centreHasPut = true): Promise<Watched> {
  await desk.core.sync.stop();
  const requests: string[] = [];
  const pullLimits: number[] = [];
  const watching: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    requests.push(`${method} ${url.pathname}`);
    if (url.pathname === SYNC_PATHS.pull) pullLimits.push(Number(url.searchParams.get('limit')));
    if (method === 'PUT' && !centreHasPut) return Promise.resolve(Response.json({ error: { code: 'not_found', message: 'Không có địa chỉ này.' } }, { status: 404 }));
    return fetch(input, init);
  };
  const db = desk.core.db;
  const agent = new SyncAgent({
    db,
    events: new DeskEventBus(),
    settings: new SettingsRepository(db),
    calendar: new CalendarRepository(db),
    deviceId: desk.deviceId,
    now: Date.now,
    fetch: watching,
    secrets: new FileSecretStore(desk.dataDir),
    blobs: blobStoreLocator(new BlobStore(join(desk.dataDir, 'blobs'))),
    options: { ...TEST_SYNC_OPTIONS, ...options },
  });
  return { agent, requests, pullLimits };
}

describe('what the agent asks of the centre', () => {
  let centre: TestCentre;
  let source: SyncDesk;
  let target: SyncDesk;
  const code = async (station: number) =>
    ((await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station } })).body as { code: string }).code;

  beforeEach(async () => {
    centre = await startTestCentre();
    source = await openSyncDesk({ unit: 'hongGai', station: 1 });
    target = await openSyncDesk({ unit: 'hongGai', station: 2 });
  });
  afterEach(async () => {
    source.dispose();
    target.dispose();
    await centre.close();
  });

  it('pull pages double while they arrive quickly, up to pullLimitMax, and every event arrives once', async () => {
    await enrollDesk(source, centre.url, await code(1));
    for (let i = 0; i < 16; i += 1) await source.receiveDossier();
    expect(await source.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0 });

    const watched = await watchedAgent(target, { pullLimit: 2, pullLimitMax: 6 });
    await enrollDesk(target, centre.url, await code(2));
    const status = await watched.agent.syncNow(true);
    await watched.agent.stop();
    expect(status).toMatchObject({ state: 'idle', lastError: null });
    expect(watched.pullLimits.slice(0, 3)).toEqual([2, 4, 6]);
    expect(Math.max(...watched.pullLimits)).toBe(6);
    const remote = target.core.db.prepare("SELECT count(*) AS n, count(DISTINCT id) AS ids FROM events WHERE origin = 'remote'").get();
    expect(remote).toEqual({ n: 16, ids: 16 });
  });

  it('small scans go whole by PUT; after a 404 the round goes on by tus, and every scan arrives', async () => {
    await enrollDesk(source, centre.url, await code(1));
    const id = await source.receiveDossier();
    const first = await attachScan(source, id, 20_000);
    const second = await attachScan(source, id, 30_000);

    const old = await watchedAgent(source, { uploadConcurrency: 1 }, false);
    expect(await old.agent.syncNow(true)).toMatchObject({ state: 'idle', pendingScans: 0, lastError: null });
    await old.agent.stop();
    // One PUT refused as unknown, then tus for both (its creation request goes to the uploads path).
    expect(old.requests.filter((r) => r.startsWith('PUT '))).toHaveLength(1);
    expect(await centre.storage.missingBlobs([first, second])).toEqual([]);

    const third = await attachScan(source, id, 25_000);
    const current = await watchedAgent(source, { uploadConcurrency: 1 });
    expect(await current.agent.syncNow(true)).toMatchObject({ state: 'idle', pendingScans: 0, lastError: null });
    await current.agent.stop();
    expect(current.requests.filter((r) => r.startsWith('PUT '))).toEqual([`PUT ${SYNC_PATHS.blobPrefix}${third}`]);
    expect(await centre.storage.missingBlobs([third])).toEqual([]);
  });
});
