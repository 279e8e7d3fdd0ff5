import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeTime, ulid } from 'ulid';
import { appointmentAt, extendBySupplementWait } from '../shared/domain/calendar/deadlines.js';
import { SEED_WORK_CALENDAR } from '../shared/domain/calendar/seed-calendar.js';
import { addDaysToLocalDate, localDateOf, weekdayOf } from '../shared/domain/calendar/vietnam-time.js';
import { PROCEDURES } from '../shared/domain/catalogue/seed/procedures.js';
import { SECTORS } from '../shared/domain/catalogue/seed/sectors.js';
import { formatHlc } from '../shared/domain/clock/hlc.js';
import type { DossierEvent, DossierEventPayloads, DossierEventType, ProcedureSnapshot, SatisfactionLevel } from '../shared/domain/dossier/events.js';
import { foldDossier } from '../shared/domain/dossier/fold.js';
import { parseDossierEvent } from '../shared/domain/dossier/event-schemas.js';
import { quarterPeriod } from '../shared/domain/reports/report-period.js';
import { CatalogueRepository } from '../electron/core/catalogue/catalogue-repository.js';
import { openDatabase, type DeskDatabase } from '../electron/core/db/open-database.js';
import { applicableLimit } from '../electron/core/dossiers/dossier-service.js';
import { EventLogRepository } from '../electron/core/dossiers/event-log-repository.js';
import { ProjectionRepository } from '../electron/core/dossiers/projection-repository.js';
import { dailyTally } from '../electron/core/dossiers/tally-repository.js';
import { OfficerRepository } from '../electron/core/officers/officer-repository.js';
import { exportReport } from '../electron/core/reports/export-service.js';
import { ReportService } from '../electron/core/reports/report-service.js';
import { DeskEventBus } from '../electron/core/event-bus.js';
import { writeDeskSettings } from '../electron/core/settings/desk-settings.js';
import { SettingsRepository } from '../electron/core/settings/settings-repository.js';
import { fabricatedIdNumber, fabricatedName, fabricatedPhone, seededRandom } from './support/fabricated-people.js';
import { formatRow, summarise, timeEach } from './support/stats.js';

// `npm run bench:reports` — the supervisors' reports at 1,000,000 dossiers (issue 7).
// Seeds a desk database once (bench/.data/, reused by later runs): four years of a very busy desk,
// ~700 dossiers a working day, each a plausible life (refusals, supplements at intake and during
// processing, hand-overs, results early / on time / late, form 04 apologies, withdrawals, stops,
// hand-backs, ratings, fees) made of real events, folded by the real fold and written by the real
// ProjectionRepository — exactly what recording them one by one would leave, only in big transactions.
// Then times Biểu 06 for quarters (target < 300 ms) and the daily tally (target < 50 ms), and more.
// BENCH_DOSSIERS=50000 npm run bench:reports tries a smaller desk.

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const DATA_DIR = resolve(import.meta.dirname, '.data');
const DB_PATH = join(DATA_DIR, `reports-${DOSSIERS}.sqlite`);
const SEEDED_KEY = 'bench.reports.seeded';
/** "Now" for the desk: Friday 27/11/2026 16:00 in Hạ Long. */
const NOW_MS = Date.parse('2026-11-27T09:00:00Z');
const FIRST_DAY = '2023-01-02';
const LAST_DAY = '2026-11-27';
const UNIT = { gsoCode: '06691', name: 'Phường Hồng Gai', agencyId: '000.15.20.H49' };
const DEVICE = 'bench-desk-1';
const BATCH = 5000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const sectorName = new Map(SECTORS.map((s) => [s.id, s.name]));
// Certification and civil status are most of a ward desk's day; land and complaints are rare.
const PROCEDURE_WEIGHTS: Record<string, number> = { 'chung-thuc': 10, 'ho-tich': 5, 'cu-tru': 4, 'bao-tro-xa-hoi': 2 };
const PROCEDURE_TABLE = PROCEDURES.flatMap((p) => Array<(typeof PROCEDURES)[number]>(PROCEDURE_WEIGHTS[p.sectorId] ?? 1).fill(p));

