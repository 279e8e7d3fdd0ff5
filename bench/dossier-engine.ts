// The dossier engine at a decade's scale: seeds a unit with 1,000,000 dossiers and their events
// (kept in bench/.data/ for reruns), then measures what an officer waits for. Not a test: numbers only.
//   npm run bench:engine              (DOSSIERS=200000 npm run bench:engine for a quicker look)
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandName } from '../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../shared/contract/commands.js';
import { dispatch } from '../electron/core/dispatch.js';
import { DATABASE_FILE, startCore } from '../electron/core/start-core.js';
import { fabricatedIdNumber, fabricatedName, seededRandom } from './support/fabricated-people.js';
import { seedDossiers } from './support/seed-desk.js';
import { formatRow, timeEach } from './support/stats.js';

const DOSSIERS = Number(process.env.DOSSIERS ?? 1_000_000);
const LAST_DAY = '2026-11-27'; // a Friday; the benchmark's "now" is the next Monday morning
const NOW = Date.parse('2026-11-30T02:00:00Z');
const dataDir = resolve(import.meta.dirname, '.data', `engine-${DOSSIERS}`);

async function main(): Promise<void> {
  const fresh = !existsSync(join(dataDir, DATABASE_FILE)) || process.env.RESEED === '1';
  if (fresh) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
  }
  let clockMs = NOW;
  const opening = performance.now();
  const core = startCore({ appName: 'bench', version: '0', dataDir }, { now: () => clockMs });
  // A data folder seeded by older code is migrated and its projections rebuilt here (projection-version.ts).
  if (!fresh) console.log(`Opened ${dataDir} in ${((performance.now() - opening) / 1000).toFixed(1)} s`);
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => {
    const envelope = await dispatch(core.handlers, name, args, { transport: 'in-process' });
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as CommandResult<N>;
  };

  if (fresh) {
    const setup = await call('setup.initialise', {
      unitGsoCode: '06691',
      station: 1,
      agencyId: '000.15.20.H49',
      supervisor: { username: 'bench', fullName: 'Bench Supervisor', password: 'bench-password' },
    });
    const info = await call('app.info', {});
    console.log(`Seeding ${DOSSIERS.toLocaleString('en')} dossiers into ${dataDir} …`);
    const started = performance.now();
    const { events } = seedDossiers(core.db, {
      dossiers: DOSSIERS,
      lastDay: LAST_DAY,
      agencyId: '000.15.20.H49',
      unit: info.unit!,
      officerId: setup.officer!.id,
      deviceId: info.desk.deviceId,
      station: 2, // the seeded history came from another desk of the unit: this desk's station 1 block stays free
      onProgress: (done) => {
        if (done % 100_000 < 5_000) console.log(`  ${done.toLocaleString('en')} dossiers`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Seeded ${DOSSIERS.toLocaleString('en')} dossiers and ${events.toLocaleString('en')} events in ${seconds.toFixed(1)} s` +
      ` (${Math.round(DOSSIERS / seconds).toLocaleString('en')} dossiers/s, ${Math.round(events / seconds).toLocaleString('en')} events/s)`);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.db.exec('ANALYZE');
  } else {
    await call('auth.signIn', { username: 'bench', password: 'bench-password' });
    console.log(`Reusing ${dataDir}`);
  }

  const random = seededRandom(7);
  const sample = core.db
    .prepare<[], { id: string; code: string; applicant_id_number: string; applicant_name: string }>(
      'SELECT id, code, applicant_id_number, applicant_name FROM dossiers WHERE rowid % 997 = 0 LIMIT 400',
    )
    .all();
  const pickSample = () => sample[Math.floor(random() * sample.length)]!;
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

  // Each run receives on its own Monday: a station has 999 serials a day, and the data is reused.
  const earlierRuns = core.db.prepare<[string], { n: number }>('SELECT count(DISTINCT received_day) AS n FROM dossiers WHERE received_day > ?').get(LAST_DAY)!.n;
  const receiveFrom = NOW + earlierRuns * 7 * 86_400_000;
  const rows: string[] = [];
  rows.push(
    formatRow('receive one dossier', await timeEach(300, async (i) => {
      clockMs = receiveFrom + i * 1000;
      await call('dossiers.receive', {
        procedureId: 'cu-tru.dang-ky-thuong-tru',
        channel: 1,
        applicant: { fullName: fabricatedName(random), idNumber: fabricatedIdNumber(random, 1985) },
        documents: [{ itemId: 'ct01', name: 'Tờ khai CT01', form: 'original', count: 1 }],
      });
    }), 5),
  );
  clockMs = NOW;
  rows.push(formatRow('open one dossier (state + history)', await timeEach(500, () => call('dossiers.get', { id: pickSample().id })), 5));
  rows.push(formatRow('search: folded full name', await timeEach(300, () => call('dossiers.search', { text: fold(pickSample().applicant_name) })), 20));
  rows.push(formatRow('search: common family name "nguyen"', await timeEach(100, () => call('dossiers.search', { text: 'nguyen' })), 20));
  rows.push(formatRow('search: dossier code', await timeEach(300, () => call('dossiers.search', { text: pickSample().code })), 20));
  rows.push(formatRow('search: ID number', await timeEach(300, () => call('dossiers.search', { text: pickSample().applicant_id_number })), 20));
  rows.push(formatRow('search: overdue filter (first page)', await timeEach(100, () => call('dossiers.search', { overdue: true })), 20));
  rows.push(
    formatRow('daily tally (random day)', await timeEach(300, () => {
      const day = new Date(NOW - Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
      return call('tallies.daily', { date: day });
    }), 50),
  );

  const counts = core.db.prepare<[], { d: number }>('SELECT count(*) AS d FROM dossiers').get()!;
  console.log(`\nDesk engine at ${counts.d.toLocaleString('en')} dossiers (${core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()!.n.toLocaleString('en')} events), in-process through dispatch:`);
  for (const row of rows) console.log('  ' + row);
  core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
