import { addDaysToLocalDate } from '../../shared/domain/calendar/vietnam-time.js';
import type { SatisfactionLevel, StatusCode } from '../../shared/domain/dossier/events.js';
import { statusLabel } from '../../shared/domain/dossier/lifecycle.js';
import type { DailyTally } from '../../shared/domain/dossier/tally.js';
import { vietnamDateOf } from '../../shared/domain/dossier/vietnam-time.js';
import { addBieu06Counts, assembleBieu06, bieu06Problems, bieu06Row, emptyBieu06Counts, type Bieu06Counts } from '../../shared/domain/reports/bieu06.js';
import { DUE_SOON_WINDOW_HOURS } from '../../shared/domain/reports/overdue-list.js';
import type { ReportPeriod } from '../../shared/domain/reports/report-period.js';
import { overdueWording } from '../../shared/domain/reports/report-tables.js';
import { countLevel, emptySatisfactionCounts, satisfactionLine, type MutableSatisfactionCounts } from '../../shared/domain/reports/satisfaction.js';
import type { CentreCatalogue } from '../catalogue/centre-catalogue.js';
import { ARRANGEMENT_DAY, cityUnitsOf, rowLabel, type CityUnits } from './city-units.js';
import type { DashboardStore, DayFactTotal, UnitProcedureCounts } from './dashboard-store.js';
import type {
  Bieu06View,
  CountBy,
  DashboardUnit,
  DeskLine,
  DesksView,
  OnlineShareLine,
  OnlineShareView,
  OverdueView,
  SatisfactionView,
  TallyView,
  UnitTally,
} from './dashboard-types.js';
import { DAY_FACT_KINDS, RATING_KINDS } from './dossier-facts.js';
import { addFact, addTallies, emptyTally, type MutableTally } from './tally-sums.js';

// The numbers of the city dashboard, from the centre's projection. Each is assembled with the same
// shared functions the desks use (assembleBieu06, satisfactionLine, the DailyTally shape), unit by
// unit, so a unit's line equals what its desks show for the events the centre holds. Units, sectors and
// procedures are named by the centre's catalogue from their ids, never by a desk's strings.

/** The provinces' target for the share of dossiers received online at commune level (DOMAIN.md). */
export const ONLINE_SHARE_TARGET = 0.7;
/** A desk that has not synced for longer than this is highlighted. */
export const STALE_AFTER_HOURS = 24;
export const OVERDUE_PAGE_LIMIT = 500;
export const CITY_TOTAL_LABEL = 'Toàn thành phố';

const HOUR_MS = 3_600_000;

/** What a former unit's line says when its dossiers stay on it though the others' moved to today's units. */
export const KEPT_ON_FORMER_LINE = 'Giữ nguyên: không có một đơn vị kế thừa duy nhất';

export class DashboardService {
  constructor(
    private readonly store: DashboardStore,
    private readonly catalogue: CentreCatalogue,
    private readonly now: () => number,
  ) {}

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  today(): string {
    return vietnamDateOf(this.nowIso());
  }

  /** The city's units as last published by any centre process (one index read; the view is cached per publication). */
  async city(): Promise<CityUnits> {
    return cityUnitsOf(await this.catalogue.currentUnits());
  }

  /** The dashboard's unit list on a date, as last published (city-units.ts). */
  async cityUnitsOn(date: string): Promise<DashboardUnit[]> {
    return (await this.city()).on(date);
  }

  /**
   * The city's units on `date` (city-units.ts: today's units with the former ones folded beneath, or the
   * 33 before 1/7/2025), then any other unit met in the data (its line key), by code.
   */
  private unitsWith(city: CityUnits, date: string, extraKeys: Iterable<string>): DashboardUnit[] {
    const units = city.on(date);
    const known = new Set(units.map((u) => u.unitId));
    const others = [...new Set(extraKeys)].filter((key) => !known.has(key)).map((key) => city.lineOfKey(key, date));
    return [...units, ...others.sort((a, b) => a.gsoCode.localeCompare(b.gsoCode))];
  }

