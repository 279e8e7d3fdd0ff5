import { HA_LONG_UNITS } from '../../shared/domain/catalogue/seed/ha-long-units.js';
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
import type { DashboardStore, DayFactTotal, UnitProcedureCounts } from './dashboard-store.js';
import type {
  Bieu06View,
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

export const CITY_UNITS: readonly DashboardUnit[] = HA_LONG_UNITS.map((u) => ({ gsoCode: u.gsoCode, name: u.name }));

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

  /** The city's units (the seed's 33, in GSO order), then any other unit met in the data, by code. */
  private unitsWith(extraCodes: Iterable<string>): DashboardUnit[] {
    const known = new Set(CITY_UNITS.map((u) => u.gsoCode));
    const others = [...new Set(extraCodes)].filter((code) => !known.has(code)).sort();
    return [...CITY_UNITS, ...others.map((code) => ({ gsoCode: code, name: this.catalogue.unitName(code) }))];
  }

  /** Codes a Biểu 06 may be filtered by: the city's units and those of enrolled desks. */
  async knownUnitCodes(): Promise<Set<string>> {
    const devices = await this.store.devices();
    return new Set([...CITY_UNITS.map((u) => u.gsoCode), ...devices.map((d) => d.unitGso)]);
  }

  async tally(day: string): Promise<TallyView> {
    const asOf = this.nowIso();
    const dueBy = new Date(this.now() + DUE_SOON_WINDOW_HOURS * HOUR_MS).toISOString();
    const [facts, clocks, devices] = await Promise.all([
      this.store.dayFactTotals(day, day, DAY_FACT_KINDS),
      this.store.runningClocks(asOf, dueBy),
      this.store.devices(),
    ]);
    const byUnit = new Map<string, DailyTally>();
    const of = (gso: string) => {
      let t = byUnit.get(gso);
      if (t === undefined) byUnit.set(gso, (t = emptyTally()));
      return t as MutableTally;
    };
    for (const f of facts) addFact(of(f.unitGso), f.kind, f.n, f.amount);
    for (const c of clocks) {
      const t = of(c.unitGso);
      t.overdue += c.overdue;
      t.dueWithin24h += c.dueSoon;
    }
    const desks = new Map<string, number>();
    for (const d of devices) if (d.revokedAt === null) desks.set(d.unitGso, (desks.get(d.unitGso) ?? 0) + 1);
    const units = this.unitsWith([...byUnit.keys(), ...desks.keys()]);
    const lines: UnitTally[] = units.map((u) => ({ ...u, tally: byUnit.get(u.gsoCode) ?? emptyTally(), desks: desks.get(u.gsoCode) ?? 0 }));
    const total = lines.reduce((sum, line) => addTallies(sum, line.tally), emptyTally());
    return { day, asOf, units: lines, total };
  }

  async bieu06(period: ReportPeriod, unitGso: string | null): Promise<Bieu06View> {
    const [counts] = await Promise.all([this.store.bieu06Counts(period), this.catalogue.refresh()]);
    return this.bieu06From(period, unitGso, counts);
  }

  private bieu06From(period: ReportPeriod, unitGso: string | null, counts: readonly UnitProcedureCounts[]): Bieu06View {
    const bySector = new Map<string, Bieu06Counts>();
    const byUnit = new Map<string, Bieu06Counts>();
    for (const c of counts) {
      byUnit.set(c.unitGso, addBieu06Counts(byUnit.get(c.unitGso) ?? emptyBieu06Counts(), c.counts));
      if (unitGso !== null && c.unitGso !== unitGso) continue;
      const sectorId = this.catalogue.sectorIdOf(c.procedureId);
      bySector.set(sectorId, addBieu06Counts(bySector.get(sectorId) ?? emptyBieu06Counts(), c.counts));
    }
    const sectors = this.catalogue.sectors();
    const known = new Set(sectors.map((s) => s.id));
    const others = new Map([...bySector.keys()].filter((id) => !known.has(id)).map((id) => [id, this.catalogue.sectorName(id)]));
    const form = assembleBieu06(period, bySector, sectors, others);
    const units = this.unitsWith(byUnit.keys());
    const unitRows = units.map((u) => ({ ...u, row: bieu06Row(u.gsoCode, u.name, byUnit.get(u.gsoCode) ?? emptyBieu06Counts()) }));
    const cityCounts = [...byUnit.values()].reduce((sum, c) => addBieu06Counts(sum, c), emptyBieu06Counts());
    const unitsTotal = bieu06Row('', CITY_TOTAL_LABEL, cityCounts);
    const problems = [...form.rows, form.total, ...unitRows.map((u) => u.row), unitsTotal].flatMap(bieu06Problems);
    const unit = unitGso === null ? null : (units.find((u) => u.gsoCode === unitGso) ?? { gsoCode: unitGso, name: `Đơn vị ${unitGso}` });
    return { period, unit, form, units: unitRows, unitsTotal, problems };
  }

  /** Biểu 06 and the online share from one read of the counts (the page shows both for one period). */
  async bieu06AndOnlineShare(period: ReportPeriod, unitGso: string | null): Promise<{ bieu06: Bieu06View; onlineShare: OnlineShareView }> {
    const [counts] = await Promise.all([this.store.bieu06Counts(period), this.catalogue.refresh()]);
    const bieu06 = this.bieu06From(period, unitGso, counts);
    return { bieu06, onlineShare: onlineShareOf(bieu06) };
  }

  async onlineShare(period: ReportPeriod): Promise<OnlineShareView> {
    return onlineShareOf(await this.bieu06(period, null));
  }

  async satisfaction(period: ReportPeriod): Promise<SatisfactionView> {
    const facts = await this.store.dayFactTotals(period.from, period.to, RATING_KINDS);
    return satisfactionOf(period, facts, this.unitsWith(facts.map((f) => f.unitGso)));
  }

  async overdue(limit = OVERDUE_PAGE_LIMIT): Promise<OverdueView> {
    const asOf = this.nowIso();
    const [{ rows, total }] = await Promise.all([this.store.overdueDossiers(asOf, limit), this.catalogue.refresh()]);
    return {
      asOf,
      total,
      truncated: total > rows.length,
      rows: rows.map((r) => ({
        code: r.code,
        unitGsoCode: r.unitGso,
        unitName: this.catalogue.unitName(r.unitGso),
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
    const devices = await this.store.devices();
    const units = this.unitsWith(devices.map((d) => d.unitGso));
    const nameOf = new Map(units.map((u) => [u.gsoCode, u.name]));
    const staleBefore = this.now() - STALE_AFTER_HOURS * HOUR_MS;
    const desks: DeskLine[] = devices.map((d) => ({
      deviceId: d.id,
      name: d.name,
      unitGsoCode: d.unitGso,
      unitName: nameOf.get(d.unitGso) ?? d.unitGso,
      station: d.station,
      enrolledAt: d.enrolledAt,
      revokedAt: d.revokedAt,
      lastSyncAt: d.lastSyncAt,
      state: d.revokedAt !== null ? 'revoked' : d.lastSyncAt === null ? 'never' : Date.parse(d.lastSyncAt) < staleBefore ? 'stale' : 'ok',
    }));
    const working = new Set(desks.filter((d) => d.state !== 'revoked').map((d) => d.unitGsoCode));
    return { asOf, staleAfterHours: STALE_AFTER_HOURS, desks, unitsWithoutDesk: CITY_UNITS.filter((u) => !working.has(u.gsoCode)) };
  }
}

function onlineLine(unit: DashboardUnit, online: number, directOrPostal: number): OnlineShareLine {
  const received = online + directOrPostal;
  const share = received === 0 ? null : online / received;
  return { ...unit, online, directOrPostal, share, belowTarget: share !== null && share < ONLINE_SHARE_TARGET };
}

/** The online share per unit: Biểu 06's new dossiers, online (column 4) over online + direct/postal (4 + 5). */
export function onlineShareOf(bieu06: Bieu06View): OnlineShareView {
  const units = bieu06.units.map((u) => onlineLine({ gsoCode: u.gsoCode, name: u.name }, u.row.received.online, u.row.received.directOrPostal));
  const online = units.reduce((sum, u) => sum + u.online, 0);
  const direct = units.reduce((sum, u) => sum + u.directOrPostal, 0);
  return { period: bieu06.period, target: ONLINE_SHARE_TARGET, units, total: onlineLine({ gsoCode: '', name: CITY_TOTAL_LABEL }, online, direct) };
}

function satisfactionOf(period: ReportPeriod, facts: readonly DayFactTotal[], units: readonly DashboardUnit[]): SatisfactionView {
  const byUnit = new Map<string, MutableSatisfactionCounts>();
  const total = emptySatisfactionCounts();
  for (const f of facts) {
    let c = byUnit.get(f.unitGso);
    if (c === undefined) byUnit.set(f.unitGso, (c = emptySatisfactionCounts()));
    const level = f.kind.slice('rating_'.length) as SatisfactionLevel;
    countLevel(c, level, f.n);
    countLevel(total, level, f.n);
  }
  return {
    period,
    units: units.map((u) => satisfactionLine(u.gsoCode, u.name, byUnit.get(u.gsoCode) ?? emptySatisfactionCounts())),
    total: satisfactionLine('', CITY_TOTAL_LABEL, total),
  };
}
