import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysToLocalDate } from '../../../shared/domain/calendar/vietnam-time.js';
import { SECTORS } from '../../../shared/domain/catalogue/seed/sectors.js';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import type { DossierState } from '../../../shared/domain/dossier/state.js';
import { tallyDay } from '../../../shared/domain/dossier/tally.js';
import { bieu06FromStates } from '../../../shared/domain/reports/bieu06.js';
import { overdueListFromStates } from '../../../shared/domain/reports/overdue-list.js';
import type { ReportPeriod } from '../../../shared/domain/reports/report-period.js';
import { emptySatisfactionCounts, satisfactionFromStates, satisfactionLine } from '../../../shared/domain/reports/satisfaction.js';
import { CentreCatalogue } from '../../../server/catalogue/centre-catalogue.js';
import { DashboardService } from '../../../server/dashboard/dashboard-service.js';
import { DASHBOARD_PROJECTION_VERSION } from '../../../server/dashboard/project-dossiers.js';
import { rebuildDashboardProjection } from '../../../server/dashboard/rebuild-projection.js';
import type { CentreStorage } from '../../../server/storage/storage.js';
import { appendEntries } from '../../../server/sync/append-entries.js';
import { prepareEvent } from '../../../server/sync/prepare-event.js';
import { appendCityHistory, cityHistory, type DeskStream } from './support/city-history.js';
import { foldedDossiers, STORAGE_KINDS } from './support/storages.js';

// The centre's projection, written in the append path, against the shared reference functions the
// desks are held to (tallyDay, bieu06FromStates, satisfactionFromStates, overdueListFromStates) over
// every dossier the centre's log holds, folded — on SQLite and on PostgreSQL. Events arrive in any
// order (one unit's whole history is delivered backwards), and a rebuild gives the same numbers.

const NOW_MS = Date.parse('2026-12-15T03:00:00Z'); // Tuesday 15/12/2026 10:00 in Hạ Long
const NOW = new Date(NOW_MS).toISOString();
const UNITS = ['06649', '06652', '06691', '07030', '07066'];
const PERIODS: ReportPeriod[] = [
  { from: '2026-10-01', to: '2026-12-15' },
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2026-09-10', to: '2026-10-20' },
  { from: '2026-12-01', to: '2026-12-14' },
  { from: '2026-12-15', to: '2026-12-15' },
];
const DAYS = ['2026-12-15', '2026-12-14', '2026-11-30', '2026-10-05', '2026-09-01'];

/** One desk's events delivered newest first in small batches: later facts outrun their dossiers' creation. */
async function appendBackwards(storage: CentreStorage, stream: DeskStream): Promise<void> {
  const events = [...stream.batches(100_000)].flat().reverse();
  for (let i = 0; i < events.length; i += 97) {
    const prepared = events.slice(i, i + 97).map((e) => {
      const result = prepareEvent(e as unknown as Record<string, unknown>);
      if (!result.ok) throw new Error(result.message);
      return result.prepared;
    });
    await storage.transaction((tx) => appendEntries(tx, { deviceId: stream.deviceId, unitGso: stream.unit.gsoCode }, prepared, [], NOW));
  }
}

/** Everything the dashboard draws up for the periods and days above, as plain data. */
async function everything(service: DashboardService) {
  return {
    tallies: await Promise.all(DAYS.map((day) => service.tally(day))),
    bieu06: await Promise.all(PERIODS.flatMap((p) => [service.bieu06(p, null), ...UNITS.map((u) => service.bieu06(p, u))])),
    satisfaction: await Promise.all(PERIODS.map((p) => service.satisfaction(p))),
    overdue: await service.overdue(5000),
  };
}