  /** The line a count keyed by GSO code goes to: the unit the code named on `day`, or the one it became. */
  private lineKey(city: CityUnits, gsoCode: string, day: string, countBy: CountBy, asOf: string): string {
    const key = city.lineKeyOfCode(gsoCode, day);
    if (countBy === 'received') return key;
    return city.presentUnitOf(key, asOf)?.id ?? key;
  }

  /** Values a Biểu 06 may be filtered by: units' GSO codes and ids, those of enrolled desks included. */
  async knownUnitCodes(): Promise<Set<string>> {
    const [devices, city] = await Promise.all([this.store.devices(), this.city()]);
    const listed = [...city.on(this.today()), ...city.on(addDaysToLocalDate(ARRANGEMENT_DAY, -1))];
    return new Set([...listed.flatMap((u) => [u.gsoCode, u.unitId]), ...devices.map((d) => d.unitGso)]);
  }

  /** The line a filter value names on `date`: a unit id as given, a code as the unit it named then. */
  private filterKey(city: CityUnits, unit: string, date: string): string {
    return city.unit(unit) !== undefined ? unit : city.lineKeyOfCode(unit, date);
  }

  async tally(day: string): Promise<TallyView> {
    const asOf = this.nowIso();
    const dueBy = new Date(this.now() + DUE_SOON_WINDOW_HOURS * HOUR_MS).toISOString();
    const [facts, clocks, devices, city] = await Promise.all([
      this.store.dayFactTotals(day, day, DAY_FACT_KINDS, ARRANGEMENT_DAY),
      this.store.runningClocks(asOf, dueBy),
      this.store.devices(),
      this.city(),
    ]);
    const byUnit = new Map<string, DailyTally>();
    const of = (key: string) => {
      let t = byUnit.get(key);
      if (t === undefined) byUnit.set(key, (t = emptyTally()));
      return t as MutableTally;
    };
    for (const f of facts) addFact(of(city.lineKeyOfCode(f.unitGso, f.firstDay)), f.kind, f.n, f.amount);
    for (const c of clocks) {
      const t = of(city.lineKeyOfCode(c.unitGso, day));
      t.overdue += c.overdue;
      t.dueWithin24h += c.dueSoon;
    }
    const desks = new Map<string, number>();
    for (const d of devices) {
      const key = city.lineKeyOfCode(d.unitGso, day);
      if (d.revokedAt === null) desks.set(key, (desks.get(key) ?? 0) + 1);
    }
    const units = this.unitsWith(city, day, [...byUnit.keys(), ...desks.keys()]);
    const lines: UnitTally[] = units.map((u) => ({ ...u, tally: byUnit.get(u.unitId) ?? emptyTally(), desks: desks.get(u.unitId) ?? 0 }));
    const total = lines.reduce((sum, line) => addTallies(sum, line.tally), emptyTally());
    return { day, asOf, units: lines, total };
  }

  async bieu06(period: ReportPeriod, unit: string | null, countBy: CountBy = 'received'): Promise<Bieu06View> {
    const [counts, city] = await Promise.all([this.store.bieu06Counts(period, ARRANGEMENT_DAY), this.city()]);
    return this.bieu06From(city, period, unit, counts, countBy);
  }

