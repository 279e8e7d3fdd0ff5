// The centre's dashboard for Hạ Long's 33 units, at a quarter of 100,000 dossiers (plus the month
// before, for carried-over dossiers), seeded through the real append path (the projection written in
// the same transactions), then the dashboard's requests timed over HTTP on loopback. Numbers only.
//   npm run bench:dashboard                         (SQLite; PostgreSQL too when DATABASE_URL is set)
//   DOSSIERS=20000 RUNS=10 npm run bench:dashboard  (a quicker look)
// The seeded SQLite centre is kept in bench/.data/centre-dashboard/ and reused by later runs.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createCentre } from '../server/centre-app.js';
import { CentreCatalogue } from '../server/catalogue/centre-catalogue.js';
import { EnrollmentService } from '../server/enrollment/enrollment-service.js';
import { StaffService } from '../server/staff/staff-service.js';
import { PostgresStorage } from '../server/storage/postgres-storage.js';
import { SqliteStorage } from '../server/storage/sqlite-storage.js';
import type { CentreStorage } from '../server/storage/storage.js';
import { HA_LONG_UNITS } from '../shared/domain/catalogue/seed/ha-long-units.js';
import { appendCityHistory, cityHistory, deskIdOf } from '../tests/server/dashboard/support/city-history.js';
import { enrollDesk } from '../tests/server/dashboard/support/enroll.js';
import { formatRow, timeEach } from './support/stats.js';

const DOSSIERS = Number(process.env.DOSSIERS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 30);
const WORKING_DAYS_IN_Q4_2026 = 65;
const PER_UNIT_PER_DAY = Math.max(1, Math.round(DOSSIERS / 33 / WORKING_DAYS_IN_Q4_2026));
/** The last afternoon of the quarter: the dashboard is drawn up as the quarter closes. */
const NOW = Date.parse('2026-12-31T09:00:00Z'); // 16:00 in Hạ Long
const STAFF = { username: 'bench', password: 'bench-password-centre' };
const DATA = resolve(import.meta.dirname, '.data', 'centre-dashboard', `q4-${PER_UNIT_PER_DAY}`);

interface Seeded {
  dossiers: number;
  events: number;
  seconds: number;
}

async function seed(storage: CentreStorage): Promise<Seeded> {
  const now = () => NOW;
  await new StaffService(storage, now).create({ ...STAFF, role: 'admin' });
  const enrollment = new EnrollmentService(storage, now, new CentreCatalogue(storage));
  for (const unit of HA_LONG_UNITS) {
    await enrollDesk(enrollment, unit.gsoCode, deskIdOf(unit.gsoCode));
    await storage.dashboard.noteDeviceSync(deskIdOf(unit.gsoCode), new Date(NOW - (unit.gsoCode.charCodeAt(4) % 3) * 20 * 3_600_000).toISOString());
  }
  const started = performance.now();
  // September too, so the quarter has dossiers carried over into it.
  const events = await appendCityHistory(storage, cityHistory({ perUnitPerDay: PER_UNIT_PER_DAY, fromDay: '2026-09-01', lastMs: NOW, seed: 2026 }), {
    recordedAt: new Date(NOW).toISOString(),
  });
  const seconds = (performance.now() - started) / 1000;
  const dossiers = (await storage.dashboard.dossierIdsAfter('', 10_000_000)).length;
  return { dossiers, events, seconds };
}

async function openSqlite(): Promise<{ storage: CentreStorage; seeded: Seeded | null }> {
  const marker = join(DATA, 'seeded.json');
  if (existsSync(marker)) return { storage: new SqliteStorage(join(DATA, 'centre.sqlite')), seeded: null };
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  const storage = new SqliteStorage(join(DATA, 'centre.sqlite'));
  const seeded = await seed(storage);
  writeFileSync(marker, JSON.stringify(seeded));
  return { storage, seeded };
}

async function measure(label: string, storage: CentreStorage, seeded: Seeded | null): Promise<void> {
  const { app } = await createCentre({ storage, blobDir: join(DATA, 'blobs'), now: () => NOW, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  try {
    const session = await fetch(`${url}/v1/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(STAFF) });
    const { token } = (await session.json()) as { token: string };
    const get = async (path: string, cookie = false): Promise<number> => {
      const response = await fetch(`${url}${path}`, { headers: cookie ? { cookie: `motcua_dashboard=${token}` } : { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.arrayBuffer()).byteLength;
    };
    const quarter = 'from=2026-10-01&to=2026-12-31';
    const requests: [string, string, boolean][] = [
      ['page /dashboard (quarter, everything)', `/dashboard?day=2026-12-31&${quarter}`, true],
      ['GET overview (JSON, everything)', `/v1/dashboard/overview?day=2026-12-31&${quarter}`, false],
      ["GET tally (today's, 33 units)", '/v1/dashboard/tally?day=2026-12-31', false],
      ['GET bieu06 (quarter, city)', `/v1/dashboard/bieu06?${quarter}`, false],
      ['GET bieu06 (quarter, one unit)', `/v1/dashboard/bieu06?${quarter}&unit=06691`, false],
      ['GET online-share (quarter)', `/v1/dashboard/online-share?${quarter}`, false],
      ['GET satisfaction (quarter)', `/v1/dashboard/satisfaction?${quarter}`, false],
      ['GET overdue (500 rows)', '/v1/dashboard/overdue', false],
      ['GET desks', '/v1/dashboard/desks', false],
      ['export bieu06.xlsx (quarter)', `/v1/dashboard/export/bieu06.xlsx?${quarter}`, false],
      ['export tally.xlsx (today)', '/v1/dashboard/export/tally.xlsx?day=2026-12-31', false],
    ];
    const dossiers = seeded?.dossiers ?? (await storage.dashboard.dossierIdsAfter('', 10_000_000)).length;
    console.log(`\n${label}: ${dossiers} dossiers (${PER_UNIT_PER_DAY} per unit per working day, 01/09–31/12/2026, 33 units), ${RUNS} runs each`);
    if (seeded !== null) console.log(`seed through the append path: ${seeded.events} events in ${seeded.seconds.toFixed(1)} s (${Math.round(seeded.events / seeded.seconds)} events/s)`);
    for (const [name, path, cookie] of requests) {
      await get(path, cookie); // warm
      const bytes = await get(path, cookie);
      console.log(`${formatRow(name, await timeEach(RUNS, () => get(path, cookie)))}   ${(bytes / 1024).toFixed(0)} KiB`);
    }
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const sqlite = await openSqlite();
  try {
    await measure('SQLite', sqlite.storage, sqlite.seeded);
  } finally {
    await sqlite.storage.close();
  }
  const url = process.env.DATABASE_URL;
  if (url === undefined) {
    console.log('\nPostgreSQL: skipped (set DATABASE_URL, e.g. `bash tests/support/postgres.sh npm run bench:dashboard`)');
    return;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const storage = await PostgresStorage.open({ connectionString: url, schema });
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const seeded = await seed(storage);
    // What autovacuum does on its own a little later: without statistics the planner guesses badly.
    await client.query('ANALYZE dash_dossiers, dash_bieu06, dash_waits, dash_day_facts, devices');
    await measure('PostgreSQL', storage, seeded);
  } finally {
    await storage.close();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

await main();