for (const kind of STORAGE_KINDS) {
  describe.skipIf(!kind.available)(`the dashboard's projection on ${kind.name}`, { timeout: 120_000 }, () => {
    let storage: CentreStorage;
    let states: DossierState[];
    let service: DashboardService;
    const ofUnit = (gso: string) => states.filter((s) => s.unit.gsoCode === gso);

    beforeAll(async () => {
      storage = await kind.open();
      const streams = cityHistory({ units: UNITS, perUnitPerDay: 4, fromDay: '2026-08-20', lastMs: NOW_MS, seed: 7 });
      await appendCityHistory(storage, streams.slice(1), { batch: 250, recordedAt: NOW });
      await appendBackwards(storage, streams[0]!);
      states = await foldedDossiers(storage);
      service = new DashboardService(storage.dashboard, new CentreCatalogue(storage), () => NOW_MS);
      // A city's history written through the real storage: seconds on a quiet machine, more on a busy one.
    }, 120_000);
    afterAll(async () => {
      if (storage !== undefined) await kind.dispose(storage);
    });

    it('the history is rich enough to test something: every column of Biểu 06 and every tally fact occurs', async () => {
      expect(states.length).toBeGreaterThan(1000);
      const quarter = bieu06FromStates(states, PERIODS[0]!, SECTORS).total;
      for (const n of [quarter.received.online, quarter.received.directOrPostal, quarter.received.carriedOver, quarter.settled.early, quarter.settled.onTime, quarter.settled.late, quarter.pending.withinTime, quarter.pending.overdue]) {
        expect(n).toBeGreaterThan(0);
      }
      const overdue = overdueListFromStates(states, NOW, 100_000);
      expect(overdue.overdue).toBeGreaterThan(0);
    });

    it("each unit's daily tally equals tallyDay over its folded dossiers, for today and past days", async () => {
      for (const day of DAYS) {
        const view = await service.tally(day);
        expect(view.units.map((u) => u.gsoCode).slice(0, 33)).toHaveLength(33);
        for (const gso of UNITS) expect(view.units.find((u) => u.gsoCode === gso)!.tally, `${gso} on ${day}`).toEqual(tallyDay(ofUnit(gso), day, NOW));
        expect(view.total).toEqual(tallyDay(states, day, NOW));
        // Units without a desk show zeros.
        expect(view.units.find((u) => u.gsoCode === '06658')!.tally).toEqual(tallyDay([], day, NOW));
      }
    });

    it('Biểu 06 for the city, for each unit, and the per-unit breakdown equal bieu06FromStates', async () => {
      for (const period of PERIODS) {
        const city = await service.bieu06(period, null);
        const reference = bieu06FromStates(states, period, SECTORS);
        expect(city.form.rows, `${period.from}…${period.to}`).toEqual(reference.rows);
        expect(city.form.total).toEqual(reference.total);
        expect(city.problems).toEqual([]);
        expect(city.unitsTotal.received).toEqual(reference.total.received);
        for (const gso of UNITS) {
          const own = bieu06FromStates(ofUnit(gso), period, SECTORS);
          const unit = await service.bieu06(period, gso);
          expect(unit.form.rows).toEqual(own.rows);
          // Named by the catalogue on the period's end: in 2026 code 06652 is the new Hà Tu's, whatever the desk called it.
          expect(unit.unit).toMatchObject({ gsoCode: gso, name: new CentreCatalogue(storage).unitName(gso, period.to) });
          const line = city.units.find((u) => u.gsoCode === gso)!.row;
          expect([line.received, line.settled, line.pending]).toEqual([own.total.received, own.total.settled, own.total.pending]);
        }
      }
    });

    it('Biểu 06 agrees for a period ending on every day of the last two and a half months (waits, apologies, carry-overs cut at each end)', async () => {
      for (let to = '2026-10-01'; to <= '2026-12-15'; to = addDaysToLocalDate(to, 1)) {
        const period = { from: addDaysToLocalDate(to, -20), to };
        expect((await service.bieu06(period, null)).form.rows, to).toEqual(bieu06FromStates(states, period, SECTORS).rows);
      }
    });

    it("each unit's online share is Biểu 06's online over newly received", async () => {
      const share = await service.onlineShare(PERIODS[1]!);
      for (const gso of UNITS) {
        const { received } = bieu06FromStates(ofUnit(gso), PERIODS[1]!, SECTORS).total;
        const line = share.units.find((u) => u.gsoCode === gso)!;
        expect(line.share).toBeCloseTo(received.online / (received.online + received.directOrPostal), 12);
        expect(line.belowTarget).toBe(line.share! < 0.7);
      }
      expect(share.units.find((u) => u.gsoCode === '06658')).toMatchObject({ share: null, belowTarget: false });
    });

    it("each unit's satisfaction equals satisfactionFromStates", async () => {
      for (const period of PERIODS) {
        const view = await service.satisfaction(period);
        for (const gso of UNITS) {
          const reference = satisfactionFromStates(ofUnit(gso), period, () => null).units[0];
          const expected = reference ?? satisfactionLine(gso, view.units.find((u) => u.key === gso)!.label, emptySatisfactionCounts());
          const line = view.units.find((u) => u.key === gso)!;
          expect([line.counts, line.rates]).toEqual([expected.counts, expected.rates]);
        }
        expect(view.total.counts).toEqual(satisfactionFromStates(states, period, () => null).total.counts);
      }
    });

    it("the city's overdue list is overdueListFromStates' overdue dossiers, in the same order, without personal data", async () => {
      const view = await service.overdue(5000);
      const reference = overdueListFromStates(states, NOW, 100_000).rows.filter((r) => r.kind === 'overdue');
      expect(view.total).toBe(reference.length);
      expect(view.rows.map((r) => r.code)).toEqual(reference.map((r) => r.code));
      expect(view.rows.map((r) => r.appointmentAt)).toEqual(reference.map((r) => r.appointmentAt));
      const text = JSON.stringify(view);
      for (const state of states.slice(0, 200)) {
        expect(text).not.toContain(state.applicant.fullName);
        if (state.applicant.idNumber !== null) expect(text).not.toContain(state.applicant.idNumber);
      }
      const limited = await service.overdue(3);
      expect(limited).toMatchObject({ total: reference.length, truncated: true });
      expect(limited.rows).toHaveLength(3);
    });

    it('a rebuild from the log gives exactly the numbers the append path kept', async () => {
      const before = await everything(service);
      expect(await rebuildDashboardProjection(storage)).toBeGreaterThanOrEqual(states.length);
      expect(await storage.dashboard.projectionVersion()).toBe(DASHBOARD_PROJECTION_VERSION);
      expect(await everything(service)).toEqual(before);
    });
  });
}

