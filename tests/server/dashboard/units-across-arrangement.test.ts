import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTORS } from '../../../shared/domain/catalogue/seed/sectors.js';
import type { DossierState } from '../../../shared/domain/dossier/state.js';
import { vietnamDateOf } from '../../../shared/domain/dossier/vietnam-time.js';
import { addBieu06Counts, bieu06FromStates, emptyBieu06Counts, type Bieu06Counts, type Bieu06Row } from '../../../shared/domain/reports/bieu06.js';
import type { ReportPeriod } from '../../../shared/domain/reports/report-period.js';
import { CentreCatalogue } from '../../../server/catalogue/centre-catalogue.js';
import { DashboardService, KEPT_ON_FORMER_LINE } from '../../../server/dashboard/dashboard-service.js';
import type { Bieu06View } from '../../../server/dashboard/dashboard-types.js';
import type { CentreStorage } from '../../../server/storage/storage.js';
import { appendCityHistory, cityHistory } from './support/city-history.js';
import { foldedDossiers, STORAGE_KINDS } from './support/storages.js';

// Biểu 06 and the tallies over a period that spans 1/7/2025, when Hạ Long's 33 units became today's:
// by default a dossier counts under the unit that received it; "theo đơn vị hiện nay" (countBy=present)
// moves a former unit's dossiers to the unit it became — exactly those, and the city total stays.
//
// The desks chosen test every case: 06673 is old Bãi Cháy's code until 30/6/2025 and new Bãi Cháy's
// from 1/7 (one code, two units); 06685 is Trần Hưng Đạo's, then the new Hồng Gai's; 06691 is the former
// Hồng Gai's, kept by a desk not yet moved (both go to the new Hồng Gai); Hà Khánh (06649) has no known
// successor and only part of Đồng Lâm (07042) went to Thống Nhất: theirs stay on their own lines.

const NOW_MS = Date.parse('2025-08-05T03:00:00Z'); // Tuesday 5/8/2025 10:00 in Hạ Long
const NOW = new Date(NOW_MS).toISOString();
const CODES = ['06673', '06685', '06691', '06649', '07042'];
const PERIOD: ReportPeriod = { from: '2025-06-01', to: '2025-07-31' };
const ARRANGEMENT = '2025-07-01';

const OLD = (slug: string) => `ha-long-2020-${slug}`;
const NEW = (slug: string) => `quang-ninh-2025-${slug}`;

const cells = (row: Bieu06Row) => [row.received, row.settled, row.pending];
const lineOf = (view: Bieu06View, unitId: string) => {
  const line = view.units.find((u) => u.unitId === unitId);
  if (line === undefined) throw new Error(`no line ${unitId}`);
  return line;
};
const countsOf = (row: Bieu06Row): Bieu06Counts => ({
  online: row.received.online,
  directOrPostal: row.received.directOrPostal,
  carriedOver: row.received.carriedOver,
  early: row.settled.early,
  onTime: row.settled.onTime,
  late: row.settled.late,
  withinTime: row.pending.withinTime,
  overdue: row.pending.overdue,
});
const sumOf = (...rows: Bieu06Row[]) => rows.reduce((sum, row) => addBieu06Counts(sum, countsOf(row)), emptyBieu06Counts());

