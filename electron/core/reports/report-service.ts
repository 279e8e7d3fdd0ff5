import type { Database } from 'better-sqlite3';
import type {
  Bieu06Result,
  DailySeriesResult,
  LogBookResult,
  OverdueResult,
  ReportHeader,
  SatisfactionResult,
} from '../../../shared/contract/reports.js';
import { vietnamDateOf } from '../../../shared/domain/dossier/vietnam-time.js';
import { assembleBieu06, bieu06Problems } from '../../../shared/domain/reports/bieu06.js';
import { assembleDailySeries, seriesDays } from '../../../shared/domain/reports/daily-series.js';
import { checkReportPeriod, daysOf, type ReportPeriod } from '../../../shared/domain/reports/report-period.js';
import type { DayTallyLine } from '../../../shared/domain/reports/report-tables.js';
import {
  assembleSatisfaction,
  countLevel,
  emptySatisfactionCounts,
  UNKNOWN_OFFICER_LABEL,
  type SatisfactionGroup,
} from '../../../shared/domain/reports/satisfaction.js';
import type { CatalogueRepository } from '../catalogue/catalogue-repository.js';
import type { OfficerRepository } from '../officers/officer-repository.js';
import { readDeskSettings } from '../settings/desk-settings.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import { Bieu06Repository } from './bieu06-repository.js';
import { DailySeriesRepository } from './daily-series-repository.js';
import { LogBookRepository } from './log-book-repository.js';
import { OverdueRepository } from './overdue-repository.js';
import { SatisfactionRepository } from './satisfaction-repository.js';

export interface ReportServiceDeps {
  db: Database;
  catalogue: CatalogueRepository;
  officers: OfficerRepository;
  settings: SettingsRepository;
  now(): number;
}

/** Draws up every report from the desk's projections; periods are checked against today first. */
export class ReportService {
  private readonly bieu06Repo;
  private readonly series;
  private readonly ratings;
  private readonly logBookRepo;
  private readonly overdueRepo;
  private readonly sectorNameStmt;

  constructor(private readonly deps: ReportServiceDeps) {
    this.bieu06Repo = new Bieu06Repository(deps.db);
    this.series = new DailySeriesRepository(deps.db);
    this.ratings = new SatisfactionRepository(deps.db);
    this.logBookRepo = new LogBookRepository(deps.db);
    this.overdueRepo = new OverdueRepository(deps.db);
    this.sectorNameStmt = deps.db.prepare<[string], { name: string }>('SELECT sector_name AS name FROM dossiers WHERE sector_id = ? LIMIT 1');
  }

  today(): string {
    return vietnamDateOf(new Date(this.deps.now()).toISOString());
  }

  checked(period: ReportPeriod): ReportPeriod {
    return checkReportPeriod({ from: period.from, to: period.to }, this.today());
  }

  header(): ReportHeader {
    const { unit } = readDeskSettings(this.deps.settings);
    return { unitName: unit?.name ?? 'Đơn vị chưa cấu hình', unitGsoCode: unit?.gsoCode ?? null, generatedAt: new Date(this.deps.now()).toISOString() };
  }

  dailySeries(to: string, days: number): DailySeriesResult {
    this.checked({ from: to, to });
    const dates = seriesDays(to, days);
    return { ...assembleDailySeries(dates, this.series.countsByDay(dates[0]!, to)), header: this.header() };
  }

  dayTallies(period: ReportPeriod): DayTallyLine[] {
    const checked = this.checked(period);
    return this.series.tallyLines(checked, daysOf(checked));
  }

  bieu06(period: ReportPeriod): Bieu06Result {
    const checked = this.checked(period);
    const counts = this.bieu06Repo.countsBySector(checked);
    const sectors = this.deps.catalogue.sectors();
    const known = new Set(sectors.map((s) => s.id));
    const others = new Map<string, string>();
    for (const id of counts.keys()) if (!known.has(id)) others.set(id, this.sectorNameStmt.get(id)?.name ?? id);
    const report = assembleBieu06(checked, counts, sectors, others);
    const problems = [...report.rows, report.total].flatMap(bieu06Problems);
    return { ...report, header: this.header(), problems };
  }

  satisfaction(period: ReportPeriod): SatisfactionResult {
    const checked = this.checked(period);
    const units = new Map<string, SatisfactionGroup>();
    const officers = new Map<string, SatisfactionGroup>();
    const group = (map: Map<string, SatisfactionGroup>, key: string, label: () => string) => {
      let g = map.get(key);
      if (g === undefined) map.set(key, (g = { key, label: label(), counts: emptySatisfactionCounts() }));
      return g;
    };
    for (const row of this.ratings.groupsIn(checked)) {
      countLevel(group(units, row.unitGso, () => row.unitName).counts, row.level, row.n);
      const officerLabel = () => (row.officerId === '' ? null : this.deps.officers.find(row.officerId)?.fullName) ?? UNKNOWN_OFFICER_LABEL;
      countLevel(group(officers, row.officerId, officerLabel).counts, row.level, row.n);
    }
    return { ...assembleSatisfaction(checked, [...units.values()], [...officers.values()]), header: this.header() };
  }

  logBook(period: ReportPeriod, limit: number | null, offset: number): LogBookResult {
    const checked = this.checked(period);
    return { header: this.header(), period: checked, rows: this.logBookRepo.rows(checked, limit, offset), total: this.logBookRepo.total(checked), offset };
  }

  overdue(limit?: number): OverdueResult {
    return { ...this.overdueRepo.listAt(this.deps.now(), limit), header: this.header() };
  }
}
