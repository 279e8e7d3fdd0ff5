import { CommandError } from '../../contract/errors.js';
import { applyEvent } from './apply-event.js';
import { canonicalEventJson } from './canonical-json.js';
import type { DossierEvent } from './events.js';
import { withStoredText } from './event-text.js';
import { eventProblem } from './lifecycle.js';
import type { DossierState } from './state.js';
import { formatVietnamTime } from './vietnam-time.js';

// The fold: a dossier's state is a deterministic function of its event SET. Events are ordered by
// (hlc, id) — never by arrival — so every desk and the centre compute the same state from the same
// events. The fold never throws on what sync delivers: an event the lifecycle forbids at its point
// is applied in conflict mode (apply-event.ts) and marks the dossier for review with a reason.

/** The total order of events: HLC stamp, then event id. Both are fixed-width, so string order suffices. */
export function compareEvents(a: DossierEvent, b: DossierEvent): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** True when `event` sorts after everything folded into `state`, so foldIncrementally is exact. */
export function sortsAfter(state: DossierState | null, event: DossierEvent): boolean {
  if (state === null) return true;
  if (event.hlc !== state.lastHlc) return event.hlc > state.lastHlc;
  return event.id > state.lastEventId;
}

function when(instant: string): string {
  return Number.isFinite(Date.parse(instant)) ? formatVietnamTime(instant) : instant;
}

function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

// Two supervisors resolving the same conflict with the same outcome is not a new conflict.
function isHarmlessResolution(state: DossierState, event: DossierEvent): boolean {
  if (event.type !== 'conflict.resolved' || state.needsReview) return false;
  return event.payload.resolution === 'keep_current' || event.payload.status === state.status;
}

/**
 * Folds one more event. Exact (equal to foldDossier of all events) when the event sorts after every
 * event already folded (see sortsAfter); otherwise refold the dossier with foldDossier. The event just
 * folded is recognised and ignored if it comes again; the store must not pass older duplicates.
 */
export function foldIncrementally(state: DossierState | null, received: DossierEvent): DossierState {
  if (state !== null && received.id === state.lastEventId) return state;
  // The state holds text in its stored form whatever the event carried (event-text.ts); the lifecycle
  // compares a correction's old value with it, so it reads the same form.
  const event = withStoredText(received);

  const problem = eventProblem(state, event);
  let next: DossierState;
  let reason: string | null = null;
  if (problem === null) {
    next = applyEvent(state, event, 'allowed');
  } else if (state !== null && isHarmlessResolution(state, event)) {
    next = state;
  } else {
    next = applyEvent(state, event, 'conflict');
    reason = `Lúc ${when(event.occurredAt)} — ${problem.message}`;
  }

  // applyEvent returns either the state it was given or a new object nobody else holds yet: only the
  // former needs copying before the bookkeeping is written (one copy per event instead of two — a
  // pulled page folds tens of thousands of events).
  const out: { -readonly [K in keyof DossierState]: DossierState[K] } = next === state ? { ...next } : next;
  out.eventCount = next.eventCount + 1;
  out.lastHlc = event.hlc;
  out.lastEventId = event.id;
  out.lastEventAt = state === null ? event.occurredAt : later(next.lastEventAt, event.occurredAt);
  out.needsReview = reason !== null || next.needsReview;
  if (reason !== null) out.reviewReasons = [...next.reviewReasons, reason];
  return out;
}

// The same id twice is the same fact delivered twice (sync retries); keep one, deterministically.
function uniqueById(events: readonly DossierEvent[]): DossierEvent[] {
  const byId = new Map<string, DossierEvent>();
  for (const event of events) {
    const kept = byId.get(event.id);
    if (kept === undefined || compareEvents(event, kept) < 0 || (compareEvents(event, kept) === 0 && canonicalEventJson(event) < canonicalEventJson(kept))) {
      byId.set(event.id, event);
    }
  }
  return [...byId.values()];
}

/**
 * The state of one dossier from all its events, in any arrival order (duplicates allowed).
 * Returns null for no events. Throws only on a caller's bug: events of different dossiers.
 */
export function foldDossier(events: readonly DossierEvent[]): DossierState | null {
  const first = events[0];
  if (first === undefined) return null;
  if (events.some((event) => event.dossierId !== first.dossierId)) {
    throw new CommandError('internal', 'Gộp sự kiện của nhiều hồ sơ khác nhau vào một hồ sơ.');
  }
  return uniqueById(events).sort(compareEvents).reduce<DossierState | null>(foldIncrementally, null);
}