for (const kind of STORAGE_KINDS) {
  describe.skipIf(!kind.available)(`a period spanning 1/7/2025 on ${kind.name}`, { timeout: 120_000 }, () => {
    let storage: CentreStorage;
    let states: DossierState[];
    let service: DashboardService;
    let received: Bieu06View;
    let present: Bieu06View;
    /** The reference line of the dossiers received under a code before (or from) 1/7/2025. */
    const own = (gso: string, side: 'before' | 'from') =>
      bieu06FromStates(
        states.filter((s) => s.unit.gsoCode === gso && (vietnamDateOf(s.receivedAt!) < ARRANGEMENT) === (side === 'before')),
        PERIOD,
        SECTORS,
      ).total;

    beforeAll(async () => {
      storage = await kind.open();
      await appendCityHistory(storage, cityHistory({ units: CODES, perUnitPerDay: 3, fromDay: '2025-05-15', lastMs: NOW_MS, seed: 11 }), { batch: 250, recordedAt: NOW });
      states = (await foldedDossiers(storage)).filter((s) => s.receivedAt !== null);
      service = new DashboardService(storage.dashboard, new CentreCatalogue(storage), () => NOW_MS);
      received = await service.bieu06(PERIOD, null);
      present = await service.bieu06(PERIOD, null, 'present');
      // A city's history written through the real storage: seconds on a quiet machine, more on a busy one.
    }, 120_000);
    afterAll(async () => {
      if (storage !== undefined) await kind.dispose(storage);
    });

    it('counts each dossier under the unit that received it by default, a reused code split at 1/7/2025', () => {
      expect(received.countBy).toBe('received');
      expect(own('06673', 'before').received.total).toBeGreaterThan(0);
      expect(own('06673', 'from').received.total).toBeGreaterThan(0);
      expect(cells(lineOf(received, OLD('phuong-bai-chay')).row)).toEqual(cells(own('06673', 'before')));
      expect(cells(lineOf(received, NEW('phuong-bai-chay')).row)).toEqual(cells(own('06673', 'from')));
      expect(cells(lineOf(received, OLD('phuong-tran-hung-dao')).row)).toEqual(cells(own('06685', 'before')));
      expect(cells(lineOf(received, NEW('phuong-hong-gai')).row)).toEqual(cells(own('06685', 'from')));
      // A desk of the former Hồng Gai still receiving after 1/7 counts under the former Hồng Gai.
      const formerHongGai = bieu06FromStates(states.filter((s) => s.unit.gsoCode === '06691'), PERIOD, SECTORS).total;
      expect(own('06691', 'from').received.total).toBeGreaterThan(0);
      expect(cells(lineOf(received, OLD('phuong-hong-gai')).row)).toEqual(cells(formerHongGai));
      expect(received.problems).toEqual([]);
    });

    it('reports identically both ways where no dossier moved: units with no single successor, the sectors, the city total', () => {
      expect(present.countBy).toBe('present');
      for (const unitId of [OLD('phuong-ha-khanh'), OLD('xa-dong-lam')]) {
        expect(lineOf(present, unitId).row.received.total).toBeGreaterThan(0);
        expect(cells(lineOf(present, unitId).row)).toEqual(cells(lineOf(received, unitId).row));
        expect(lineOf(present, unitId).note).toBe(KEPT_ON_FORMER_LINE);
        expect(lineOf(received, unitId).note).toBeNull();
      }
      const moved = new Set([OLD('phuong-bai-chay'), NEW('phuong-bai-chay'), OLD('phuong-hong-gai'), OLD('phuong-tran-hung-dao'), NEW('phuong-hong-gai')]);
      for (const line of received.units.filter((u) => !moved.has(u.unitId))) expect(cells(lineOf(present, line.unitId).row), line.unitId).toEqual(cells(line.row));
      expect(present.form).toEqual(received.form);
      expect(present.unitsTotal).toEqual(received.unitsTotal);
      expect(present.units.map((u) => u.unitId)).toEqual(received.units.map((u) => u.unitId));
      expect(present.problems).toEqual([]);
    });

    it("moves exactly the former units' counts to the unit each became by the period's end", () => {
      const rec = (id: string) => lineOf(received, id).row;
      expect(countsOf(lineOf(present, NEW('phuong-bai-chay')).row)).toEqual(sumOf(rec(NEW('phuong-bai-chay')), rec(OLD('phuong-bai-chay'))));
      expect(countsOf(lineOf(present, NEW('phuong-hong-gai')).row)).toEqual(
        sumOf(rec(NEW('phuong-hong-gai')), rec(OLD('phuong-hong-gai')), rec(OLD('phuong-tran-hung-dao'))),
      );
      for (const id of [OLD('phuong-bai-chay'), OLD('phuong-hong-gai'), OLD('phuong-tran-hung-dao')]) {
        expect(rec(id).received.total, id).toBeGreaterThan(0);
        expect(lineOf(present, id).row.received.total, id).toBe(0);
        expect(lineOf(present, id).row.pending.total, id).toBe(0);
      }
    });

    it('moves the ratings and the online share the same way, the city totals unchanged', async () => {
      const [byReceived, byPresent] = await Promise.all([service.satisfaction(PERIOD), service.satisfaction(PERIOD, 'present')]);
      expect(byPresent.total).toEqual(byReceived.total);
      const ratings = (view: typeof byReceived, id: string) => view.units[view.unitLines.findIndex((u) => u.unitId === id)]!.counts.ratings;
      expect(ratings(byReceived, OLD('phuong-bai-chay'))).toBeGreaterThan(0);
      expect(ratings(byPresent, NEW('phuong-bai-chay'))).toBe(ratings(byReceived, NEW('phuong-bai-chay')) + ratings(byReceived, OLD('phuong-bai-chay')));
      expect(ratings(byPresent, OLD('phuong-bai-chay'))).toBe(0);
      expect(ratings(byPresent, OLD('phuong-ha-khanh'))).toBe(ratings(byReceived, OLD('phuong-ha-khanh')));
      const [shareReceived, sharePresent] = await Promise.all([service.onlineShare(PERIOD), service.onlineShare(PERIOD, 'present')]);
      expect(sharePresent.total).toEqual(shareReceived.total);
    });

    it('counts a rating under the unit that received the dossier, as the desk’s report does, though given from 1/7/2025', async () => {
      const inPeriod = (day: string) => PERIOD.from <= day && day <= PERIOD.to;
      // "Không đánh giá" (not_rated) is shown apart and is no rating (satisfaction.ts): a count of every
      // dossier with a rating field set is above the dashboard's ratings by exactly the citizens who declined.
      const rated = (gso: string, side: 'before' | 'from' | 'any', declined: boolean) =>
        states.filter(
          (s) =>
            s.unit.gsoCode === gso &&
            s.rating !== null &&
            (s.rating === 'not_rated') === declined &&
            s.ratedAt !== null &&
            inPeriod(vietnamDateOf(s.ratedAt)) &&
            (side === 'any' || (vietnamDateOf(s.receivedAt!) < ARRANGEMENT) === (side === 'before')),
        ).length;
      // The case at stake is in the history: received by old Bãi Cháy, rated once its code named the new ward.
      expect(states.some((s) => s.unit.gsoCode === '06673' && vietnamDateOf(s.receivedAt!) < ARRANGEMENT && s.ratedAt !== null && vietnamDateOf(s.ratedAt) >= ARRANGEMENT)).toBe(true);
      const view = await service.satisfaction(PERIOD);
      const counts = (id: string) => view.units[view.unitLines.findIndex((u) => u.unitId === id)]!.counts;
      const lines = [
        [OLD('phuong-bai-chay'), '06673', 'before'],
        [NEW('phuong-bai-chay'), '06673', 'from'],
        [OLD('phuong-tran-hung-dao'), '06685', 'before'],
        [NEW('phuong-hong-gai'), '06685', 'from'],
        // The former Hồng Gai's code is borne by no unit of today: its desk's dossiers of both sides stay on its line.
        [OLD('phuong-hong-gai'), '06691', 'any'],
      ] as const;
      for (const [id, gso, side] of lines) {
        expect(counts(id), id).toMatchObject({ ratings: rated(gso, side, false), declined: rated(gso, side, true) });
      }
      // The history holds declines on the new-ward side, so the distinction is exercised.
      expect(rated('06673', 'from', true) + rated('06685', 'from', true)).toBeGreaterThan(0);
    });
  });
}

