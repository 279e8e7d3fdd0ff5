import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/start-core.js';
import { BLOB_PUT_MAX_BYTES, blobPath } from '../../shared/sync/protocol.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../support/entry-builds.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { FaultProxy } from './support/fault-proxy.js';
import { centreLog, deskEvents, duplicatesOf, expectedIdsFor } from './support/inspect.js';
import { attachScan, fabricatedScan, sha256Of } from './support/scans.js';
import { converge, enrollDesk, openSyncDesk, UNITS, type SyncDesk } from './support/sync-desk.js';

// SIGKILL of the desk process, or of the centre process, at random moments during push, pull and
// upload, and of the centre at the one moment that used to lose a scan (its last byte on disk, not yet
// recorded): afterwards every event is at the centre exactly once, every desk holds exactly what it may
// see, device counters have no gap, and the scans arrived whole.

const ROOT = resolve(import.meta.dirname, '../..');
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Blob SHA-256s named by a desk's own attachment events. */
function scansOf(desk: SyncDesk): string[] {
  return desk.core.db
    .prepare<[], { sha: string }>("SELECT json_extract(payload, '$.blobSha256') AS sha FROM events WHERE type = 'attachment.added' AND origin = 'local'")
    .all()
    .map((row) => row.sha);
}

/** What a killed desk left unfinished (read from its database, and the centre's scans, after the kill). */
function whatWasInFlight(dataDir: string, centreDir: string): { unsentEvents: number; waitingScans: number; partialUploads: number; undeliveredScans: number } {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const attached = db
      .prepare<[], { sha: string }>("SELECT json_extract(payload, '$.blobSha256') AS sha FROM events WHERE type = 'attachment.added' AND origin = 'local'")
      .all();
    return {
      unsentEvents: one("SELECT count(*) AS n FROM events WHERE origin = 'local' AND pushed_at IS NULL"),
      waitingScans: one("SELECT count(*) AS n FROM sync_blobs WHERE state = 'waiting'"),
      partialUploads: one("SELECT count(*) AS n FROM sync_blobs WHERE state = 'waiting' AND upload_url IS NOT NULL"),
      // Scans the desk had attached that the centre did not hold whole when the desk died (the queue
      // row itself may not exist yet: the blob lane enqueues referenced scans when it runs).
      undeliveredScans: attached.filter(({ sha }) => !existsSync(join(centreDir, 'blobs', 'sha256', sha.slice(0, 2), sha))).length,
    };
  } finally {
    db.close();
  }
}

/** Asserts the invariants; returns what they covered (for the closing counts). */
function assertNothingLostOrDoubled(centreDir: string, desks: readonly SyncDesk[]): { events: number; scans: number } {
  const log = centreLog(centreDir);
  expect(duplicatesOf(log, (r) => r.id)).toEqual([]);
  for (const desk of desks) {
    const held = deskEvents(desk);
    expect(duplicatesOf(held, (r) => r.id)).toEqual([]);
    const local = held.filter((r) => r.origin === 'local');
    // The centre holds every event this desk made, once, with counters 1..n.
    const atCentre = log.filter((r) => r.deviceId === desk.deviceId);
    expect(new Set(atCentre.map((r) => r.id))).toEqual(new Set(local.map((r) => r.id)));
    expect(atCentre.map((r) => r.deviceSeq!).sort((a, b) => a - b)).toEqual(Array.from({ length: local.length }, (_, i) => i + 1));
    // And the desk holds exactly what its unit has at the centre.
    expect(new Set(held.map((r) => r.id))).toEqual(expectedIdsFor(desk, UNITS[desk.unit].unitGsoCode, log));
    expect(desk.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const sha of scansOf(desk)) {
      const stored = readFileSync(join(centreDir, 'blobs', 'sha256', sha.slice(0, 2), sha));
      expect(sha256Of(stored)).toBe(sha);
    }
  }
  return { events: log.filter((r) => r.kind === 'event').length, scans: desks.flatMap(scansOf).length };
}

/** One line per test: what was killed and what the checks covered (lost and duplicated are asserted 0). */
function report(what: string, kills: number, covered: { events: number; scans: number }): void {
  console.info(`${what}: ${kills} kills, ${covered.events} events, ${covered.scans} scans, 0 lost, 0 duplicated`);
}