const workingDays: string[] = [];
for (let day = FIRST_DAY; day <= LAST_DAY; day = addDaysToLocalDate(day, 1)) {
  const weekday = weekdayOf(day);
  if (weekday !== 0 && weekday !== 6) workingDays.push(day);
}

const iso = (ms: number) => new Date(ms).toISOString();

// ULIDs without crypto randomness (a quarter of the seeding time otherwise): the time, then a counter
// in Crockford base 32. Unique and well-formed, which is all the store asks of an id.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let idCounter = 0;
function benchUlid(ms: number): string {
  let n = ++idCounter;
  let tail = '';
  for (let i = 0; i < 16; i += 1) {
    tail = CROCKFORD[n % 32]! + tail;
    n = Math.floor(n / 32);
  }
  return encodeTime(ms, 10) + tail;
}
const vnMs = (day: string, minutes: number) => Date.parse(`${day}T00:00:00+07:00`) + minutes * 60_000;

interface Life {
  events: DossierEvent[];
}

class LifeWriter {
  private deviceSeq = 0;
  private readonly serials = new Map<string, number>();
  constructor(private readonly officers: readonly string[]) {}

  /** One dossier's events, in time order, cut at NOW (so the recent ones are still pending). */
  lifeOf(random: () => number): Life {
    const dossierId = benchUlid(NOW_MS);
    const events: DossierEvent[] = [];
    const officerId = this.officers[Math.floor(random() * this.officers.length)]!;
    const add = <T extends DossierEventType>(type: T, at: number, payload: DossierEventPayloads[T]) => {
      const atMs = Math.floor(at);
      if (atMs > NOW_MS) return false;
      this.deviceSeq += 1;
      events.push({
        id: benchUlid(atMs),
        dossierId,
        type,
        payload,
        officerId,
        deviceId: DEVICE,
        deviceSeq: this.deviceSeq,
        hlc: formatHlc({ wallMs: atMs, counter: events.length, node: DEVICE }),
        occurredAt: iso(atMs),
      } as DossierEvent);
      return true;
    };

    const day = workingDays[Math.floor(random() * workingDays.length)]!;
    const receivedMs = Math.min(vnMs(day, 7 * 60 + 15 + Math.floor(random() * 9 * 60)), NOW_MS - 60_000);
    const channel = (random() < 0.55 ? 1 : random() < 0.9 ? 2 : 3) as 1 | 2 | 3;
    const procedure = PROCEDURE_TABLE[Math.floor(random() * PROCEDURE_TABLE.length)]!;
    const snapshot: ProcedureSnapshot = {
      id: procedure.id,
      code: procedure.code,
      name: procedure.name,
      sectorId: procedure.sectorId,
      sectorName: sectorName.get(procedure.sectorId) ?? procedure.sectorId,
      limit: applicableLimit(procedure, channel),
      cutoff: procedure.cutoff?.time ?? null,
    };
    const applicant = {
      fullName: fabricatedName(random),
      idNumber: fabricatedIdNumber(random, 1950 + Math.floor(random() * 55)),
      birthDate: null,
      sex: null,
      address: 'Tổ 3, Khu 5, Phường Hồng Gai',
      phone: fabricatedPhone(random),
      email: null,
    };

    if (random() < 0.02) {
      add('dossier.refused', receivedMs, { unit: UNIT, procedure: snapshot, channel, applicant, reason: 'Không thuộc thẩm quyền', refusedAt: iso(receivedMs) });
      return { events };
    }

    const n = (this.serials.get(day) ?? 0) + 1;
    this.serials.set(day, n);
    const serial = (1 + Math.floor((n - 1) / 999)) * 1000 + ((n - 1) % 999) + 1;
    const code = `${UNIT.agencyId}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${serial}`;
    const dueOf = (fromMs: number) => Date.parse(appointmentAt(iso(fromMs), snapshot.limit, { cutoff: snapshot.cutoff }, SEED_WORK_CALENDAR));
    const intakeSupplement = random() < 0.02;
    let due = intakeSupplement ? null : dueOf(receivedMs);
    add('dossier.received', receivedMs, {
      code,
      unit: UNIT,
      procedure: snapshot,
      channel,
      applicant,
      owner: null,
      documents: [{ itemId: 'to-khai', name: 'Tờ khai', form: 'original', count: 1 }],
      sets: 1,
      notes: '',
      receivedAt: iso(receivedMs),
      appointmentAt: due === null ? null : iso(due),
      backEntered: false,
      intake: intakeSupplement ? 'supplement_requested' : 'accepted',
      supplement: intakeSupplement ? { items: ['Tờ khai'], reason: 'Thiếu tờ khai' } : null,
    });
    let t = receivedMs;
    if (random() < 0.3 && !add('fee.recorded', (t += 5 * 60_000), { amountVnd: 10_000 * (1 + Math.floor(random() * 5)), receiptNo: null })) return { events };

    if (intakeSupplement) {
      if (random() < 0.15) {
        add('dossier.withdrawn', t + 2 * DAY, { reason: 'Không bổ sung được', withdrawnAt: iso(t + 2 * DAY) });
        return { events };
      }
      t += (1 + Math.floor(random() * 5)) * DAY;
      due = dueOf(t);
      if (!add('supplement.received', t, { receivedAt: iso(t), newAppointmentAt: iso(due) })) return { events };
    }
    if (random() < 0.4 && !add('dossier.forwarded', (t += 30 * 60_000), { to: { kind: 'agency', name: 'Công chức chuyên môn' }, note: '', forwardedAt: iso(t) })) return { events };
    if (random() < 0.002) return { events }; // stuck: never settled (long-lived pending)

    if (random() < 0.04 && due! - t > 2 * HOUR) {
      const requested = t + HOUR;
      const back = requested + (1 + Math.floor(random() * 6)) * DAY;
      const extended = Date.parse(extendBySupplementWait(iso(due!), iso(requested), iso(back), SEED_WORK_CALENDAR));
      if (extended >= back) {
        if (!add('supplement.requested', requested, { items: ['Giấy tờ'], reason: 'Thiếu giấy tờ', requestedAt: iso(requested) })) return { events };
        if (!add('supplement.received', back, { receivedAt: iso(back), newAppointmentAt: iso(extended) })) return { events };
        t = back;
        due = extended;
      }
    }

    const ending = random();
    if (ending < 0.015) {
      add('dossier.withdrawn', t + DAY, { reason: 'Công dân rút hồ sơ', withdrawnAt: iso(t + DAY) });
      return { events };
    }
    if (ending < 0.02) {
      add('processing.stopped', t + DAY, { reason: 'Dừng xử lý', stoppedAt: iso(t + DAY) });
      return { events };
    }
    const timing = random();
    let resultMs: number;
    if (timing < 0.8) resultMs = Math.floor(t + Math.max(HOUR, (due! - t) * random() * 0.9));
    else if (timing < 0.92) resultMs = Math.max(t + HOUR, due! - HOUR);
    else {
      resultMs = due! + (1 + Math.floor(random() * 10)) * DAY;
      // Most late dossiers get an apology (form 04) the day before their appointment.
      const apologyMs = Math.max(t + HOUR, due! - DAY);
      if (random() < 0.6 && apologyMs < due!) {
        if (!add('appointment.rescheduled', apologyMs, { reason: 'Cần xác minh thêm', previousAppointmentAt: iso(due!), newAppointmentAt: iso(resultMs + DAY) })) return { events };
      }
    }
    if (!add('result.recorded', resultMs, { resultAt: iso(resultMs), summary: 'Đã giải quyết', outcome: 'approved' })) return { events };
    if (random() < 0.1) return { events };
    const handedMs = resultMs + Math.floor(random() * 3) * DAY + HOUR;
    if (!add('result.handedBack', handedMs, { collector: { kind: 'applicant' }, handedBackAt: iso(handedMs) })) return { events };
    if (random() < 0.75) {
      const r = random();
      const level: SatisfactionLevel = r < 0.88 ? 'very_satisfied' : r < 0.97 ? 'satisfied' : r < 0.98 ? 'not_satisfied' : 'not_rated';
      add('satisfaction.rated', handedMs + 60_000, { level });
    }
    return { events };
  }
}

