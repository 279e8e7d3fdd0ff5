import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bieu06Row } from '../../../../shared/domain/reports/bieu06.js';
import { vietnamDateOf } from '../../../../shared/domain/dossier/vietnam-time.js';
import { buildReferenceDesk, type ReferenceDesk } from './reference-desk.js';

// Biểu 06, the tallies, the satisfaction report, the log book and the overdue list against the
// hand-built reference set (reference-desk.ts). Every expected number below is counted by hand from
// the stories written there.

/** The 11 numbers of a line, in the form's order: (3)–(13). */
const numbers = (row: Bieu06Row): number[] => [
  row.received.total,
  row.received.online,
  row.received.directOrPostal,
  row.received.carriedOver,
  row.settled.total,
  row.settled.early,
  row.settled.onTime,
  row.settled.late,
  row.pending.total,
  row.pending.withinTime,
  row.pending.overdue,
];

let ref: ReferenceDesk;
beforeAll(async () => {
  ref = await buildReferenceDesk();
}, 60_000);
afterAll(() => ref.desk.dispose());

const lineOf = (rows: readonly Bieu06Row[], sectorId: string) => numbers(rows.find((r) => r.sectorId === sectorId)!);

describe('the reference set is what its stories say', () => {
  it('gets the appointments the working calendar gives', async () => {
    const due = Object.fromEntries(Object.entries(ref.appointments).map(([name, at]) => [name, at === '' ? null : vietnamDateOf(at)]));
    expect(due).toMatchObject({
      D1: '2026-11-03', D2: '2026-11-04', D4: '2026-10-29', D5: '2026-10-30', D6: '2026-11-02', D7: '2026-11-05',
      D8: '2026-11-06', D9: '2026-11-12', D10: '2026-11-26', D11: null, D13: '2026-12-01', D14: '2026-11-17',
      D16: '2026-12-02', D17: '2026-11-30', D19: '2026-11-19',
    });
    const now = async (name: string) => vietnamDateOf((await ref.desk.call('dossiers.get', { id: ref.ids[name]! })).state.appointmentAt!);
    expect(await now('D9')).toBe('2026-11-24'); // extended by the 8-working-day wait
    expect(await now('D10')).toBe('2026-12-07');
    expect(await now('D14')).toBe('2026-12-10'); // the form 04 promise
  });
});

