// A replaced desk getting its ward back, on loopback: how fast scans come down from the centre
// (MB/s, through the desk's own fetcher: resumable download, SHA-256 check, move into the store), and
// how long a new desk takes to be able to receive — enrolled and every event of the unit pulled, its
// scans not yet fetched. Not a test: numbers only. The centre runs as its own process.
//   npm run bench:continuity        (DOSSIERS=2000 SCANS=5 SCAN_MB=10 RUNS=3 for a quicker look)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandName } from '../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../shared/contract/commands.js';
import { dispatch } from '../electron/core/dispatch.js';
import { startCore, type DeskCore } from '../electron/core/start-core.js';
import { prepareCentre, startCentre } from '../tests/sync/support/centre-process.js';
import { fabricatedScan, sha256Of } from '../tests/sync/support/scans.js';
import { requiredPapers } from '../tests/support/required-papers.js';
import { seedDossiers } from './support/seed-desk.js';
import { summarise } from './support/stats.js';

const DOSSIERS = Number(process.env.DOSSIERS ?? 20_000);
const SCANS = Number(process.env.SCANS ?? 10);
const SCAN_MB = Number(process.env.SCAN_MB ?? 20);
const RUNS = Number(process.env.RUNS ?? 3);
const DATA = resolve(import.meta.dirname, '.data', 'continuity');
const UNIT = { unitGsoCode: '06691', agencyId: '000.15.20.H49' } as const;
const SUPERVISOR = { username: 'bench', fullName: 'Bench Supervisor', password: 'bench-password' };

interface BenchDesk {
  core: DeskCore;
  dataDir: string;
  deviceId: string;
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>>;
}

async function openDesk(dataDir: string, station: number): Promise<BenchDesk> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const core = startCore({ appName: 'bench', version: '0', dataDir }, { syncOptions: { periodMs: 3_600_000, debounceMs: 3_600_000, requestTimeoutMs: 120_000 } });
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => {
    const envelope = await dispatch(core.handlers, name, args, { transport: 'in-process' });
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as CommandResult<N>;
  };
  await call('setup.initialise', { ...UNIT, station, supervisor: SUPERVISOR });
  const info = await call('app.info', {});
  return { core, dataDir, deviceId: info.desk.deviceId, call };
}

const enroll = (desk: BenchDesk, url: string, code: string) => desk.call('sync.enroll', { centreUrl: url, code, deviceName: `bench ${desk.deviceId.slice(0, 6)}` });

async function main(): Promise<void> {
  rmSync(DATA, { recursive: true, force: true });
  const centreDir = join(DATA, 'centre');
  mkdirSync(centreDir, { recursive: true });
  const codes = await prepareCentre(centreDir, Array.from({ length: 1 + 2 * RUNS }, (_, i) => ({ unitGsoCode: UNIT.unitGsoCode, station: i + 1 })));
  const centre = await startCentre({ dataDir: centreDir, extraArgs: ['--log-level', 'warn'] });
  try {
    // The ward's first desk: a history of DOSSIERS dossiers, and SCANS scans of SCAN_MB each.
    const first = await openDesk(join(DATA, 'first'), 1);
    const info = await first.call('app.info', {});
    const session = await first.call('auth.session', {});
    const seeded = seedDossiers(first.core.db, { dossiers: DOSSIERS, lastDay: '2026-11-27', agencyId: UNIT.agencyId, unit: info.unit!, officerId: session.officer!.id, deviceId: first.deviceId, station: 1 });
    const scans: string[] = [];
    for (let i = 0; i < SCANS; i += 1) {
      const dossier = (await first.call('dossiers.receive', {
        procedureId: 'cu-tru.dang-ky-thuong-tru',
        channel: 1,
        applicant: { fullName: `Nguyễn Văn Đo ${i}`, idNumber: `02219${String(i).padStart(7, '0')}` },
        documents: requiredPapers('cu-tru.dang-ky-thuong-tru'),
      })).state.id;
      const bytes = await fabricatedScan(SCAN_MB * 1024 * 1024);
      const path = join(first.dataDir, `scan-${i}.pdf`);
      writeFileSync(path, bytes);
      await first.call('attachments.addFile', { dossierId: dossier, path, kind: 'intake', checklistItemId: null });
      scans.push(sha256Of(bytes));
    }
    await enroll(first, centre.url, codes[0]!);
    let status = await first.call('sync.now', { wait: true });
    for (let i = 0; i < 10 && (status.pendingEvents > 0 || (status.pendingScans ?? 0) > 0); i += 1) status = await first.call('sync.now', { wait: true });
    if (status.pendingEvents > 0 || (status.pendingScans ?? 0) > 0) throw new Error(`the first desk did not finish: ${JSON.stringify(status)}`);
    console.log(`Centre holds ${DOSSIERS} seeded dossiers (${seeded.events} events) and ${SCANS} scans of ${SCAN_MB} MB.`);

    const receive: number[] = [];
    const rates: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A replaced desk: enrolled and every event of the unit pulled; no scan fetched yet (bound 0).
      const desk = await openDesk(join(DATA, `replaced-${run}`), 2 + run);
      desk.core.sync.setScanDownloadLimit(0);
      const started = performance.now();
      await enroll(desk, centre.url, codes[1 + run]!);
      await desk.call('sync.now', { wait: true });
      receive.push(performance.now() - started);
      await desk.core.sync.scansSettled();
      // Then its scans, one after another, as the officer opens them.
      const fetchStarted = performance.now();
      for (const sha of scans) if (!(await desk.core.sync.fetchScanNow(sha))) throw new Error(`scan ${sha} not fetched`);
      rates.push((SCANS * SCAN_MB) / ((performance.now() - fetchStarted) / 1000));
      desk.core.close();
    }
    first.core.close();
    const receiveStats = summarise(receive);
    const rateStats = summarise(rates);
    console.log(`Replaced desk able to receive (enrol + pull ${DOSSIERS} dossiers, no scans): median ${(receiveStats.median / 1000).toFixed(2)} s   p95 ${(receiveStats.p95 / 1000).toFixed(2)} s   (n=${receiveStats.n})`);
    console.log(`Scan download on loopback (fetch, verify, store): median ${rateStats.median.toFixed(1)} MB/s   (n=${rateStats.n}, ${SCANS} × ${SCAN_MB} MB)`);
  } finally {
    await centre.stop();
    rmSync(DATA, { recursive: true, force: true });
  }
}

await main();
