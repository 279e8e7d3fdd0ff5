import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../shared/sync/protocol.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { FaultProxy } from './support/fault-proxy.js';
import { attachScan, fabricatedScan, sha256Of } from './support/scans.js';
import { enrollDesk, openSyncDesk, UNITS, type SyncDesk } from './support/sync-desk.js';

// A replaced PC gets its ward back: desk A scans papers and syncs; a new desk B of the same unit pulls
// the events and then the scans, byte for byte, resuming one the line cut mid-download; a desk with a
// small bound on disk use stops at it and says so, yet a scan opened first is fetched at once; a
// device of another unit is refused the scans.

const MB = 1024 * 1024;

describe('a replaced desk fetches its unit’s scans from the centre', { timeout: 120_000 }, () => {
  const centreDir = makeTempDir('centre-');
  let centre: CentreProcess;
  let proxy: FaultProxy;
  let deskA: SyncDesk;
  const opened: SyncDesk[] = [];
  let codes: string[];
  const scans: { sha: string; bytes: Buffer }[] = [];

  const blobFile = (desk: SyncDesk, sha: string) => join(desk.dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);

  beforeAll(async () => {
    codes = await prepareCentre(centreDir.path, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 3 },
      { unitGsoCode: UNITS.haKhanh.unitGsoCode, station: 1 },
    ]);
    centre = await startCentre({ dataDir: centreDir.path });
    // One cut, mid-way through the first scan download that passes the proxy; every other request passes.
    let draws = 0;
    proxy = await new FaultProxy({
      upstreamPort: centre.port,
      rates: { cut: 0.5 },
      only: /^GET \/v1\/blobs\/[0-9a-f]{64}/,
      cutAfterBytes: [MB, MB + 1],
      random: () => (draws++ < 2 ? 0 : 0.99),
    }).listen();
    deskA = await openSyncDesk({ unit: 'hongGai', station: 1 });
    opened.push(deskA);
    await enrollDesk(deskA, centre.url, codes[0]!);
    // Oldest first: the 3 MB scan is the most recent, so it is fetched first.
    for (const size of [150_000, 400_000, 3 * MB]) {
      const bytes = await fabricatedScan(size);
      const dossier = await deskA.receiveDossier();
      scans.push({ sha: await attachScan(deskA, dossier, bytes.length, bytes), bytes });
    }
    let status = await deskA.syncNow();
    for (let i = 0; i < 10 && (status.pendingScans ?? 0) > 0; i += 1) status = await deskA.syncNow();
    expect(status).toMatchObject({ pendingEvents: 0, pendingScans: 0 });
  });

  afterAll(async () => {
    for (const desk of opened) desk.dispose();
    await proxy?.close();
    await centre?.stop();
    centreDir.remove();
  });

  it('a new desk of the unit gets every scan, bytes identical, resuming the one cut mid-way', async () => {
    const deskB = await openSyncDesk({ unit: 'hongGai', station: 2 });
    opened.push(deskB);
    await enrollDesk(deskB, proxy.url, codes[1]!);
    await deskB.syncNow();
    await deskB.core.sync.scansSettled();
    for (const scan of scans) {
      expect(existsSync(blobFile(deskB, scan.sha))).toBe(true);
      expect(readFileSync(blobFile(deskB, scan.sha)).equals(scan.bytes)).toBe(true);
    }
    expect(proxy.counters.cut).toBe(1);
    // Resumed from the bytes on disk, not started over: about the scans' own size came down.
    const total = scans.reduce((sum, scan) => sum + scan.bytes.length, 0);
    expect(proxy.counters.bytesDown).toBeLessThan(total * 1.2);
    expect((await deskB.call('sync.status', {})).scanDownloadWarning ?? null).toBeNull();
  });

  it('stops at the bound on disk use and says so; a scan opened before its turn is fetched at once', async () => {
    const deskC = await openSyncDesk({ unit: 'hongGai', station: 3 });
    opened.push(deskC);
    // Room for the newest scan only.
    deskC.core.sync.setScanDownloadLimit(scans[2]!.bytes.length + 1_000);
    await enrollDesk(deskC, centre.url, codes[2]!);
    await deskC.syncNow();
    await deskC.core.sync.scansSettled();
    expect(existsSync(blobFile(deskC, scans[2]!.sha))).toBe(true);
    expect(existsSync(blobFile(deskC, scans[1]!.sha))).toBe(false);
    expect(existsSync(blobFile(deskC, scans[0]!.sha))).toBe(false);
    const status = await deskC.call('sync.status', {});
    expect(status.scanDownloadWarning).toContain('Đã dừng tải bản quét');

    // The officer opens the oldest scan (the viewer's command): fetched now, verified, in the store.
    expect(await deskC.call('sync.fetchScan', { sha256: scans[0]!.sha })).toEqual({ fetched: true });
    expect(sha256Of(readFileSync(blobFile(deskC, scans[0]!.sha)))).toBe(scans[0]!.sha);
    expect(existsSync(blobFile(deskC, scans[1]!.sha))).toBe(false);
  });

  it('a device of another unit is refused, by code', async () => {
    const other = await openSyncDesk({ unit: 'haKhanh', station: 1 });
    opened.push(other);
    await enrollDesk(other, centre.url, codes[3]!);
    await other.syncNow();
    await other.core.sync.scansSettled();
    expect(existsSync(blobFile(other, scans[0]!.sha))).toBe(false);
    const answer = await fetch(`${centre.url}${blobPath(scans[0]!.sha)}`, { headers: { authorization: `Bearer ${await other.token()}` } });
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect(await other.core.sync.fetchScanNow(scans[0]!.sha)).toBe(false);
  });
});
