import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../shared/sync/protocol.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { FaultProxy } from './support/fault-proxy.js';
import { centreLog } from './support/inspect.js';
import { attachScan, fabricatedScan, sha256Of } from './support/scans.js';
import { enrollDesk, openSyncDesk, UNITS, type SyncDesk } from './support/sync-desk.js';

// Scans go by tus: an upload cut every few MB resumes from the centre's offset and completes with its
// checksum intact, costing little more than the file itself; the same bytes are stored once.

const MB = 1024 * 1024;

describe('scan uploads over a link that keeps dropping', () => {
  const centreDir = makeTempDir('centre-');
  let centre: CentreProcess;
  let proxy: FaultProxy;
  let desk: SyncDesk;
  let other: SyncDesk;

  beforeAll(async () => {
    const codes = await prepareCentre(centreDir.path, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
    ]);
    centre = await startCentre({ dataDir: centreDir.path });
    proxy = await new FaultProxy({ upstreamPort: centre.port, dropEveryBytes: 3 * MB }).listen();
    [desk, other] = await Promise.all([openSyncDesk({ unit: 'hongGai', station: 1 }), openSyncDesk({ unit: 'hongGai', station: 2 })]);
    await enrollDesk(desk, proxy.url, codes[0]!);
    await enrollDesk(other, proxy.url, codes[1]!);
  });

  afterAll(async () => {
    desk?.dispose();
    other?.dispose();
    await proxy?.close();
    await centre?.stop();
    centreDir.remove();
  });

  it('a 12 MB scan cut every 3 MB completes, checksum intact, for about its own size in bytes', async () => {
    const id = await desk.receiveDossier();
    const bytes = await fabricatedScan(12 * MB);
    const sha = await attachScan(desk, id, bytes.length, bytes);
    const before = proxy.counters.bytesUp;
    let status = await desk.syncNow();
    for (let i = 0; i < 20 && (status.pendingScans ?? 0) > 0; i += 1) status = await desk.syncNow();
    const sent = proxy.counters.bytesUp - before;

    expect(status).toMatchObject({ pendingScans: 0, pendingEvents: 0 });
    expect(proxy.counters.linkDrops).toBeGreaterThanOrEqual(3);
    const stored = readFileSync(join(centreDir.path, 'blobs', 'sha256', sha.slice(0, 2), sha));
    expect(stored.length).toBe(bytes.length);
    expect(sha256Of(stored)).toBe(sha);
    // Resumed from the centre's offset each time, not started over.
    expect(sent).toBeLessThan(bytes.length * 1.25);
    console.info(`12 MB scan, link dropped every 3 MB: ${(sent / MB).toFixed(2)} MB sent (${(sent / bytes.length).toFixed(3)}× the file)`);

    // The attachment event reached the other desk, and the centre tells it the blob is there.
    const token = (await desk.token());
    expect((await fetch(`${centre.url}${blobPath(sha)}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('the same bytes from another desk are not sent again: stored once', async () => {
    const id = await other.receiveDossier();
    const bytes = await fabricatedScan(2 * MB);
    const first = await attachScan(desk, await desk.receiveDossier(), bytes.length, bytes);
    await desk.syncNow();
    const before = proxy.counters.bytesUp;
    const second = await attachScan(other, id, bytes.length, bytes);
    expect(second).toBe(first);
    const status = await other.syncNow();
    expect(status.pendingScans).toBe(0);
    expect(proxy.counters.bytesUp - before).toBeLessThan(200_000);
    expect(centreLog(centreDir.path).filter((r) => r.kind === 'event').length).toBeGreaterThan(0);
  });

  it('a scan named here but stored on another desk is settled by the centre having it', async () => {
    const elsewhere = await attachScan(desk, await desk.receiveDossier(), 300_000);
    await desk.syncNow();
    // The other desk knows the scan only by name (say, a reused paper): it has no file to send.
    other.core.db.prepare("INSERT INTO sync_blobs (sha256, state, queued_at) VALUES (?, 'waiting', ?)").run(elsewhere, new Date().toISOString());
    expect((await other.call('sync.status', {})).pendingScans).toBe(1);
    expect((await other.syncNow()).pendingScans).toBe(0);
  });

  it('an event may reach the centre before the scan it names', async () => {
    // Every upload request stalls; events still go. The scan follows once the line is better.
    const id = await desk.receiveDossier();
    const bytes = await fabricatedScan(1 * MB);
    const sha = await attachScan(desk, id, bytes.length, bytes);
    expect((await desk.call('sync.status', {})).pendingScans).toBe(1);
    proxy.setRates({ stall: 1 }, /\/v1\/blobs\//);
    const stuck = await desk.syncNow();
    expect(stuck).toMatchObject({ pendingEvents: 0, pendingScans: 1, state: 'offline' });
    const token = (await desk.token());
    const head = () => fetch(`${centre.url}${blobPath(sha)}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    const attachmentEvents = centreLog(centreDir.path).filter((r) => r.dossierId === id);
    expect(attachmentEvents.length).toBe(2); // received + attachment.added, at the centre already
    expect((await head()).status).toBe(404);

    proxy.setRates('none');
    let status = await desk.call('sync.status', {});
    for (let i = 0; i < 10 && (status.pendingScans ?? 0) > 0; i += 1) status = await desk.syncNow();
    expect((await head()).status).toBe(200);
  });
});