describe('SIGKILL at random moments loses and duplicates nothing', () => {
  it('killing the desk process during push, pull and upload', async () => {
    const centreDir = makeTempDir('centre-');
    const deskDir = makeTempDir('desk-child-');
    cleanups.push(() => centreDir.remove(), () => deskDir.remove());
    const [childCode, peerCode] = await prepareCentre(centreDir.path, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
    ]);
    const centre = await startCentre({ dataDir: centreDir.path });
    cleanups.push(() => centre.stop());
    // A peer desk of the same unit keeps producing, so the killed desk is killed while pulling too.
    const peer = await openSyncDesk({ unit: 'hongGai', station: 2 });
    cleanups.push(() => peer.dispose());
    await enrollDesk(peer, centre.url, peerCode!);

    let dossiersSeen = 0;
    const inFlight: ReturnType<typeof whatWasInFlight>[] = [];
    for (let life = 0; life < 4; life += 1) {
      const child = spawn(process.execPath, [...BUILT_ENTRY_EXEC_ARGV, builtEntry('desk-child')], {
        cwd: ROOT,
        env: { ...process.env, DESK_DATA_DIR: deskDir.path, DESK_UNIT: 'hongGai', DESK_STATION: '1', CENTRE_URL: centre.url, ENROLL_CODE: childCode! },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const lines = createInterface({ input: child.stdout! });
      const target = between(3, 12);
      let made = 0;
      let nextScan: (() => void) | null = null;
      const died = (code: number | null) => new Error(`desk child exited (${code}) before its kill: ${stderr}`);
      await new Promise<void>((ready, failed) => {
        child.once('exit', (code) => failed(died(code)));
        lines.on('line', (line) => {
          if (line.startsWith('dossier ')) made += 1;
          if (line.startsWith('scan ')) nextScan?.();
          if (made >= target) ready();
        });
      });
      // Peer work to pull, then the kill a random moment later — mid push, pull or upload.
      await peer.receiveDossier();
      void peer.syncNow();
      if (life % 2 === 1) {
        // Every other life aims at the scans: the kill comes just after one joins the upload queue, while
        // it waits or is on its way (uploads are quick on loopback, so a random moment mostly misses them).
        await new Promise<void>((ready, failed) => {
          nextScan = ready;
          child.once('exit', (code) => failed(died(code)));
        });
        await pause(between(0, 5));
      } else {
        await pause(between(0, 250));
      }
      child.kill('SIGKILL');
      await exited;
      dossiersSeen += made;
      inFlight.push(whatWasInFlight(deskDir.path, centreDir.path));
    }
    console.info('desk killed with, per life:', JSON.stringify(inFlight));
    expect(dossiersSeen).toBeGreaterThan(10);
    // The kills did land mid-sync: with events unsent and, at least once, a scan not yet (wholly) at the centre.
    expect(inFlight.some((f) => f.unsentEvents > 0)).toBe(true);
    expect(inFlight.some((f) => f.undeliveredScans > 0 || f.partialUploads > 0 || f.waitingScans > 0)).toBe(true);

    const desk = await openSyncDesk({ unit: 'hongGai', station: 1, dataDir: deskDir.path });
    cleanups.push(() => desk.close());
    await converge([desk, peer]);
    report('desk killed', inFlight.length, assertNothingLostOrDoubled(centreDir.path, [desk, peer]));
    expect(scansOf(desk).length).toBeGreaterThan(2);
  });

  it('killing the centre process during push, pull and upload', async () => {
    const centreDir = makeTempDir('centre-');
    cleanups.push(() => centreDir.remove());
    const codes = await prepareCentre(centreDir.path, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
      { unitGsoCode: UNITS.haKhanh.unitGsoCode, station: 1 },
    ]);
    let centre: CentreProcess = await startCentre({ dataDir: centreDir.path });
    cleanups.push(() => centre.stop());
    // Desks reach the centre through a proxy with a fixed address; only the proxy follows restarts.
    const proxy = await new FaultProxy({ upstreamPort: centre.port }).listen();
    cleanups.push(() => proxy.close());
    const desks = await Promise.all([
      openSyncDesk({ unit: 'hongGai', station: 1, syncOptions: { pushBatch: 20, pullLimit: 20, pullLimitMax: 20 } }),
      openSyncDesk({ unit: 'hongGai', station: 2, syncOptions: { pushBatch: 20, pullLimit: 20, pullLimitMax: 20 } }),
      openSyncDesk({ unit: 'haKhanh', station: 1, syncOptions: { pushBatch: 20, pullLimit: 20, pullLimitMax: 20 } }),
    ]);
    cleanups.push(() => desks.forEach((d) => d.dispose()));
    for (const [i, desk] of desks.entries()) await enrollDesk(desk, proxy.url, codes[i]!);

    let working = true;
    const work = Promise.all(
      desks.map(async (desk, i) => {
        for (let n = 0; working; n += 1) {
          const id = await desk.receiveDossier();
          if (n % 5 === 2 && i < 2) await attachScan(desk, id, 2_000_000 + n);
          await desk.call('dossiers.addNote', { dossierId: id, text: `Ghi chú ${n}` });
          await desk.raw('sync.now', {});
          await pause(20);
        }
      }),
    );
    for (let kill = 0; kill < 4; kill += 1) {
      await pause(between(300, 900));
      await centre.kill();
      await pause(between(0, 200));
      centre = await startCentre({ dataDir: centreDir.path });
      proxy.setUpstream(centre.port);
    }
    working = false;
    await work;

    await converge(desks);
    report('centre killed', 4, assertNothingLostOrDoubled(centreDir.path, desks));
    expect(desks.flatMap(scansOf).length).toBeGreaterThan(2);
  });
});

