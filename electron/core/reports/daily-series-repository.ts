import type { Database } from 'better-sqlite3';
import type { DailySeriesCounts } from '../../../shared/domain/reports/daily-series.js';
import type { DayTallyLine } from '../../../shared/domain/reports/report-tables.js';
import type { ReportPeriod } from '../../../shared/domain/reports/report-period.js';
import { SATISFACTION_LEVELS } from '../../../shared/domain/dossier/events.js';

// Day-by-day numbers: the 30-day chart (received by channel and handed back from the day facts of the
// daily tally, settled and on time from report_bieu06 by finishing date) and the daily tally of every
// day of a period for the export. Each is one index range grouped by day.

const emptyCounts = (): DailySeriesCounts => ({ inPerson: 0, online: 0, postal: 0, handedBack: 0, settled: 0, settledOnTime: 0 });

const CHANNEL_KEYS: Readonly<Record<string, keyof DailySeriesCounts>> = {
  received_channel_1: 'inPerson',
  received_channel_2: 'online',
  received_channel_3: 'postal',
  handed_back: 'handedBack',
};

export class DailySeriesRepository {
  private readonly facts;
  private readonly settled;
  private readonly allFacts;

  constructor(db: Database) {
    this.facts = db.prepare<[string, string], { day: string; kind: string; n: number }>(
      `SELECT day, kind, count(*) AS n FROM dossier_day_facts
       WHERE day BETWEEN ? AND ? AND kind IN ('received_channel_1', 'received_channel_2', 'received_channel_3', 'handed_back')
       GROUP BY day, kind`,
    );
    this.settled = db.prepare<[string, string], { day: string; settled: number; onTime: number }>(
      `SELECT open_until AS day, count(*) AS settled, count(*) FILTER (WHERE settlement <> 'late') AS onTime
       FROM report_bieu06 INDEXED BY report_bieu06_by_finish
       WHERE settlement IS NOT NULL AND open_until BETWEEN ? AND ?
       GROUP BY open_until`,
    );
    this.allFacts = db.prepare<[string, string], { day: string; kind: string; n: number; total: number }>(
      'SELECT day, kind, count(*) AS n, sum(amount) AS total FROM dossier_day_facts WHERE day BETWEEN ? AND ? GROUP BY day, kind',
    );
  }

  /** Counts per day of [from, to]; days with nothing are absent. */
  countsByDay(from: string, to: string): Map<string, DailySeriesCounts> {
    const byDay = new Map<string, DailySeriesCounts>();
    const at = (day: string) => {
      let c = byDay.get(day);
      if (c === undefined) byDay.set(day, (c = emptyCounts()));
      return c;
    };
    for (const row of this.facts.all(from, to)) at(row.day)[CHANNEL_KEYS[row.kind]!] += row.n;
    for (const row of this.settled.all(from, to)) {
      const c = at(row.day);
      c.settled += row.settled;
      c.settledOnTime += row.onTime;
    }
    return byDay;
  }

  /** The daily tally's day facts for every day of the period (the "as of now" counts are not per day). */
  tallyLines(period: ReportPeriod, days: readonly string[]): DayTallyLine[] {
    const facts = new Map<string, Map<string, { n: number; total: number }>>();
    for (const row of this.allFacts.all(period.from, period.to)) {
      let day = facts.get(row.day);
      if (day === undefined) facts.set(row.day, (day = new Map()));
      day.set(row.kind, row);
    }
    return days.map((date) => {
      const day = facts.get(date) ?? new Map<string, { n: number; total: number }>();
      const count = (kind: string) => day.get(kind)?.n ?? 0;
      return {
        date,
        tally: {
          receivedByChannel: { inPerson: count('received_channel_1'), online: count('received_channel_2'), postal: count('received_channel_3') },
          resultsReady: count('result'),
          handedBack: count('handed_back'),
          withdrawn: count('withdrawn'),
          supplementsRequested: count('supplement_requested'),
          feesVnd: day.get('fee')?.total ?? 0,
          ratings: Object.fromEntries(SATISFACTION_LEVELS.map((level) => [level, count(`rating_${level}`)])) as DayTallyLine['tally']['ratings'],
        },
      };
    });
  }
}
