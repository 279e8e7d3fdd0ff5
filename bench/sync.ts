// Sync between a desk and the centre on loopback, at a ward's scale, side by side with PouchDB
// replicating the same documents to express-pouchdb (when those packages are installed). Not a test:
// numbers only. The centre runs as its own process (`node` on its build), as in production.
//   npm run bench:sync                  (EVENTS=20000 npm run bench:sync for a quicker look;
//                                        ONLY=push-pull or ONLY=catch-up for one part, RUNS=1 for one run)
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandName } from '../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../shared/contract/commands.js';
import type { DossierEvent } from '../shared/domain/dossier/events.js';
import { dispatch } from '../electron/core/dispatch.js';
import { eventFromRow } from '../electron/core/dossiers/event-log-repository.js';
import { DATABASE_FILE, startCore, type DeskCore } from '../electron/core/start-core.js';
import { prepareCentre, startCentre, type CentreProcess } from '../tests/sync/support/centre-process.js';
import { FaultProxy } from '../tests/sync/support/fault-proxy.js';
import { fabricatedScan } from '../tests/sync/support/scans.js';
import { seedDossiers } from './support/seed-desk.js';
import { summarise } from './support/stats.js';

const EVENTS = Number(process.env.EVENTS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);
const DATA = resolve(import.meta.dirname, '.data', 'sync');
const UNIT = { unitGsoCode: '06691', agencyId: '000.15.20.H49' } as const;
const SUPERVISOR = { username: 'bench', fullName: 'Bench Supervisor', password: 'bench-password' };
const EVENTS_PER_DOSSIER = 4.64; // what seedDossiers produces on average

interface BenchDesk {
  core: DeskCore;
  dataDir: string;
  deviceId: string;
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>>;
}

async function openDesk(dataDir: string, station: number, initialise: boolean): Promise<BenchDesk> {
  const core = startCore({ appName: 'bench', version: '0', dataDir }, { syncOptions: { periodMs: 3_600_000, debounceMs: 3_600_000 } });
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => {
    const envelope = await dispatch(core.handlers, name, args, { transport: 'in-process' });
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as CommandResult<N>;
  };
  if (initialise) await call('setup.initialise', { ...UNIT, station, supervisor: SUPERVISOR });
  else await call('auth.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password });
  const info = await call('app.info', {});
  return { core, dataDir, deviceId: info.desk.deviceId, call };
}

/**
 * A desk holding about `events` events of its own, never pushed (seeded through the real log and
 * fold). Short histories have fewer events per dossier (recent ones are still open): one re-seed with
 * the measured ratio lands within a few per cent of the target.
 */
async function seededDesk(dir: string, station: number, events: number, lastDay: string, ratio = EVENTS_PER_DOSSIER, attempt = 0): Promise<BenchDesk> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const desk = await openDesk(dir, station, true);
  const info = await desk.call('app.info', {});
  const setup = await desk.call('auth.session', {});
  const dossiers = Math.round(events / ratio);
  const seeded = seedDossiers(desk.core.db, {
    dossiers,
    lastDay,
    agencyId: UNIT.agencyId,
    unit: info.unit!,
    officerId: setup.officer!.id,
    deviceId: desk.deviceId,
    station,
  });
  if (Math.abs(seeded.events - events) / events > 0.05 && attempt < 4) {
    desk.core.close();
    // Move halfway towards the measured ratio: a longer history has more finished dossiers.
    return seededDesk(dir, station, events, lastDay, (ratio + seeded.events / dossiers) / 2, attempt + 1);
  }
  return desk;
}

/** Copies a closed desk's database into a fresh folder (so each run starts from the same state). */
function cloneDesk(fromDir: string, toDir: string): void {
  rmSync(toDir, { recursive: true, force: true });
  mkdirSync(toDir, { recursive: true });
  copyFileSync(join(fromDir, DATABASE_FILE), join(toDir, DATABASE_FILE));
}

