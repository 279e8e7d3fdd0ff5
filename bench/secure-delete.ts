// What `secure_delete = ON` (set on every desk connection, open-database.ts) costs where it costs most:
// a full projection rebuild, which deletes and rewrites every projection row in one transaction — the
// work a desk does at start after an upgrade that reshapes projections. Runs the same rebuild on the
// same file alternately with the pragma OFF and ON, so both see the same machine load. Numbers only.
//   npm run bench:secure-delete            (BENCH_DOSSIERS=200000 … for a bigger desk; RUNS=7)
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandName } from '../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../shared/contract/commands.js';
import { CATALOGUE_UNITS } from '../shared/domain/catalogue/seed/units.js';
import { dispatch } from '../electron/core/dispatch.js';
import { openDatabase } from '../electron/core/db/open-database.js';
import { rebuildProjections } from '../electron/core/dossiers/rebuild-projections.js';
import { DATABASE_FILE, startCore } from '../electron/core/start-core.js';
import { seedDossiers } from './support/seed-desk.js';
import { formatRow, summarise } from './support/stats.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 5);
const NOW = Date.parse('2026-11-30T02:00:00Z');
const dataDir = resolve(import.meta.dirname, '.data', `secure-delete-${DOSSIERS}`);
const seeded = join(dataDir, DATABASE_FILE);

async function seed(): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const core = startCore({ appName: 'bench', version: '0', dataDir }, { now: () => NOW });
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => {
    const envelope = await dispatch(core.handlers, name, args, { transport: 'in-process' });
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as CommandResult<N>;
  };
  const unit = CATALOGUE_UNITS.find((u) => u.id === 'quang-ninh-2025-phuong-hong-gai')!;
  const setup = await call('setup.initialise', {
    unitGsoCode: unit.gsoCode,
    unitId: unit.id,
    station: 1,
    agencyId: unit.agencyId,
    supervisor: { username: 'bench', fullName: 'Bench Supervisor', password: 'bench-password' },
  });
  const info = await call('app.info', {});
  console.log(`Seeding ${DOSSIERS.toLocaleString('en')} dossiers into ${dataDir} …`);
  seedDossiers(core.db, {
    dossiers: DOSSIERS,
    lastDay: '2026-11-27',
    agencyId: unit.agencyId,
    unit: info.unit!,
    officerId: setup.officer!.id,
    deviceId: info.desk.deviceId,
    station: 2,
  });
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  await core.close();
}

/** One rebuild on a fresh copy of the seeded file (the same starting pages every time). */
function rebuildOnce(secureDelete: boolean): { ms: number; dossiers: number } {
  const copy = join(dataDir, `run-${secureDelete ? 'on' : 'off'}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  copyFileSync(seeded, copy);
  const db = openDatabase({ path: copy });
  try {
    db.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
    const started = performance.now();
    const { dossiers } = rebuildProjections(db);
    db.pragma('wal_checkpoint(TRUNCATE)'); // the zeroed pages reach the file too, not only the WAL
    return { ms: performance.now() - started, dossiers };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(seeded) || process.env.RESEED === '1') await seed();
  const off: number[] = [];
  const on: number[] = [];
  let dossiers = 0;
  for (let i = 0; i < RUNS; i += 1) {
    // Alternate the order so neither setting always runs on a warmer page cache.
    for (const secure of i % 2 === 0 ? [false, true] : [true, false]) {
      const run = rebuildOnce(secure);
      dossiers = run.dossiers;
      (secure ? on : off).push(run.ms);
    }
  }
  console.log(`Full projection rebuild of ${dossiers.toLocaleString('en')} dossiers (synchronous=FULL, WAL, checkpoint included):`);
  console.log(formatRow('secure_delete OFF', off));
  console.log(formatRow('secure_delete ON (the desk)', on));
  console.log(`ratio ON/OFF (medians): ${(summarise(on).median / summarise(off).median).toFixed(3)}`);
}

await main();
