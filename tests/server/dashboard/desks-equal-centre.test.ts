import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../../shared/contract/commands.js';
import type { DailyTally } from '../../../shared/domain/dossier/tally.js';
import type { Bieu06Row } from '../../../shared/domain/reports/bieu06.js';
import type { ReportPeriod } from '../../../shared/domain/reports/report-period.js';
import { SYNC_PATHS, staffDossierEventsPath } from '../../../shared/sync/protocol.js';
import { addTallies, emptyTally } from '../../../server/dashboard/tally-sums.js';
import type { Bieu06View, OnlineShareView, OverdueView, SatisfactionView, TallyView } from '../../../server/dashboard/dashboard-types.js';
import { arrangeReferenceSet, REFERENCE_START, REPORT_TIME, vn } from '../../electron/core/reports/reference-desk.js';
import { playRandomHistory, randomStep, type RandomStep } from '../../electron/core/reports/random-desk.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../support/desk-fixture.js';
import { ADMIN, startTestCentre, type TestCentre } from '../support/test-centre.js';
import { requiredPapers } from '../../support/required-papers.js';

// "The numbers at the centre equal the sum of what the desks show for the events the centre has":
// real desk cores sync to a real centre over HTTP, then the dashboard's answers are compared with each
// desk's own tallies.daily and reports — unit by unit (every desk of a unit shows the unit's numbers,
// its own dossiers and those it pulled), and for the city as the sum over units. Hồng Gai plays the
// hand-built reference set on one desk and two more dossiers on a second; Hà Khánh a random history;
// a result recorded by centre staff reaches the desks and is counted on both sides.

const T = vn(REPORT_TIME); // Tuesday 15/12/2026 10:00
const HA_KHANH = { unitGsoCode: '06649', agencyId: '000.01.20.H49' };
const SUPERVISOR = { username: 'truongbp', fullName: 'Trần Văn Giám Sát', password: 'mat-khau-thu-nghiem' };

let centre: TestCentre;
let hongGai1: TestDesk;
let hongGai2: TestDesk;
let haKhanh: TestDesk;
let staffToken: string;

/** The steps of a random history that fit between its start and an hour before T. */
function stepsBefore(startMs: number, endMs: number): RandomStep[] {
  const all = fc.sample(randomStep, { numRuns: 400, seed: 20261215 }).map((s) => ({ ...s, minutes: s.minutes > 1440 ? 600 + (s.minutes % 2880) : s.minutes }));
  const fitting: RandomStep[] = [];
  let at = startMs;
  for (const step of all) {
    at += step.minutes * 60_000;
    if (at > endMs) break;
    fitting.push(step);
  }
  return fitting;
}

async function enroll(desk: TestDesk, unitGsoCode: string, station: number): Promise<void> {
  const issued = await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: staffToken, body: { unitGsoCode, station } });
  expect(issued.status).toBe(200);
  await desk.call('sync.enroll', { centreUrl: centre.url, code: (issued.body as { code: string }).code, deviceName: `Quầy ${station} — ${unitGsoCode}` });
}

