import type { CodeConflict, DossierDetail, HistoryEntry } from '../../../shared/contract/dossiers.js';
import { unloadedCalendarNote } from '../../../shared/domain/calendar/calendar-coverage.js';
import { rescheduleHint } from '../../../shared/domain/calendar/reschedule.js';
import type { WorkCalendar } from '../../../shared/domain/calendar/work-calendar.js';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { withStoredText } from '../../../shared/domain/dossier/event-text.js';
import { ACTION_LABELS, allowedActions } from '../../../shared/domain/dossier/lifecycle.js';
import { isDueWithin, isOverdue } from '../../../shared/domain/dossier/overdue.js';
import type { DossierState } from '../../../shared/domain/dossier/state.js';
import type { DeskDatabase } from '../db/open-database.js';

/** Due soon: within a day, the window the work list and daily tally highlight. */
export const DUE_SOON_HOURS = 24;

/**
 * State, history with officers' names, the actions the lifecycle allows now, where a form 04 would
 * start, and whether the dossier is set aside for a code another dossier holds.
 */
export function describeDossier(
  db: DeskDatabase,
  state: DossierState,
  events: readonly DossierEvent[],
  nowIso: string,
  calendar: WorkCalendar,
  codeConflict: CodeConflict | null,
): DossierDetail {
  const officerIds = [...new Set(events.map((e) => e.officerId))];
  const names = new Map<string, string>();
  if (officerIds.length > 0) {
    const rows = db
      .prepare<string[], { id: string; full_name: string }>(`SELECT id, full_name FROM officers WHERE id IN (${officerIds.map(() => '?').join(',')})`)
      .all(...officerIds);
    for (const row of rows) names.set(row.id, row.full_name);
  }
  const history: HistoryEntry[] = events.map((event) => ({
    eventId: event.id,
    type: event.type,
    label: ACTION_LABELS[event.type],
    occurredAt: event.occurredAt,
    recordedBy: { officerId: event.officerId, fullName: names.get(event.officerId) ?? null },
    deviceId: event.deviceId,
    // What the screen shows of each step, in the same stored form as the state (old events included).
    payload: withStoredText(event).payload,
  }));
  const allowed = allowedActions(state);
  return {
    state,
    history,
    allowedActions: allowed,
    overdue: isOverdue(state, nowIso),
    dueSoon: isDueWithin(state, nowIso, DUE_SOON_HOURS),
    reschedule:
      allowed.includes('appointment.rescheduled') && state.appointmentAt !== null ? rescheduleHint(state.appointmentAt, nowIso, calendar) : null,
    codeConflict,
    calendarNote:
      state.receivedAt === null || state.appointmentAt === null ? null : unloadedCalendarNote(state.receivedAt, state.appointmentAt, calendar),
  };
}
