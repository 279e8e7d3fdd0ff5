import { SATISFACTION_LEVELS } from '../../shared/domain/dossier/events.js';
import type { DailyTally } from '../../shared/domain/dossier/tally.js';
import type { DayFactKind } from './dossier-facts.js';

// The daily tally (shared/domain/dossier/tally.ts's DailyTally) built from counted day facts, and
// summed over units: the arithmetic of the dashboard's "today" table and of its city line.

export function emptyTally(): DailyTally {
  return {
    receivedByChannel: { inPerson: 0, online: 0, postal: 0 },
    resultsReady: 0,
    handedBack: 0,
    withdrawn: 0,
    supplementsRequested: 0,
    feesVnd: 0,
    overdue: 0,
    dueWithin24h: 0,
    ratings: Object.fromEntries(SATISFACTION_LEVELS.map((level) => [level, 0])) as DailyTally['ratings'],
  };
}

export type MutableTally = {
  -readonly [K in keyof DailyTally]: DailyTally[K] extends number ? number : { -readonly [L in keyof DailyTally[K]]: number };
};

export function addFact(tally: MutableTally, kind: DayFactKind, n: number, amount: number): void {
  switch (kind) {
    case 'received_channel_1':
      return void (tally.receivedByChannel.inPerson += n);
    case 'received_channel_2':
      return void (tally.receivedByChannel.online += n);
    case 'received_channel_3':
      return void (tally.receivedByChannel.postal += n);
    case 'result':
      return void (tally.resultsReady += n);
    case 'handed_back':
      return void (tally.handedBack += n);
    case 'withdrawn':
      return void (tally.withdrawn += n);
    case 'supplement_requested':
      return void (tally.supplementsRequested += n);
    case 'fee':
      return void (tally.feesVnd += amount);
    default:
      tally.ratings[kind.slice('rating_'.length) as keyof DailyTally['ratings']] += n;
  }
}

export function addTallies(into: DailyTally, more: DailyTally): DailyTally {
  const t = into as MutableTally;
  t.receivedByChannel.inPerson += more.receivedByChannel.inPerson;
  t.receivedByChannel.online += more.receivedByChannel.online;
  t.receivedByChannel.postal += more.receivedByChannel.postal;
  t.resultsReady += more.resultsReady;
  t.handedBack += more.handedBack;
  t.withdrawn += more.withdrawn;
  t.supplementsRequested += more.supplementsRequested;
  t.feesVnd += more.feesVnd;
  t.overdue += more.overdue;
  t.dueWithin24h += more.dueWithin24h;
  for (const level of SATISFACTION_LEVELS) t.ratings[level] += more.ratings[level];
  return into;
}