function seed(db: DeskDatabase): void {
  const settings = new SettingsRepository(db);
  writeDeskSettings(settings, { unitId: 'ha-long-2020-phuong-hong-gai', unit: UNIT, station: 1 });
  const officerRepo = new OfficerRepository(db);
  const officers = ['Nguyễn Thị Lan', 'Trần Văn Hùng', 'Lê Thị Mai', 'Phạm Quang Minh'].map(
    (fullName, i) => officerRepo.create({ id: ulid(), username: `canbo${i + 1}`, fullName, role: i === 0 ? 'supervisor' : 'officer', passwordHash: 'x' }, iso(NOW_MS)).id,
  );
  const writer = new LifeWriter(officers);
  const log = new EventLogRepository(db);
  const projections = new ProjectionRepository(db);
  const random = seededRandom(20261127);
  db.pragma('synchronous = OFF');
  const started = performance.now();
  let events = 0;
  for (let done = 0; done < DOSSIERS; done += BATCH) {
    db.transaction(() => {
      for (let i = done; i < Math.min(done + BATCH, DOSSIERS); i += 1) {
        const { events: life } = writer.lifeOf(random);
        // Every event is checked against the real schema for the first dossiers: the generator must make real facts.
        if (i < 2000) for (const event of life) if (!parseDossierEvent(event).ok) throw new Error(`invalid ${event.type}: ${JSON.stringify(parseDossierEvent(event))}`);
        const state = foldDossier(life)!;
        if (state.needsReview) throw new Error(`generated a life the lifecycle refuses: ${state.reviewReasons.join('; ')}`);
        for (const event of life) log.append(event, event.occurredAt);
        projections.write(state);
        events += life.length;
      }
    })();
    const seconds = (performance.now() - started) / 1000;
    const total = Math.min(done + BATCH, DOSSIERS);
    if (total % 100_000 === 0 || total === DOSSIERS) {
      console.log(`  seeded ${total.toLocaleString('en')} dossiers, ${events.toLocaleString('en')} events — ${Math.round(total / seconds).toLocaleString('en')} dossiers/s`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  db.pragma('synchronous = FULL');
  settings.set(SEEDED_KEY, String(DOSSIERS));
  console.log(
    `Seeded ${DOSSIERS.toLocaleString('en')} dossiers (${events.toLocaleString('en')} events) in ${seconds.toFixed(0)} s: ` +
      `${Math.round(DOSSIERS / seconds).toLocaleString('en')} dossiers/s, ${Math.round(events / seconds).toLocaleString('en')} events/s`,
  );
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  let db = openDatabase({ path: DB_PATH });
  if (new SettingsRepository(db).get(SEEDED_KEY) !== String(DOSSIERS)) {
    // Half-seeded (an interrupted run) or from an older schema: start again.
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${DB_PATH}${suffix}`, { force: true });
    db = openDatabase({ path: DB_PATH });
    console.log(`Seeding ${DOSSIERS.toLocaleString('en')} dossiers into ${DB_PATH} (once; later runs reuse it)…`);
    seed(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } else {
    console.log(`Reusing ${DB_PATH}`);
  }
  const size = statSync(DB_PATH).size + (existsSync(`${DB_PATH}-wal`) ? statSync(`${DB_PATH}-wal`).size : 0);
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  console.log(
    `Desk: ${count('SELECT count(*) AS n FROM dossiers').toLocaleString('en')} dossiers, ${count('SELECT count(*) AS n FROM events').toLocaleString('en')} events, ` +
      `${count('SELECT count(*) AS n FROM report_bieu06 WHERE open_until = \'9999-12-31\'').toLocaleString('en')} pending, ${(size / 1024 ** 3).toFixed(2)} GiB\n`,
  );

  const catalogue = new CatalogueRepository(db);
  catalogue.seedIfOlder();
  const reports = new ReportService({ db, catalogue, officers: new OfficerRepository(db), settings: new SettingsRepository(db), now: () => NOW_MS });
  const today = localDateOf(NOW_MS);
  const periods = [
    ['Biểu 06, Q3 2026 (last full quarter)', quarterPeriod(2026, 3)],
    ['Biểu 06, Q1 2024 (an old quarter)', quarterPeriod(2024, 1)],
    ['Biểu 06, Q4 2026 to date', { from: '2026-10-01', to: today }],
    ['Biểu 06, year 2025', { from: '2025-01-01', to: '2025-12-31' }],
  ] as const;
  const lines: string[] = [];
  for (const [label, period] of periods) {
    const report = reports.bieu06(period);
    if (report.problems.length > 0) throw new Error(report.problems.join('; '));
    reports.bieu06(period); // warm the page cache once
    const samples = await timeEach(20, () => reports.bieu06(period));
    lines.push(`${formatRow(label, samples, 300)}   [${report.total.received.total.toLocaleString('en')} dossiers, ${report.total.received.carriedOver.toLocaleString('en')} carried over]`);
  }
  const busyDays = ['2026-11-26', '2026-11-27', '2025-06-16'];
  dailyTally(db, busyDays[0]!, NOW_MS);
  lines.push(formatRow('Daily tally (tallies.daily)', await timeEach(60, (i) => dailyTally(db, busyDays[i % busyDays.length]!, NOW_MS)), 50));
  const tally = dailyTally(db, today, NOW_MS);
  lines.push(`${' '.repeat(2)}(today: ${tally.receivedByChannel.inPerson + tally.receivedByChannel.online + tally.receivedByChannel.postal} received, ${tally.overdue} overdue, ${tally.dueWithin24h} due within 24 h)`);
  lines.push(formatRow('30-day series (reports.dailySeries)', await timeEach(20, () => reports.dailySeries(today, 30))));
  lines.push(formatRow('Satisfaction, Q3 2026', await timeEach(10, () => reports.satisfaction(quarterPeriod(2026, 3)))));
  lines.push(formatRow('Log book, Q3 2026, first 500 lines', await timeEach(10, () => reports.logBook(quarterPeriod(2026, 3), 500, 0))));
  lines.push(formatRow('Overdue list', await timeEach(10, () => reports.overdue())));

  const exportsDir = join(DATA_DIR, 'exports');
  const deps = { reports, events: new DeskEventBus(), settings: new SettingsRepository(db), exportsDir, preparedBy: 'Nguyễn Thị Lan' };
  lines.push(formatRow('Export Biểu 06 Q3 2026 (xlsx)', await timeEach(5, () => exportReport(deps, { report: 'bieu06', format: 'xlsx', ...quarterPeriod(2026, 3) }))));
  const month = { from: '2026-10-01', to: '2026-10-31' };
  const book = reports.logBook(month, 1, 0).total;
  lines.push(formatRow(`Export log book Oct 2026 (csv, ${book.toLocaleString('en')} lines)`, await timeEach(3, () => exportReport(deps, { report: 'logBook', format: 'csv', ...month }))));
  lines.push(formatRow(`Export log book Oct 2026 (xlsx)`, await timeEach(2, () => exportReport(deps, { report: 'logBook', format: 'xlsx', ...month }))));
  console.log(lines.join('\n'));
  const worst = summarise(await timeEach(20, () => reports.bieu06(quarterPeriod(2026, 3))));
  db.close();
  if (worst.median >= 300) process.exitCode = 1;
}

await main();
