// Desk backup and restore at a ward's scale: a desk of 100,000 fabricated dossiers and N GB of
// fabricated scans (2 MB each; SCAN_GB=2 by default, kept in bench/.data/ for reruns), backed up to a
// folder on the same disk, then restored onto a new, empty desk (time until it can receive, time until
// every scan is back). Not a test: numbers only.
//   npm run bench:backup                     (SCAN_GB=20 for the real size; DOSSIERS=20000 for a quick look)
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandName } from '../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../shared/contract/commands.js';
import { dispatch } from '../electron/core/dispatch.js';
import { DATABASE_FILE, startCore, type DeskCore } from '../electron/core/start-core.js';
import { seedDossiers } from './support/seed-desk.js';

const DOSSIERS = Number(process.env.DOSSIERS ?? 100_000);
const SCAN_GB = Number(process.env.SCAN_GB ?? 2);
const SCAN_BYTES = 2 * 1024 * 1024;
const SCANS = Math.round((SCAN_GB * 1024 ** 3) / SCAN_BYTES);
const NOW = Date.parse('2026-11-30T02:00:00Z');
const DATA = resolve(import.meta.dirname, '.data');
const deskDir = join(DATA, `backup-desk-${DOSSIERS}-${SCAN_GB}gb`);
const targetDir = join(DATA, 'backup-target');
const restoredDir = join(DATA, 'backup-restored');
const LOGIN = { username: 'bench', password: 'bench-password' };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

function callerOf(core: DeskCore) {
  return async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => {
    const envelope = await dispatch(core.handlers, name, args, { transport: 'in-process' });
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as CommandResult<N>;
  };
}

async function seededDesk(): Promise<DeskCore> {
  const fresh = !existsSync(join(deskDir, DATABASE_FILE));
  if (fresh) mkdirSync(deskDir, { recursive: true });
  const core = startCore({ appName: 'bench', version: '0', dataDir: deskDir }, { now: () => NOW });
  const call = callerOf(core);
  if (!fresh) {
    await call('auth.signIn', LOGIN);
    console.log(`Reusing ${deskDir}`);
    return core;
  }
  const setup = await call('setup.initialise', { unitGsoCode: '06691', station: 1, agencyId: '000.15.20.H49', supervisor: { ...LOGIN, fullName: 'Bench Supervisor' } });
  const info = await call('app.info', {});
  const started = performance.now();
  seedDossiers(core.db, { dossiers: DOSSIERS, lastDay: '2026-11-27', agencyId: '000.15.20.H49', unit: info.unit!, officerId: setup.officer!.id, deviceId: info.desk.deviceId, station: 2 });
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`Seeded ${DOSSIERS.toLocaleString('en')} dossiers in ${seconds(performance.now() - started)}`);
  const scanStart = performance.now();
  for (let i = 0; i < SCANS; i += 1) await core.attachments.blobs.putBytes(randomBytes(SCAN_BYTES));
  console.log(`Stored ${SCANS} fabricated scans (${gb(SCANS * SCAN_BYTES)}) in ${seconds(performance.now() - scanStart)}`);
  return core;
}

async function main(): Promise<void> {
  const core = await seededDesk();
  const call = callerOf(core);
  rmSync(targetDir, { recursive: true, force: true });
  mkdirSync(targetDir, { recursive: true });
  await call('backup.configure', { folder: targetDir, keep: 3 });
  const dbBytes = statSync(join(deskDir, DATABASE_FILE)).size;

  let dbDoneAt = 0;
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name === 'backup.progress' && (payload as { phase: string }).phase === 'scans' && dbDoneAt === 0) dbDoneAt = performance.now();
  });
  const started = performance.now();
  await call('backup.run', {});
  const full = performance.now() - started;
  unsubscribe();
  const dbPart = dbDoneAt - started;
  const { backups } = await call('backup.list', {});
  const manifest = backups[0]!;

  const againStarted = performance.now();
  await call('backup.run', {});
  const incremental = performance.now() - againStarted;
  core.close();

  // Restore onto a new, empty desk (a replaced PC): the database is checked and staged, swapped in at
  // start, and the desk receives from then on; the scans come back in the background after that.
  rmSync(restoredDir, { recursive: true, force: true });
  mkdirSync(restoredDir, { recursive: true });
  const blank = startCore({ appName: 'bench', version: '0', dataDir: restoredDir }, { now: () => NOW });
  const stageStarted = performance.now();
  await callerOf(blank)('backup.restore', { folder: targetDir, name: manifest.name, confirm: true });
  const staged = performance.now() - stageStarted;
  blank.close();
  const swapStarted = performance.now();
  const restored = startCore({ appName: 'bench', version: '0', dataDir: restoredDir }, { now: () => NOW });
  const swapped = performance.now() - swapStarted;
  const restoredDossiers = (restored.db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
  await restored.scansBack.settled();
  const scansBack = performance.now() - swapStarted;
  restored.close();

  const scanPart = full - dbPart;
  const factor = 20 / SCAN_GB;
  console.log('');
  console.log(`Desk: ${DOSSIERS.toLocaleString('en')} dossiers (${manifest.counts.events.toLocaleString('en')} events), database ${gb(dbBytes)}; ${manifest.scans.count} scans, ${gb(manifest.scans.bytes)}`);
  console.log(`Backup (full, to an empty folder): ${seconds(full)} — database copied and verified ${seconds(dbPart)}, scans ${seconds(scanPart)} (${(manifest.scans.bytes / 1024 ** 2 / (scanPart / 1000)).toFixed(0)} MB/s)`);
  console.log(`Backup size: ${gb(dbBytes + manifest.scans.bytes)}`);
  console.log(`Backup (next day, no new scans): ${seconds(incremental)}`);
  const receiving = staged + swapped;
  console.log(`Restore onto an empty desk: receives after ${seconds(receiving)} (database checked and staged ${seconds(staged)}, swap at start ${seconds(swapped)}); ${restoredDossiers.toLocaleString('en')} dossiers back`);
  console.log(`  all scans back (copied in the background after the start) ${seconds(staged + scansBack)}`);
  console.log(`Extrapolated to 20 GB of scans (scan copy scales with bytes): backup ≈ ${seconds(dbPart + scanPart * factor)}, restore: receives after ≈ ${seconds(receiving)}, all scans back ≈ ${seconds(staged + swapped + (scansBack - swapped) * factor)}`);
}

await main();