  private bieu06From(city: CityUnits, period: ReportPeriod, unitFilter: string | null, counts: readonly UnitProcedureCounts[], countBy: CountBy): Bieu06View {
    const filterKey = unitFilter === null ? null : this.filterKey(city, unitFilter, period.to);
    const bySector = new Map<string, Bieu06Counts>();
    const byUnit = new Map<string, Bieu06Counts>();
    for (const c of counts) {
      const key = this.lineKey(city, c.unitGso, c.receivedDay, countBy, period.to);
      byUnit.set(key, addBieu06Counts(byUnit.get(key) ?? emptyBieu06Counts(), c.counts));
      if (filterKey !== null && key !== filterKey) continue;
      const sectorId = this.catalogue.sectorIdOf(c.procedureId);
      bySector.set(sectorId, addBieu06Counts(bySector.get(sectorId) ?? emptyBieu06Counts(), c.counts));
    }
    const sectors = this.catalogue.sectors();
    const known = new Set(sectors.map((s) => s.id));
    const others = new Map([...bySector.keys()].filter((id) => !known.has(id)).map((id) => [id, this.catalogue.sectorName(id)]));
    const form = assembleBieu06(period, bySector, sectors, others);
    const units = this.withNotes(city, this.unitsWith(city, period.to, byUnit.keys()), byUnit, countBy, period.to);
    const unitRows = units.map((u) => ({ ...u, row: bieu06Row(u.gsoCode, rowLabel(u), byUnit.get(u.unitId) ?? emptyBieu06Counts()) }));
    const cityCounts = [...byUnit.values()].reduce((sum, c) => addBieu06Counts(sum, c), emptyBieu06Counts());
    const unitsTotal = bieu06Row('', CITY_TOTAL_LABEL, cityCounts);
    const problems = [...form.rows, form.total, ...unitRows.map((u) => u.row), unitsTotal].flatMap(bieu06Problems);
    const unit = filterKey === null ? null : (units.find((u) => u.unitId === filterKey) ?? city.lineOfKey(filterKey, period.to));
    return { period, countBy, unit, form, units: unitRows, unitsTotal, problems };
  }

  /** Counting by today's units, a former unit that still holds dossiers says why they did not move. */
  private withNotes(city: CityUnits, units: DashboardUnit[], counted: ReadonlyMap<string, unknown>, countBy: CountBy, asOf: string): DashboardUnit[] {
    if (countBy === 'received') return units;
    return units.map((u) => (u.former && counted.has(u.unitId) && city.presentUnitOf(u.unitId, asOf) === null ? { ...u, note: KEPT_ON_FORMER_LINE } : u));
  }

  /** Biểu 06 and the online share from one read of the counts (the page shows both for one period). */
  async bieu06AndOnlineShare(period: ReportPeriod, unit: string | null, countBy: CountBy = 'received'): Promise<{ bieu06: Bieu06View; onlineShare: OnlineShareView }> {
    const [counts, city] = await Promise.all([this.store.bieu06Counts(period, ARRANGEMENT_DAY), this.city()]);
    const bieu06 = this.bieu06From(city, period, unit, counts, countBy);
    return { bieu06, onlineShare: onlineShareOf(bieu06) };
  }

  async onlineShare(period: ReportPeriod, countBy: CountBy = 'received'): Promise<OnlineShareView> {
    return onlineShareOf(await this.bieu06(period, null, countBy));
  }

  async satisfaction(period: ReportPeriod, countBy: CountBy = 'received'): Promise<SatisfactionView> {
    const [facts, city] = await Promise.all([this.store.dayFactTotals(period.from, period.to, RATING_KINDS, ARRANGEMENT_DAY), this.city()]);
    const keyed = facts.map((f) => ({ ...f, key: this.lineKey(city, f.unitGso, f.firstDay, countBy, period.to) }));
    const counted = new Map(keyed.map((f) => [f.key, true]));
    const units = this.withNotes(city, this.unitsWith(city, period.to, counted.keys()), counted, countBy, period.to);
    return satisfactionOf(period, countBy, keyed, units);
  }

  async overdue(limit = OVERDUE_PAGE_LIMIT): Promise<OverdueView> {
    const asOf = this.nowIso();
    const [{ rows, total }] = await Promise.all([this.store.overdueDossiers(asOf, limit), this.catalogue.currentUnits()]);
    return {
      asOf,
      total,
      truncated: total > rows.length,
      rows: rows.map((r) => ({
        code: r.code,
        unitGsoCode: r.unitGso,
        unitName: this.catalogue.unitName(r.unitGso, this.today()),
        procedureName: this.catalogue.procedureName(r.procedureId),
        sectorName: this.catalogue.sectorName(this.catalogue.sectorIdOf(r.procedureId)),
        appointmentAt: r.appointmentAt,
        status: r.status,
        statusLabel: statusLabel(r.status as StatusCode),
        overdueFor: overdueWording(r.appointmentAt, asOf),
      })),
    };
  }