describe('Biểu 06 on the reference set', () => {
  it('November 2026: carried over, channels, early/on time/late, waiting, apologies and the last day', async () => {
    const report = await ref.desk.call('reports.bieu06', { from: '2026-11-01', to: '2026-11-30' });
    //                                              rcv onl dir car | set ear ont lat | pen wit ovd
    expect(lineOf(report.rows, 'cu-tru')).toEqual([11, 2, 6, 3, 6, 2, 3, 1, 5, 2, 3]);
    expect(lineOf(report.rows, 'ho-tich')).toEqual([2, 0, 2, 0, 1, 0, 1, 0, 1, 1, 0]);
    expect(lineOf(report.rows, 'chung-thuc')).toEqual([2, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0]);
    expect(numbers(report.total)).toEqual([15, 2, 9, 4, 8, 2, 4, 2, 7, 4, 3]);
    expect(report.total.sectorName).toBe('Tổng cộng');
    expect(report.problems).toEqual([]);
    // Every sector of the catalogue has its line, quiet ones as zeros, in catalogue order.
    expect(report.rows.map((r) => r.sectorId).slice(0, 4)).toEqual(['ho-tich', 'nuoi-con-nuoi', 'chung-thuc', 'cu-tru']);
    expect(lineOf(report.rows, 'dat-dai')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(report.header.unitName).toBe('Phường Hồng Gai');
  });

  it('1–15 December: what was pending on 30/11 is carried over, settled, still overdue or now waiting', async () => {
    const report = await ref.desk.call('reports.bieu06', { from: '2026-12-01', to: '2026-12-15' });
    expect(lineOf(report.rows, 'cu-tru')).toEqual([5, 0, 0, 5, 2, 0, 1, 1, 3, 1, 2]);
    expect(lineOf(report.rows, 'ho-tich')).toEqual([2, 0, 1, 1, 2, 0, 1, 1, 0, 0, 0]);
    expect(lineOf(report.rows, 'chung-thuc')).toEqual([1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0]);
    expect(numbers(report.total)).toEqual([8, 0, 1, 7, 5, 0, 3, 2, 3, 1, 2]);
  });

  it('the quarter so far (1/10–15/12): everything is new, nothing carried over', async () => {
    const report = await ref.desk.call('reports.bieu06', { from: '2026-10-01', to: '2026-12-15' });
    expect(lineOf(report.rows, 'cu-tru')).toEqual([11, 3, 8, 0, 8, 2, 4, 2, 3, 1, 2]);
    expect(lineOf(report.rows, 'ho-tich')).toEqual([4, 0, 4, 0, 4, 0, 3, 1, 0, 0, 0]);
    expect(lineOf(report.rows, 'chung-thuc')).toEqual([2, 0, 2, 0, 2, 0, 1, 1, 0, 0, 0]);
    expect(numbers(report.total)).toEqual([17, 3, 14, 0, 14, 2, 8, 4, 3, 1, 2]);
  });

  it('a single day: 02/11 received D6 and D7 and settled D1 (early) and D6 (on time)', async () => {
    const report = await ref.desk.call('reports.bieu06', { from: '2026-11-02', to: '2026-11-02' });
    // In scope: D6, D7 (new); D1, D2, D4, D5 (carried over, open on 02/11). Pending at the end of the day:
    // D2 and D7 within; D4 (due 29/10) and D5 (statutory due 30/10, whatever its form 04 promised) overdue.
    expect(numbers(report.total)).toEqual([6, 0, 2, 4, 2, 1, 1, 0, 4, 2, 2]);
  });
});

describe('the other reports on the reference set', () => {
  it('the daily tally of 02/11 and the overdue counts as of 15/12', async () => {
    const tally = await ref.desk.call('tallies.daily', { date: '2026-11-02' });
    expect(tally.receivedByChannel).toEqual({ inPerson: 1, online: 0, postal: 1 });
    expect(tally.resultsReady).toBe(2);
    expect(tally.feesVnd).toBe(8000);
    // D2 (due 04/11) and D14 (its form 04 date 10/12 has passed too) as of 15/12 10:00; D19 waits for papers.
    expect(tally.overdue).toBe(2);
    expect(tally.dueWithin24h).toBe(0);
  });

  it('the 30 days to 15/12: channels, hand-backs and the on-time rate per day', async () => {
    const series = await ref.desk.call('reports.dailySeries', { to: '2026-12-15', days: 30 });
    expect(series.from).toBe('2026-11-16');
    expect(series.points).toHaveLength(30);
    const day = (date: string) => series.points.find((p) => p.date === date)!;
    expect(day('2026-11-16').received).toEqual({ inPerson: 1, online: 0, postal: 0 }); // D19; D11 was turned back, not received
    expect(day('2026-12-01')).toMatchObject({ received: { inPerson: 1, online: 0, postal: 0 }, settled: 2, settledOnTime: 1, onTimeRate: 0.5 });
    expect(day('2026-12-02')).toMatchObject({ settled: 2, settledOnTime: 1 }); // D11's withdrawal settles nothing: never received
    expect(day('2026-11-19')).toMatchObject({ settled: 1, settledOnTime: 1, onTimeRate: 1 }); // D15 stopped
    expect(day('2026-11-21').onTimeRate).toBeNull();
  });

  it('satisfaction in November, per unit and per receiving officer', async () => {
    const report = await ref.desk.call('reports.satisfaction', { from: '2026-11-01', to: '2026-11-30' });
    expect(report.units).toHaveLength(1);
    expect(report.units[0]).toMatchObject({
      key: '06691',
      label: 'Phường Hồng Gai',
      counts: { ratings: 3, verySatisfied: 1, satisfied: 1, notSatisfied: 1, declined: 1 },
    });
    expect(report.units[0]!.rates.verySatisfied).toBeCloseTo(1 / 3);
    const byName = Object.fromEntries(report.officers.map((o) => [o.label, o]));
    expect(byName['Trần Văn Giám Sát']!.counts).toEqual({ ratings: 1, verySatisfied: 1, satisfied: 0, notSatisfied: 0, declined: 1 });
    expect(byName['Trần Văn Giám Sát']!.rates).toEqual({ verySatisfied: 1, satisfied: 0, notSatisfied: 0 });
    expect(byName['Lê Thị Cán Bộ']!.counts).toEqual({ ratings: 2, verySatisfied: 0, satisfied: 1, notSatisfied: 1, declined: 0 });
    expect(byName['Lê Thị Cán Bộ']!.rates).toEqual({ verySatisfied: 0, satisfied: 0.5, notSatisfied: 0.5 });
    expect(report.total.counts.ratings).toBe(3);
  });

  it('the log book of November lists the 11 dossiers received, in order of receipt (not D11, turned back at the counter)', async () => {
    const book = await ref.desk.call('reports.logBook', { from: '2026-11-01', to: '2026-11-30' });
    expect(book.total).toBe(11);
    const names = ['D6', 'D7', 'D8', 'D9', 'D14', 'D19', 'D15', 'D10', 'D13', 'D17', 'D16'];
    expect(book.rows.map((r) => r.code)).toEqual(names.map((n) => ref.codes[n]));
    expect(ref.codes.D11).toBeNull();
    expect(book.rows.map((r) => r.applicantName)).not.toContain('Công Dân D11');
    const d6 = book.rows[0]!;
    expect(d6).toMatchObject({ resultAt: '2026-11-02T08:00:00.000Z', handedBackAt: '2026-11-03T03:00:00.000Z', status: 10 });
    const page = await ref.desk.call('reports.logBook', { from: '2026-11-01', to: '2026-11-30', limit: 5, offset: 9 });
    expect(page.rows.map((r) => r.code)).toEqual([ref.codes.D17, ref.codes.D16]);
    expect(page.total).toBe(11);
  });

  it('the overdue list as of 15/12 10:00, most urgent first', async () => {
    const list = await ref.desk.call('reports.overdue', {});
    expect(list.overdue).toBe(2);
    expect(list.dueSoon).toBe(0);
    expect(list.rows.map((r) => r.code)).toEqual([ref.codes.D2, ref.codes.D14]);
    expect(list.rows.every((r) => r.kind === 'overdue')).toBe(true);
  });
});
