import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../support/entry-builds.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { FaultProxy } from './support/fault-proxy.js';
import { centreLog, deskEvents, duplicatesOf } from './support/inspect.js';
import { attachScan, sha256Of } from './support/scans.js';
import { enrollDesk, openSyncDesk, UNITS, type SyncDesk } from './support/sync-desk.js';

// The centre's own continuity: `centre backup` while it serves, more work synced after it, the centre
// stopped and restored from that backup (it has "forgotten" those events and a scan), and the desks,
// which still hold them, converge with it again: every event at the centre exactly once, the scan too,
// and events that take the forgotten sequence numbers still reach the desk that had pulled past them.

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const centreCli = (...args: string[]) => run(process.execPath, [...BUILT_ENTRY_EXEC_ARGV, builtEntry('centre'), ...args], { cwd: ROOT });

describe('a centre restored from its backup converges with its desks', { timeout: 180_000 }, () => {
  const centreDir = makeTempDir('centre-');
  const backupDir = makeTempDir('centre-backups-');
  let centre: CentreProcess;
  let proxy: FaultProxy;
  let deskA: SyncDesk;
  let deskB: SyncDesk;

  beforeAll(async () => {
    const codes = await prepareCentre(centreDir.path, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
    ]);
    centre = await startCentre({ dataDir: centreDir.path });
    // The desks know the centre by one address; the restarted centre is behind it.
    proxy = await new FaultProxy({ upstreamPort: centre.port }).listen();
    [deskA, deskB] = await Promise.all([openSyncDesk({ unit: 'hongGai', station: 1 }), openSyncDesk({ unit: 'hongGai', station: 2 })]);
    await enrollDesk(deskA, proxy.url, codes[0]!);
    await enrollDesk(deskB, proxy.url, codes[1]!);
  });

  afterAll(async () => {
    deskA?.dispose();
    deskB?.dispose();
    await proxy?.close();
    await centre?.stop();
    centreDir.remove();
    backupDir.remove();
  });

  const centreEventIds = () => centreLog(centreDir.path).filter((row) => row.kind === 'event');
  const localIds = (desk: SyncDesk) => deskEvents(desk).filter((row) => row.origin === 'local').map((row) => row.id);
  const syncBoth = async () => {
    for (let i = 0; i < 3; i += 1) {
      await deskA.syncNow();
      await deskB.syncNow();
    }
  };

  it('backs up while serving, restores, and the desks push and pull what the centre forgot, once', async () => {
    const first = await deskA.receiveDossier();
    await attachScan(deskA, first, 120_000);
    await syncBoth();
    const atBackup = centreEventIds().length;

    // The backup runs beside the serving centre, while a desk keeps pushing.
    const busy = deskA.receiveDossier().then(() => deskA.syncNow());
    const backup = await centreCli('backup', '--data-dir', centreDir.path, '--to', backupDir.path);
    await busy;
    const report = JSON.parse(backup.stdout) as { folder: string; database: { events: number }; scans: { copied: number } };
    expect(report.scans.copied).toBe(1);
    expect(report.database.events).toBeGreaterThanOrEqual(atBackup);
    expect(readdirSync(backupDir.path).filter((name) => name.startsWith('.'))).toEqual([]);

    // Work after the backup: a dossier with a scan from A, one from B; both desks pull everything.
    const late = await deskA.receiveDossier();
    const lateScan = await attachScan(deskA, late, 90_000);
    await deskB.receiveDossier();
    await syncBoth();
    const beforeRestore = centreEventIds();
    expect(beforeRestore.length).toBeGreaterThan(report.database.events);

    // The centre is lost; a new one comes up from the backup.
    await centre.stop();
    await centreCli('restore', '--data-dir', centreDir.path, '--from', report.folder);
    expect(centreEventIds().length).toBe(report.database.events);
    centre = await startCentre({ dataDir: centreDir.path });
    proxy.setUpstream(centre.port);

    // B works first after the restore: its new events take sequence numbers A had already pulled past.
    const afterRestore = await deskB.receiveDossier();
    await deskB.syncNow();
    await syncBoth();

    const rows = centreEventIds();
    expect(duplicatesOf(rows, (row) => row.id)).toEqual([]);
    expect(duplicatesOf(rows, (row) => `${row.deviceId}:${row.deviceSeq}`)).toEqual([]);
    const expected = new Set([...localIds(deskA), ...localIds(deskB)]);
    expect(new Set(rows.map((row) => row.id))).toEqual(expected);
    expect(rows.length).toBe(expected.size);
    // Every event before the restore is back.
    for (const row of beforeRestore) expect(expected.has(row.id)).toBe(true);
    // The scan sent after the backup is at the centre again, recorded and whole.
    const stored = join(centreDir.path, 'blobs', 'sha256', lateScan.slice(0, 2), lateScan);
    expect(existsSync(stored)).toBe(true);
    expect(sha256Of(readFileSync(stored))).toBe(lateScan);
    const head = await fetch(`${centre.url}/v1/blobs/${lateScan}`, { method: 'HEAD', headers: { authorization: `Bearer ${await deskA.token()}` } });
    expect(head.status).toBe(200);
    // Each desk holds every event of the other, including B's first one after the restore.
    const idsOf = (desk: SyncDesk) => new Set(deskEvents(desk).map((row) => row.id));
    expect(idsOf(deskA)).toEqual(expected);
    expect(idsOf(deskB)).toEqual(expected);
    expect(deskEvents(deskA).some((row) => row.dossierId === afterRestore)).toBe(true);
    expect((await deskA.call('sync.status', {})).pendingEvents).toBe(0);
  });
});