async function freshCentre(name: string, codes: number): Promise<{ centre: CentreProcess; codes: string[]; dir: string }> {
  const dir = join(DATA, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const issued = await prepareCentre(
    dir,
    Array.from({ length: codes }, (_, i) => ({ unitGsoCode: UNIT.unitGsoCode, station: i + 1 })),
  );
  return { centre: await startCentre({ dataDir: dir, extraArgs: ['--log-level', 'warn'] }), codes: issued, dir };
}

const enroll = (desk: BenchDesk, url: string, code: string) => desk.call('sync.enroll', { centreUrl: url, code, deviceName: `bench ${desk.deviceId.slice(0, 6)}` });
const countEvents = (desk: BenchDesk) => (desk.core.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

function line(label: string, samples: number[], unit: string, target?: { value: number; better: 'higher' | 'lower' }): string {
  const { median, p95, n } = summarise(samples);
  const verdict =
    target === undefined ? '' : (target.better === 'higher' ? median >= target.value : median < target.value) ? `  ✓ target ${target.better === 'higher' ? '≥' : '<'} ${target.value.toLocaleString('en')}` : `  ✗ target ${target.better === 'higher' ? '≥' : '<'} ${target.value.toLocaleString('en')}`;
  return `${label.padEnd(44)} median ${median.toFixed(0).padStart(8)} ${unit}   p95 ${p95.toFixed(0).padStart(8)} ${unit}   (n=${n})${verdict}`;
}

async function benchPushPull(rows: string[]): Promise<DossierEvent[]> {
  const template = join(DATA, `desk-a-template-${EVENTS}`);
  if (!existsSync(join(template, DATABASE_FILE)) || process.env.RESEED === '1') {
    console.log(`Seeding a desk with about ${EVENTS.toLocaleString('en')} events …`);
    const seeded = await seededDesk(template, 1, EVENTS, '2026-11-27');
    seeded.core.db.pragma('wal_checkpoint(TRUNCATE)');
    seeded.core.close();
  }
  const pushRates: number[] = [];
  const pullRates: number[] = [];
  let events: DossierEvent[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { centre, codes } = await freshCentre('centre-100k', 2);
    try {
      cloneDesk(template, join(DATA, 'desk-a'));
      const a = await openDesk(join(DATA, 'desk-a'), 1, false);
      const total = countEvents(a);
      await enroll(a, centre.url, codes[0]!);
      let started = performance.now();
      const pushed = await a.core.sync.syncNow(true);
      const pushSeconds = (performance.now() - started) / 1000;
      if (pushed.pendingEvents !== 0 || pushed.state !== 'idle') throw new Error(`push did not finish: ${JSON.stringify(pushed)}`);
      pushRates.push(total / pushSeconds);
      if (run === 0) events = a.core.db.prepare('SELECT id, dossier_id, type, payload, officer_id, device_id, device_seq, hlc, occurred_at FROM events').all().map((r) => eventFromRow(r as never));
      a.core.close();

      const bDir = join(DATA, 'desk-b');
      rmSync(bDir, { recursive: true, force: true });
      const b = await openDesk(bDir, 2, true);
      await enroll(b, centre.url, codes[1]!);
      started = performance.now();
      const pulled = await b.core.sync.syncNow(true);
      const pullSeconds = (performance.now() - started) / 1000;
      const received = countEvents(b);
      if (received !== total || pulled.state !== 'idle') throw new Error(`pull got ${received} of ${total}: ${JSON.stringify(pulled)}`);
      pullRates.push(total / pullSeconds);
      b.core.close();
      console.log(`  run ${run + 1}: push ${total.toLocaleString('en')} events in ${pushSeconds.toFixed(2)} s, pull in ${pullSeconds.toFixed(2)} s`);
    } finally {
      await centre.stop();
    }
  }
  rows.push(line(`desk → centre push (${(events.length / 1000).toFixed(0)}k events)`, pushRates, 'ev/s', { value: 10_000, better: 'higher' }));
  rows.push(line(`centre → desk pull (${(events.length / 1000).toFixed(0)}k events)`, pullRates, 'ev/s', { value: 20_000, better: 'higher' }));
  return events;
}

interface PouchLike {
  bulkDocs(docs: unknown[]): Promise<unknown>;
  replicate: { to(target: string, options?: unknown): Promise<unknown>; from(source: string, options?: unknown): Promise<unknown> };
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
}
type PouchCtor = (new (name: string, options?: unknown) => PouchLike) & { defaults(options: unknown): unknown };

/** PouchDB → express-pouchdb replication of the same documents, if both packages are installed. */
async function benchPouch(events: readonly DossierEvent[], rows: string[]): Promise<void> {
  const load = async (name: string): Promise<unknown> => {
    try {
      return ((await import(name)) as { default: unknown }).default;
    } catch {
      return null;
    }
  };
  const [PouchDB, expressPouchDB, express] = (await Promise.all(['pouchdb-node', 'express-pouchdb', 'express'].map(load))) as [PouchCtor | null, ((db: unknown, options?: unknown) => unknown) | null, (() => { use(path: string, handler: unknown): void; listen(port: number, host: string, done: () => void): { address(): { port: number }; close(): void } }) | null];
  if (PouchDB === null || expressPouchDB === null || express === null) {
    rows.push('PouchDB → express-pouchdb                    skipped: pouchdb-node / express-pouchdb are not installed');
    return;
  }
  const dir = join(DATA, 'pouch');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ServerPouch = PouchDB.defaults({ prefix: `${join(dir, 'server')}/` });
  mkdirSync(join(dir, 'server'), { recursive: true });
  const app = express();
  app.use('/db', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', logPath: join(dir, 'log.txt') }));
  const server = await new Promise<{ address(): { port: number }; close(): void }>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  const remote = `http://127.0.0.1:${server.address().port}/db/events`;
  try {
    const local = new PouchDB(join(dir, 'desk-a'));
    for (let i = 0; i < events.length; i += 5000) await local.bulkDocs(events.slice(i, i + 5000).map((e) => ({ ...e, _id: e.id })));
    let started = performance.now();
    await local.replicate.to(remote, { batch_size: 500 });
    const push = events.length / ((performance.now() - started) / 1000);
    const fresh = new PouchDB(join(dir, 'desk-b'));
    started = performance.now();
    await fresh.replicate.from(remote, { batch_size: 500 });
    const pull = events.length / ((performance.now() - started) / 1000);
    rows.push(line('PouchDB → express-pouchdb push (same docs)', [push], 'ev/s'));
    rows.push(line('express-pouchdb → PouchDB pull (same docs)', [pull], 'ev/s'));
    await local.destroy();
    await fresh.destroy();
  } finally {
    server.close();
  }
}

/** A ward's month: 4,500 events up (300 of them scans attached), 6,000 down, 300 scans. */
async function benchCatchUp(rows: string[]): Promise<void> {
  const scanBytes = Number(process.env.SCAN_BYTES ?? 150_000);
  const SCANS = Number(process.env.SCANS ?? 300);
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { centre, codes } = await freshCentre('centre-catch-up', 2);
    try {
      // The other desk's month, already at the centre.
      const other = await seededDesk(join(DATA, 'catch-up-other'), 3, 6_000, '2026-10-30');
      await enroll(other, centre.url, codes[1]!);
      await other.core.sync.syncNow(true);
      const down = countEvents(other);
      other.core.close();

      // This desk's month, not yet sent: seeded dossiers plus 300 scans attached through the command.
      const desk = await seededDesk(join(DATA, 'catch-up-desk'), 2, 4_200, '2026-11-27');
      const dossiers = desk.core.db.prepare(`SELECT id FROM dossiers WHERE status IN (2, 4) LIMIT ${SCANS}`).all() as { id: string }[];
      for (const [i, { id }] of dossiers.entries()) {
        const path = join(desk.dataDir, `scan-${i}.pdf`);
        writeFileSync(path, await fabricatedScan(scanBytes + i));
        await desk.call('attachments.addFile', { dossierId: id, path, kind: 'intake', checklistItemId: null });
      }
      const up = (desk.core.db.prepare("SELECT count(*) AS n FROM events WHERE origin = 'local'").get() as { n: number }).n;
      await enroll(desk, centre.url, codes[0]!);
      const started = performance.now();
      // PHASES=1: when each phase of the round was first seen (progress is published at most every 250 ms).
      if (process.env.PHASES === '1') {
        let last = '';
        desk.core.events.subscribe((name, payload) => {
          const phase = name === 'sync.status' ? ((payload as { progress: { phase: string } | null }).progress?.phase ?? 'none') : '';
          if (phase !== '' && phase !== last) console.log(`    ${(performance.now() - started).toFixed(0).padStart(5)} ms: ${phase}`);
          if (phase !== '') last = phase;
        });
      }
      const status = await desk.core.sync.syncNow(true);
      const seconds = (performance.now() - started) / 1000;
      if (status.pendingEvents !== 0 || status.pendingScans !== 0) throw new Error(`catch-up did not finish: ${JSON.stringify(status)}`);
      samples.push(seconds * 1000);
      console.log(`  run ${run + 1}: ${up.toLocaleString('en')} events up, ${down.toLocaleString('en')} down, ${dossiers.length} scans of ~${(scanBytes / 1000).toFixed(0)} kB in ${seconds.toFixed(2)} s`);
      if (process.env.ONLY === 'catch-up') console.log('   ', JSON.stringify(status));
      desk.core.close();
    } finally {
      await centre.stop();
    }
  }
  rows.push(line('30-day catch-up (4.5k up, 6k down, 300 scans)', samples, 'ms', { value: 2_000, better: 'lower' }));
}

/** Bytes the desk sends for a 20 MB scan when the link drops every 8 MB. */
async function benchBrokenLink(rows: string[]): Promise<void> {
  const ratios: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { centre, codes } = await freshCentre('centre-link', 1);
    const proxy = await new FaultProxy({ upstreamPort: centre.port, dropEveryBytes: 8 * 1024 * 1024 }).listen();
    try {
      const dir = join(DATA, 'link-desk');
      rmSync(dir, { recursive: true, force: true });
      const desk = await openDesk(dir, 1, true);
      await enroll(desk, proxy.url, codes[0]!);
      const received = await desk.call('dossiers.receive', {
        procedureId: 'cu-tru.dang-ky-thuong-tru',
        channel: 1,
        applicant: { fullName: 'Nguyễn Văn Thử' },
        documents: [{ itemId: 'ct01', name: 'Tờ khai CT01', form: 'original', count: 1 }],
      });
      await desk.core.sync.syncNow(true);
      const path = join(dir, 'scan-20mb.pdf');
      const bytes = await fabricatedScan(20 * 1024 * 1024);
      writeFileSync(path, bytes);
      await desk.call('attachments.addFile', { dossierId: received.state.id, path, kind: 'intake', checklistItemId: null });
      const before = proxy.counters.bytesUp;
      let status = await desk.core.sync.syncNow(true);
      for (let i = 0; i < 20 && (status.pendingScans ?? 0) > 0; i += 1) status = await desk.core.sync.syncNow(true);
      if ((status.pendingScans ?? 0) > 0) throw new Error('the 20 MB scan did not arrive');
      ratios.push((proxy.counters.bytesUp - before) / bytes.length);
      console.log(`  run ${run + 1}: ${((proxy.counters.bytesUp - before) / 1024 / 1024).toFixed(2)} MB sent for ${(bytes.length / 1024 / 1024).toFixed(2)} MB, ${proxy.counters.linkDrops} link drops`);
      desk.core.close();
    } finally {
      await proxy.close();
      await centre.stop();
    }
  }
  const { median, p95 } = summarise(ratios);
  rows.push(
    `${'20 MB scan, link drops every 8 MB'.padEnd(44)} median ${median.toFixed(3).padStart(8)} ×      p95 ${p95.toFixed(3).padStart(8)} ×      (n=${ratios.length})  ${median <= 1.25 ? '✓' : '✗'} target ≤ 1.25× the file`,
  );
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const rows: string[] = [];
  if (process.env.ONLY === 'catch-up') {
    await benchCatchUp(rows);
    for (const row of rows) console.log('  ' + row);
    return;
  }
  console.log(`Push and pull of ${EVENTS.toLocaleString('en')} events (${RUNS} runs, fresh centre each):`);
  const events = await benchPushPull(rows);
  if (process.env.ONLY === 'push-pull') {
    for (const row of rows) console.log('  ' + row);
    return;
  }
  console.log('PouchDB side by side:');
  await benchPouch(events, rows);
  console.log('30-day catch-up:');
  await benchCatchUp(rows);
  console.log('20 MB scan over a link that drops every 8 MB:');
  await benchBrokenLink(rows);
  console.log('\nSync on loopback (desk core in process, centre as its own process, SQLite):');
  for (const row of rows) console.log('  ' + row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
