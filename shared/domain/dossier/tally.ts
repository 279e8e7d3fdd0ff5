import { CommandError } from '../../contract/errors.js';
import { SATISFACTION_LEVELS, type SatisfactionLevel } from './events.js';
import { isDueWithin, isOverdue, isPending } from './overdue.js';
import type { DossierState } from './state.js';
import { isLocalDate, vietnamDateOf } from './vietnam-time.js';

// The daily tally (thống kê trong ngày) computed straight from folded states: the reference the
// SQL tally of the desk store is checked against. Each fact counts on the Vietnam date it happened.

export interface DailyTally {
  /**
   * Dossiers received that day, by channel: accepted at the counter, or completed that day by the papers
   * of a dossier turned back at the counter (reception.ts) — never on the day form 02 was issued.
   */
  readonly receivedByChannel: { readonly inPerson: number; readonly online: number; readonly postal: number };
  readonly resultsReady: number;
  readonly handedBack: number;
  /** Received dossiers withdrawn that day (one turned back at the counter and given up was never received). */
  readonly withdrawn: number;
  /** Supplement rounds requested that day (form 02 at the counter or during processing): a fact of that day. */
  readonly supplementsRequested: number;
  readonly feesVnd: number;
  /** At `nowIso`: pending with a running clock past the appointment. */
  readonly overdue: number;
  /** At `nowIso`: pending with a running clock, due within 24 hours. */
  readonly dueWithin24h: number;
  readonly ratings: Readonly<Record<SatisfactionLevel, number>>;
}

const on = (instant: string | null, localDate: string): boolean => instant !== null && vietnamDateOf(instant) === localDate;

export function tallyDay(states: readonly DossierState[], localDate: string, nowIso: string): DailyTally {
  if (!isLocalDate(localDate)) throw new CommandError('invalid_argument', 'Ngày thống kê phải có dạng yyyy-MM-dd và có thật.');
  if (!Number.isFinite(Date.parse(nowIso))) throw new CommandError('invalid_argument', 'Thời điểm hiện tại không hợp lệ.');

  const channels = { inPerson: 0, online: 0, postal: 0 };
  const ratings = Object.fromEntries(SATISFACTION_LEVELS.map((level) => [level, 0])) as Record<SatisfactionLevel, number>;
  let resultsReady = 0;
  let handedBack = 0;
  let withdrawn = 0;
  let supplementsRequested = 0;
  let feesVnd = 0;
  let overdue = 0;
  let dueWithin24h = 0;

  for (const state of states) {
    if (!state.created) continue;
    if (state.intake !== 'refused' && on(state.receivedAt, localDate)) {
      if (state.channel === 1) channels.inPerson += 1;
      else if (state.channel === 2) channels.online += 1;
      else channels.postal += 1;
    }
    if (on(state.resultAt, localDate)) resultsReady += 1;
    if (on(state.handedBackAt, localDate)) handedBack += 1;
    if (state.receivedAt !== null && on(state.withdrawnAt, localDate)) withdrawn += 1;
    supplementsRequested += state.supplements.filter((round) => on(round.requestedAt, localDate)).length;
    for (const fee of state.fees) if (on(fee.at, localDate)) feesVnd += fee.amountVnd;
    if (state.rating !== null && on(state.ratedAt, localDate)) ratings[state.rating] += 1;
    if (isPending(state) && isOverdue(state, nowIso)) overdue += 1;
    if (isDueWithin(state, nowIso, 24)) dueWithin24h += 1;
  }

  return { receivedByChannel: channels, resultsReady, handedBack, withdrawn, supplementsRequested, feesVnd, overdue, dueWithin24h, ratings };
}