describe('the unit list follows the catalogue on the date asked', () => {
  const service = new DashboardService(
    { dayFactTotals: async () => [], runningClocks: async () => [], devices: async () => [] } as never,
    new CentreCatalogue({ pull: async () => [] }),
    () => Date.parse('2026-11-25T03:00:00Z'),
  );

  it("on a 2026 date: today's units of the city, each former unit folded beneath the unit it became", async () => {
    const { units } = await service.tally('2026-11-24');
    const today = units.filter((u) => !u.former);
    expect(today.map((u) => u.name)).toEqual([
      'Phường Tuần Châu', 'Phường Việt Hưng', 'Phường Bãi Cháy', 'Phường Hà Tu', 'Phường Hà Lầm', 'Phường Cao Xanh',
      'Phường Hồng Gai', 'Phường Hạ Long', 'Phường Hoành Bồ', 'Xã Quảng La', 'Xã Thống Nhất', 'Xã Kỳ Thượng',
    ]);
    expect(today.every((u) => u.unitId.startsWith('quang-ninh-2025-') && u.foldedUnder === null)).toBe(true);
    // Each former unit follows its successor's line, as its own line.
    const hongGai = units.findIndex((u) => u.unitId === 'quang-ninh-2025-phuong-hong-gai');
    expect(units.slice(hongGai, hongGai + 5).map((u) => [u.name, u.former, u.foldedUnder])).toEqual([
      ['Phường Hồng Gai', false, null],
      ['Phường Yết Kiêu', true, 'quang-ninh-2025-phuong-hong-gai'],
      ['Phường Trần Hưng Đạo', true, 'quang-ninh-2025-phuong-hong-gai'],
      ['Phường Hồng Gai', true, 'quang-ninh-2025-phuong-hong-gai'],
      ['Phường Bạch Đằng', true, 'quang-ninh-2025-phuong-hong-gai'],
    ]);
    expect(units.find((u) => u.unitId === 'ha-long-2020-xa-dong-lam')).toMatchObject({ former: true, foldedUnder: 'quang-ninh-2025-xa-thong-nhat' });
    // Former units whose successor the sources do not name close the list, unfolded.
    expect(units.at(-1)).toMatchObject({ unitId: 'ha-long-2020-xa-le-loi', former: true, foldedUnder: null });
    expect(units.filter((u) => u.former)).toHaveLength(33);
    // Old and new Bãi Cháy share 06673: two lines, the code naming today's ward.
    expect(units.filter((u) => u.gsoCode === '06673').map((u) => u.unitId)).toEqual(['quang-ninh-2025-phuong-bai-chay', 'ha-long-2020-phuong-bai-chay']);
  });

  it('on a 2025-03 date: the 33 former units, none folded', async () => {
    const { units } = await service.tally('2025-03-10');
    expect(units).toHaveLength(33);
    expect(units.every((u) => !u.former && u.foldedUnder === null && u.unitId.startsWith('ha-long-2020-'))).toBe(true);
    expect(units.slice(0, 2).map((u) => [u.gsoCode, u.name])).toEqual([
      ['06649', 'Phường Hà Khánh'],
      ['06652', 'Phường Hà Phong'],
    ]);
  });
});