// Two desks of one unit touching the same dossiers in concurrent transactions: each transaction
// refolds what it can see, so without the dossier locks the later commit could keep a state missing
// the other's event. With them, the projection ends equal to the fold of everything.
describe.skipIf(!STORAGE_KINDS[1]!.available)('concurrent writers on PostgreSQL', { timeout: 120_000 }, () => {
  it('the projection ends equal to the fold of every event, whatever commits first', async () => {
    const kind = STORAGE_KINDS[1]!;
    const storage = await kind.open();
    try {
      const [stream] = cityHistory({ units: ['06691'], perUnitPerDay: 6, fromDay: '2026-11-16', lastMs: NOW_MS, seed: 11 });
      const events = [...stream!.batches(100_000)].flat();
      // Re-sign alternate events of every dossier as a second desk of the unit, each desk with its own counters.
      const seqs = { a: 0, b: 0 };
      const byDossier = new Map<string, number>();
      const signed = events.map((e) => {
        const position = byDossier.get(e.dossierId) ?? 0;
        byDossier.set(e.dossierId, position + 1);
        const desk = position % 2 === 0 ? 'a' : 'b';
        seqs[desk] += 1;
        const deviceId = `desk-06691-${desk}`;
        return { ...e, deviceId, deviceSeq: seqs[desk], hlc: e.hlc.replace(/desk-06691-1$/, deviceId) } as DossierEvent;
      });
      // Creations first (they fix the unit), then the rest in small concurrent batches per desk.
      const isCreation = (e: DossierEvent) => e.type === 'dossier.received' || e.type === 'dossier.refused';
      const creations = signed.filter(isCreation);
      const rest = signed.filter((e) => !isCreation(e));
      const prep = (list: DossierEvent[]) =>
        list.map((e) => {
          const r = prepareEvent(e as unknown as Record<string, unknown>);
          if (!r.ok) throw new Error(r.message);
          return r.prepared;
        });
      const send = (deviceId: string, list: DossierEvent[]) =>
        storage.transaction((tx) => appendEntries(tx, { deviceId, unitGso: '06691' }, prep(list), [], NOW));
      for (const deviceId of ['desk-06691-a', 'desk-06691-b']) await send(deviceId, creations.filter((e) => e.deviceId === deviceId));
      const batches: Promise<unknown>[] = [];
      for (const deviceId of ['desk-06691-a', 'desk-06691-b']) {
        const own = rest.filter((e) => e.deviceId === deviceId);
        for (let i = 0; i < own.length; i += 7) batches.push(send(deviceId, own.slice(i, i + 7)));
      }
      await Promise.all(batches);

      const states = await foldedDossiers(storage);
      const service = new DashboardService(storage.dashboard, new CentreCatalogue(storage), () => NOW_MS);
      const period = { from: '2026-11-16', to: '2026-12-15' };
      expect((await service.bieu06(period, null)).form.total).toEqual(bieu06FromStates(states, period, SECTORS).total);
      for (const day of ['2026-12-15', '2026-12-10', '2026-12-01', '2026-11-20']) {
        expect((await service.tally(day)).total).toEqual(tallyDay(states, day, NOW));
      }
      expect((await service.overdue(5000)).total).toBe(overdueListFromStates(states, NOW, 100_000).overdue);
    } finally {
      await kind.dispose(storage);
    }
  });
});