describe('the centre killed at the very end of a scan upload', () => {
  const MB = 1024 * 1024;

  /**
   * A desk whose scan (sent by tus: larger than one PUT) is in flight when the centre kills itself with
   * its last byte on disk and no blob row written (the test hook of server/cli.ts). Returns with the
   * centre dead and the upload folder as it left it.
   */
  async function scanCutAtItsLastByte() {
    const centreDir = makeTempDir('centre-');
    cleanups.push(() => centreDir.remove());
    const [code] = await prepareCentre(centreDir.path, [{ unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 }]);
    const dying = await startCentre({ dataDir: centreDir.path, env: { CENTRE_TEST_DIE_AFTER_UPLOAD_WRITTEN: '1' } });
    cleanups.push(() => dying.stop());
    // The desk keeps one address while the centre behind it restarts.
    const proxy = await new FaultProxy({ upstreamPort: dying.port }).listen();
    cleanups.push(() => proxy.close());
    const desk = await openSyncDesk({ unit: 'hongGai', station: 1 });
    cleanups.push(() => desk.dispose());
    await enrollDesk(desk, proxy.url, code!);
    const dossierId = await desk.receiveDossier();
    const scan = await fabricatedScan(2 * MB);
    expect(scan.length).toBeGreaterThan(BLOB_PUT_MAX_BYTES);
    const sha = await attachScan(desk, dossierId, scan.length, scan);

    const cut = await desk.syncNow();
    await dying.exited;
    expect(dying.child.signalCode).toBe('SIGKILL');
    expect(cut.pendingScans).toBe(1);
    // The kill landed where it should: the whole scan in the upload folder, nothing in the store.
    const uploads = join(centreDir.path, 'blobs', 'uploads');
    const complete = readdirSync(uploads).filter((name) => !name.endsWith('.json') && statSync(join(uploads, name)).size === scan.length);
    expect(complete).toHaveLength(1);
    expect(existsSync(storedPath(centreDir.path, sha))).toBe(false);
    return { centreDir: centreDir.path, uploads, proxy, desk, sha };
  }

  const storedPath = (centreDir: string, sha: string) => join(centreDir, 'blobs', 'sha256', sha.slice(0, 2), sha);

  async function expectConfirmedAtCentre(centre: CentreProcess, centreDir: string, desk: SyncDesk, sha: string): Promise<void> {
    await converge([desk]);
    expect(await desk.call('sync.status', {})).toMatchObject({ state: 'idle', pendingScans: 0, pendingEvents: 0 });
    expect(desk.core.db.prepare('SELECT state FROM sync_blobs WHERE sha256 = ?').get(sha)).toEqual({ state: 'uploaded' });
    const token = (await desk.token());
    expect((await fetch(`${centre.url}${blobPath(sha)}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(sha256Of(readFileSync(storedPath(centreDir, sha)))).toBe(sha);
    report('centre killed at the end of an upload', 1, assertNothingLostOrDoubled(centreDir, [desk]));
  }

  it('the restarted centre adopts the complete upload it finds, and the desk ends with the scan confirmed', async () => {
    const { centreDir, uploads, proxy, desk, sha } = await scanCutAtItsLastByte();
    const centre = await startCentre({ dataDir: centreDir });
    cleanups.push(() => centre.stop());
    proxy.setUpstream(centre.port);
    // Adopted before the centre answered anything: the upload folder is empty again.
    expect(readdirSync(uploads)).toEqual([]);
    expect(existsSync(storedPath(centreDir, sha))).toBe(true);
    await expectConfirmedAtCentre(centre, centreDir, desk, sha);
  });

  it('a desk told by tus that its upload is complete counts the scan only once the centre holds it', async () => {
    const { centreDir, uploads, proxy, desk, sha } = await scanCutAtItsLastByte();
    // The running centre holds a complete upload it never took in — as when another centre process on
    // the same folder (PostgreSQL, several processes) died at the end of it: kept aside during the
    // start, put back after. Resuming, the desk hears "complete" from tus; the centre lacks the scan.
    const aside = join(centreDir, 'aside');
    mkdirSync(aside);
    for (const name of readdirSync(uploads)) renameSync(join(uploads, name), join(aside, name));
    const centre = await startCentre({ dataDir: centreDir });
    cleanups.push(() => centre.stop());
    for (const name of readdirSync(aside)) renameSync(join(aside, name), join(uploads, name));
    proxy.setUpstream(centre.port);
    await expectConfirmedAtCentre(centre, centreDir, desk, sha);
  });
});
