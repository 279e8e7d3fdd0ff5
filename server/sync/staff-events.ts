import { monotonicFactory } from 'ulid';
import { rescheduleRefusal } from '../../shared/domain/calendar/reschedule.js';
import type { WorkCalendar } from '../../shared/domain/calendar/work-calendar.js';
import { withinClockBound } from '../../shared/domain/clock/clock-bound.js';
import { formatHlc, parseHlc, receive, type Hlc } from '../../shared/domain/clock/hlc.js';
import { parseDossierEvent } from '../../shared/domain/dossier/event-schemas.js';
import type { DossierEvent, DossierEventPayloads } from '../../shared/domain/dossier/events.js';
import { foldDossier } from '../../shared/domain/dossier/fold.js';
import { actionProblem, eventProblem, statusLabel } from '../../shared/domain/dossier/lifecycle.js';
import type { DossierState } from '../../shared/domain/dossier/state.js';
import { CENTRE_DEVICE_ID, type StaffDossierAction, type StaffDossierView, type StaffEventResponse } from '../../shared/sync/protocol.js';
import { CentreHttpError, conflict, forbidden, invalidRequest, notFound } from '../http/centre-error.js';
import type { CentreStorage, StaffRecord } from '../storage/storage.js';
import { appendEntries } from './append-entries.js';
import { centreWorkCalendar } from './centre-calendar.js';
import { prepareEvent } from './prepare-event.js';

// Events centre staff record on a dossier a desk forwarded (result recorded, supplement requested,
// apology with a new date). The centre signs them as its own device ('centre'), with its own counter
// and hybrid logical clock kept in the database (several centre processes may share it), and appends
// them through the one append path; the desks receive them on their next pull.

const ulid = monotonicFactory();

export async function loadDossierEvents(storage: CentreStorage, dossierId: string): Promise<DossierEvent[]> {
  return (await storage.dossierEventBodies(dossierId)).map((body) => JSON.parse(body) as DossierEvent);
}

/** What a reschedule needs besides the dossier: who asks, and the calendar the desks work by. */
interface RescheduleContext {
  staff: StaffRecord;
  calendar: () => Promise<WorkCalendar>;
}

async function payloadFor(
  action: StaffDossierAction,
  state: DossierState,
  nowIso: string,
  context: RescheduleContext,
): Promise<Pick<DossierEvent, 'type' | 'payload'>> {
  switch (action.type) {
    case 'result.recorded': {
      const payload: DossierEventPayloads['result.recorded'] = { resultAt: nowIso, summary: action.summary, outcome: action.outcome };
      return { type: action.type, payload };
    }
    case 'supplement.requested': {
      const payload: DossierEventPayloads['supplement.requested'] = { items: action.items, reason: action.reason, requestedAt: nowIso };
      return { type: action.type, payload };
    }
    case 'appointment.rescheduled': {
      // A dossier that may not be rescheduled at all is refused for its state before its date is judged.
      const problem = actionProblem(state, action.type);
      if (problem !== null) throw conflict(problem.message);
      if (state.appointmentAt === null) throw conflict('Hồ sơ chưa có ngày hẹn trả để hẹn lại.');
      const newAppointmentAt = new Date(action.newAppointmentAt).toISOString();
      // The desk's rule (shared/domain/calendar/reschedule.ts); an administrator stands in for the supervisor.
      const refusal = rescheduleRefusal(
        {
          currentAppointment: state.appointmentAt,
          newAppointment: newAppointmentAt,
          now: nowIso,
          lateApprover: 'quản trị viên trung tâm',
          mayApproveLate: context.staff.role === 'admin',
          approveLate: action.approveLate === true,
        },
        await context.calendar(),
      );
      if (refusal !== null) throw refusal.code === 'forbidden' ? forbidden(refusal.message) : invalidRequest(refusal.message);
      const payload: DossierEventPayloads['appointment.rescheduled'] = {
        reason: action.reason,
        previousAppointmentAt: state.appointmentAt,
        newAppointmentAt,
      };
      return { type: action.type, payload };
    }
  }
}

const ZERO: Hlc = { wallMs: 0, counter: 0, node: CENTRE_DEVICE_ID };

export async function recordStaffEvent(
  storage: CentreStorage,
  staff: StaffRecord,
  dossierId: string,
  action: StaffDossierAction,
  now: () => number,
): Promise<StaffEventResponse> {
  const dossier = await storage.dossier(dossierId);
  if (dossier === null) throw notFound('Trung tâm chưa nhận được hồ sơ này.');
  const known = await loadDossierEvents(storage, dossierId);
  const state = foldDossier(known);
  if (state === null || !state.created) throw notFound('Trung tâm chưa nhận được sự kiện tạo hồ sơ này.');

  const nowMs = now();
  const nowIso = new Date(nowMs).toISOString();
  const shape = await payloadFor(action, state, nowIso, { staff, calendar: () => centreWorkCalendar(storage) });

  const event = await storage.transaction(async (tx) => {
    const clock = await tx.lockCentreClock();
    // Above every stamp the centre issued and every stamp of this dossier: the new fact sorts last —
    // except a stamp far ahead of the centre's time (stored before clocks were bounded), which
    // receive() does not adopt; a centre clock that adopted one follows the centre's time again.
    const stored = clock.lastHlc === null ? ZERO : parseHlc(clock.lastHlc);
    const previous = withinClockBound(stored.wallMs, nowMs) ? stored : ZERO;
    const stamp = receive(previous, { ...parseHlc(state.lastHlc) }, nowMs);
    const candidate = {
      id: ulid(nowMs),
      dossierId,
      ...shape,
      officerId: `centre:${staff.username}`,
      deviceId: CENTRE_DEVICE_ID,
      deviceSeq: clock.lastSeq + 1,
      hlc: formatHlc({ ...stamp, node: CENTRE_DEVICE_ID }),
      occurredAt: nowIso,
    };
    const parsed = parseDossierEvent(candidate);
    if (!parsed.ok) throw new CentreHttpError(400, 'invalid_request', `Dữ liệu không hợp lệ — ${parsed.issues.slice(0, 3).join('; ')}`);
    const problem = eventProblem(state, parsed.event);
    if (problem !== null) throw conflict(problem.message);
    const prepared = prepareEvent(candidate);
    if (!prepared.ok) throw new CentreHttpError(400, 'invalid_request', prepared.message);
    const outcome = await appendEntries(tx, { deviceId: CENTRE_DEVICE_ID, unitGso: null }, [prepared.prepared], [], nowIso);
    if (outcome.stored.length !== 1) throw new Error(`centre event not stored: ${outcome.rejected[0]?.code ?? 'unknown'}`);
    await tx.writeCentreClock({ lastSeq: candidate.deviceSeq, lastHlc: candidate.hlc });
    return parsed.event;
  });

  const after = foldDossier([...known, event])!;
  return { event, needsReview: after.needsReview };
}

/** The dossier as the centre folds it now (status, and whether a supervisor must review it). */
export async function viewDossier(storage: CentreStorage, dossierId: string): Promise<StaffDossierView> {
  const dossier = await storage.dossier(dossierId);
  const state = dossier === null ? null : foldDossier(await loadDossierEvents(storage, dossierId));
  if (dossier === null || state === null) throw notFound('Trung tâm chưa nhận được hồ sơ này.');
  return {
    dossierId,
    unitGsoCode: dossier.unitGso,
    code: state.code,
    status: state.status,
    statusLabel: statusLabel(state.status),
    needsReview: state.needsReview,
    reviewReasons: [...state.reviewReasons],
    eventCount: state.eventCount,
  };
}