/** Sync every desk until a round moves nothing and nothing waits to go. */
async function converge(desks: readonly TestDesk[]): Promise<void> {
  let previous = '';
  for (let round = 0; round < 40; round += 1) {
    const statuses = await Promise.all(desks.map((d) => d.call('sync.now', { wait: true })));
    const counts = desks.map((d) => (d.core.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).join(',');
    if (statuses.every((s) => s.state === 'idle' && s.pendingEvents === 0) && counts === previous) return;
    previous = counts;
  }
  throw new Error('the desks did not converge');
}

async function dashboard<T>(path: string): Promise<T> {
  const answer = await centre.request('GET', path, { token: staffToken });
  expect(answer.status, path).toBe(200);
  return answer.body as T;
}

beforeAll(async () => {
  centre = await startTestCentre();

  // Hồng Gai, desk 1: the hand-built reference set (15/10 – 15/12/2026).
  hongGai1 = await openTestDesk({ at: REFERENCE_START });
  await arrangeReferenceSet(hongGai1);
  // Hồng Gai, desk 2: two dossiers of its own on 14/12.
  hongGai2 = await openTestDesk({ at: vn('2026-12-14 08:00'), station: 2 });
  for (const [at, channel] of [['2026-12-14 09:00', 2], ['2026-12-14 14:00', 1]] as const) {
    hongGai2.clock.set(vn(at));
    await hongGai2.call('dossiers.receive', {
      procedureId: 'ho-tich.dang-ky-khai-sinh',
      channel,
      applicant: { ...SAMPLE_APPLICANT, fullName: 'Công Dân Quầy Hai' },
      documents: requiredPapers('ho-tich.dang-ky-khai-sinh'),
    });
  }
  // Hà Khánh: a random history from 01/10 to an hour before T.
  const start = vn('2026-10-01 08:00');
  haKhanh = await openTestDesk({ at: start, initialise: false });
  await haKhanh.call('setup.initialise', { ...HA_KHANH, station: 1, supervisor: SUPERVISOR });
  await playRandomHistory(haKhanh, stepsBefore(Date.parse(start), Date.parse(T) - 3_600_000));

  // Everyone at T, the centre included; a fresh staff session at the centre's time.
  for (const desk of [hongGai1, hongGai2, haKhanh]) desk.clock.set(T);
  centre.clock.ms = Date.parse(T);
  staffToken = ((await centre.request('POST', SYNC_PATHS.staffSession, { body: ADMIN })).body as { token: string }).token;

  await enroll(hongGai1, '06691', 1);
  await enroll(hongGai2, '06691', 2);
  await enroll(haKhanh, '06649', 1);
  await converge([hongGai1, hongGai2, haKhanh]);

  // Centre staff record the result of a Hồng Gai dossier that was overdue; it flows back to both desks.
  const overdue = await hongGai1.call('reports.overdue', {});
  const target = overdue.rows.find((r) => r.kind === 'overdue')!;
  const recorded = await centre.request('POST', staffDossierEventsPath(target.dossierId), {
    token: staffToken,
    body: { type: 'result.recorded', summary: 'Đã cấp giấy xác nhận', outcome: 'approved' },
  });
  expect(recorded.status).toBe(200);
  await converge([hongGai1, hongGai2, haKhanh]);
  expect((await hongGai2.call('dossiers.get', { id: target.dossierId })).state.status).toBe(9);
}, 180_000);

afterAll(async () => {
  for (const desk of [hongGai1, hongGai2, haKhanh]) desk?.dispose();
  await centre?.close();
});

const UNITS = () => [
  { gso: '06691', desks: [hongGai1, hongGai2] },
  { gso: '06649', desks: [haKhanh] },
];

const DAYS = ['2026-12-15', '2026-12-14', '2026-12-02', '2026-11-10', '2026-11-02', '2026-10-29', '2026-10-15'];
const PERIODS: ReportPeriod[] = [
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2026-10-01', to: '2026-12-15' },
  { from: '2026-12-01', to: '2026-12-15' },
  { from: '2026-10-15', to: '2026-11-15' },
];

const countsOf = (row: Bieu06Row) => ({ received: row.received, settled: row.settled, pending: row.pending });

function sumBySector(reports: readonly { rows: readonly Bieu06Row[] }[]): Map<string, ReturnType<typeof countsOf>> {
  const sums = new Map<string, ReturnType<typeof countsOf>>();
  for (const report of reports) {
    for (const row of report.rows) {
      const held = sums.get(row.sectorId);
      if (held === undefined) {
        sums.set(row.sectorId, structuredClone(countsOf(row)));
        continue;
      }
      for (const group of ['received', 'settled', 'pending'] as const) {
        const into = held[group] as unknown as Record<string, number>;
        for (const [key, n] of Object.entries(row[group])) into[key] = (into[key] ?? 0) + n;
      }
    }
  }
  return sums;
}

const call = <N extends CommandName>(desk: TestDesk, name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => desk.call(name, args);

describe('the centre dashboard equals the desks', { timeout: 60_000 }, () => {
  it('the data is worth comparing: both units received, settled, and have overdue dossiers', async () => {
    for (const { desks } of UNITS()) {
      const report = await call(desks[0]!, 'reports.bieu06', PERIODS[1]!);
      expect(report.total.received.total).toBeGreaterThan(10);
      expect(report.total.settled.total).toBeGreaterThan(3);
    }
    const overdue = await dashboard<OverdueView>('/v1/dashboard/overdue');
    expect(overdue.total).toBeGreaterThan(1);
  });

  it("each unit's daily tally is every desk's tallies.daily, and the city's is their sum over units", async () => {
    for (const day of DAYS) {
      const view = await dashboard<TallyView>(`/v1/dashboard/tally?day=${day}`);
      let sum: DailyTally = emptyTally();
      for (const { gso, desks } of UNITS()) {
        const line = view.units.find((u) => u.gsoCode === gso)!;
        for (const desk of desks) expect(line.tally, `${gso} on ${day}`).toEqual(await call(desk, 'tallies.daily', { date: day }));
        expect(line.desks).toBe(desks.length);
        sum = addTallies(sum, await call(desks[0]!, 'tallies.daily', { date: day }));
      }
      expect(view.total, day).toEqual(sum);
    }
  });

  it("Biểu 06 per unit is every desk's report sector by sector, and the city's is their sum", async () => {
    for (const period of PERIODS) {
      const query = `from=${period.from}&to=${period.to}`;
      const reports = [];
      for (const { gso, desks } of UNITS()) {
        const unit = await dashboard<Bieu06View>(`/v1/dashboard/bieu06?${query}&unit=${gso}`);
        for (const desk of desks) {
          const own = await call(desk, 'reports.bieu06', period);
          expect(own.problems).toEqual([]);
          expect(unit.form.rows.map((r) => [r.sectorId, r.sectorName, countsOf(r)]), `${gso} ${query}`).toEqual(own.rows.map((r) => [r.sectorId, r.sectorName, countsOf(r)]));
          expect(countsOf(unit.form.total)).toEqual(countsOf(own.total));
        }
        reports.push(await call(desks[0]!, 'reports.bieu06', period));
      }
      const city = await dashboard<Bieu06View>(`/v1/dashboard/bieu06?${query}`);
      expect(new Map(city.form.rows.map((r) => [r.sectorId, countsOf(r)])), query).toEqual(sumBySector(reports));
      expect(city.problems).toEqual([]);
      for (const { gso, desks } of UNITS()) {
        const own = await call(desks[0]!, 'reports.bieu06', period);
        expect(countsOf(city.units.find((u) => u.gsoCode === gso)!.row)).toEqual(countsOf(own.total));
      }
    }
  });

  it("the online share is each desk's Biểu 06 online over newly received", async () => {
    for (const period of PERIODS) {
      const view = await dashboard<OnlineShareView>(`/v1/dashboard/online-share?from=${period.from}&to=${period.to}`);
      for (const { gso, desks } of UNITS()) {
        const { received } = (await call(desks[0]!, 'reports.bieu06', period)).total;
        const line = view.units.find((u) => u.gsoCode === gso)!;
        expect([line.online, line.directOrPostal]).toEqual([received.online, received.directOrPostal]);
      }
    }
  });

  it("satisfaction per unit is the desk's line for its unit", async () => {
    for (const period of PERIODS) {
      const view = await dashboard<SatisfactionView>(`/v1/dashboard/satisfaction?from=${period.from}&to=${period.to}`);
      for (const { gso, desks } of UNITS()) {
        const line = view.units.find((u) => u.key === gso)!;
        for (const desk of desks) {
          const own = (await call(desk, 'reports.satisfaction', period)).units.find((u) => u.key === gso);
          expect(line.counts).toEqual(own?.counts ?? { ratings: 0, verySatisfied: 0, satisfied: 0, notSatisfied: 0, declined: 0 });
          if (own !== undefined) expect(line.rates).toEqual(own.rates);
        }
      }
    }
  });

  it("the city's overdue list is the union of the desks' overdue dossiers", async () => {
    const view = await dashboard<OverdueView>('/v1/dashboard/overdue');
    const fromDesks = [];
    for (const { desks } of UNITS()) {
      const lists = await Promise.all(desks.map((desk) => call(desk, 'reports.overdue', {})));
      const codes = lists.map((l) => l.rows.filter((r) => r.kind === 'overdue').map((r) => r.code));
      for (const other of codes.slice(1)) expect(other).toEqual(codes[0]);
      fromDesks.push(...lists[0]!.rows.filter((r) => r.kind === 'overdue'));
    }
    expect(view.rows.map((r) => r.code).sort()).toEqual(fromDesks.map((r) => r.code).sort());
    expect(view.total).toBe(fromDesks.length);
  });
});