  async desks(): Promise<DesksView> {
    const asOf = this.nowIso();
    const [devices, city] = await Promise.all([this.store.devices(), this.city()]);
    const today = this.today();
    const units = this.unitsWith(city, today, devices.map((d) => city.lineKeyOfCode(d.unitGso, today)));
    const nameOf = new Map(units.map((u) => [u.unitId, u.name]));
    const staleBefore = this.now() - STALE_AFTER_HOURS * HOUR_MS;
    const desks: DeskLine[] = devices.map((d) => ({
      deviceId: d.id,
      name: d.name,
      unitGsoCode: d.unitGso,
      unitName: nameOf.get(city.lineKeyOfCode(d.unitGso, today)) ?? d.unitGso,
      station: d.station,
      enrolledAt: d.enrolledAt,
      revokedAt: d.revokedAt,
      lastSyncAt: d.lastSyncAt,
      state: d.revokedAt !== null ? 'revoked' : d.lastSyncAt === null ? 'never' : Date.parse(d.lastSyncAt) < staleBefore ? 'stale' : 'ok',
    }));
    // A desk of a former unit not yet moved to its successor still serves it: today's unit has a desk.
    const working = new Set(
      desks.filter((d) => d.state !== 'revoked').flatMap((d) => {
        const key = city.lineKeyOfCode(d.unitGsoCode, today);
        return [key, city.presentUnitOf(key, today)?.id ?? key];
      }),
    );
    const unitsWithoutDesk = city.on(today).filter((u) => !u.former && !working.has(u.unitId));
    return { asOf, staleAfterHours: STALE_AFTER_HOURS, desks, unitsWithoutDesk };
  }
}

function onlineLine(unit: DashboardUnit, online: number, directOrPostal: number): OnlineShareLine {
  const received = online + directOrPostal;
  const share = received === 0 ? null : online / received;
  return { ...unit, online, directOrPostal, share, belowTarget: share !== null && share < ONLINE_SHARE_TARGET };
}

/** The online share per unit: Biểu 06's new dossiers, online (column 4) over online + direct/postal (4 + 5). */
export function onlineShareOf(bieu06: Bieu06View): OnlineShareView {
  const units = bieu06.units.map(({ row, ...unit }) => onlineLine(unit, row.received.online, row.received.directOrPostal));
  const online = units.reduce((sum, u) => sum + u.online, 0);
  const direct = units.reduce((sum, u) => sum + u.directOrPostal, 0);
  const city: DashboardUnit = { gsoCode: '', name: CITY_TOTAL_LABEL, unitId: '', former: false, foldedUnder: null, note: null };
  return { period: bieu06.period, countBy: bieu06.countBy, target: ONLINE_SHARE_TARGET, units, total: onlineLine(city, online, direct) };
}

function satisfactionOf(period: ReportPeriod, countBy: CountBy, facts: readonly (DayFactTotal & { key: string })[], units: DashboardUnit[]): SatisfactionView {
  const byUnit = new Map<string, MutableSatisfactionCounts>();
  const total = emptySatisfactionCounts();
  for (const f of facts) {
    let c = byUnit.get(f.key);
    if (c === undefined) byUnit.set(f.key, (c = emptySatisfactionCounts()));
    const level = f.kind.slice('rating_'.length) as SatisfactionLevel;
    countLevel(c, level, f.n);
    countLevel(total, level, f.n);
  }
  return {
    period,
    countBy,
    unitLines: units,
    units: units.map((u) => satisfactionLine(u.gsoCode, rowLabel(u), byUnit.get(u.unitId) ?? emptySatisfactionCounts())),
    total: satisfactionLine('', CITY_TOTAL_LABEL, total),
  };
}
