import type { DailyTally } from '../../../shared/domain/dossier/tally.js';
import { SATISFACTION_LEVELS } from '../../../shared/domain/dossier/events.js';
import type { DeskDatabase } from '../db/open-database.js';

const DAY_MS = 86_400_000;

/**
 * The daily tally from the day-facts projection: one index range for the day plus two counts of
 * running clocks. Must equal tallyDay (shared/domain) over the folded states — a test holds it to that.
 */
export function dailyTally(db: DeskDatabase, localDate: string, nowMs: number): DailyTally {
  const facts = new Map<string, { n: number; total: number }>();
  const rows = db
    .prepare<[string], { kind: string; n: number; total: number }>('SELECT kind, count(*) AS n, sum(amount) AS total FROM dossier_day_facts WHERE day = ? GROUP BY kind')
    .all(localDate);
  for (const row of rows) facts.set(row.kind, row);
  const count = (kind: string) => facts.get(kind)?.n ?? 0;

  const nowIso = new Date(nowMs).toISOString();
  const overdue = db
    .prepare<[string], { n: number }>('SELECT count(*) AS n FROM dossiers WHERE clock_running = 1 AND appointment_at < ?')
    .get(nowIso)!.n;
  const dueWithin24h = db
    .prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM dossiers WHERE clock_running = 1 AND appointment_at >= ? AND appointment_at <= ?')
    .get(nowIso, new Date(nowMs + DAY_MS).toISOString())!.n;

  return {
    receivedByChannel: { inPerson: count('received_channel_1'), online: count('received_channel_2'), postal: count('received_channel_3') },
    resultsReady: count('result'),
    handedBack: count('handed_back'),
    withdrawn: count('withdrawn'),
    supplementsRequested: count('supplement_requested'),
    feesVnd: facts.get('fee')?.total ?? 0,
    overdue,
    dueWithin24h,
    ratings: Object.fromEntries(SATISFACTION_LEVELS.map((level) => [level, count(`rating_${level}`)])) as DailyTally['ratings'],
  };
}
