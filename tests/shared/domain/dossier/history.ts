import fc from 'fast-check';
import type { DossierEvent, DossierEventPayloads, DossierEventType, SatisfactionLevel } from '../../../../shared/domain/dossier/events.js';
import { foldIncrementally } from '../../../../shared/domain/dossier/fold.js';
import { allowedActions, checkEvent } from '../../../../shared/domain/dossier/lifecycle.js';
import { isAwaitingCounterSupplement } from '../../../../shared/domain/dossier/reception.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { DAY, DossierScenario, addMs, attachmentPayload, fakeUlid, iso, receivedPayload, refusedPayload } from './scenario.js';

// Random dossier histories made only of actions the lifecycle offers at each step (allowedActions),
// with payloads consistent with the state, stamped by devices whose clocks may be far off.

export interface Step {
  pick: number;
  variant: number;
  gapMinutes: number;
  device: number;
  skewMs: number;
}

export const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  pick: fc.nat(),
  variant: fc.nat({ max: 999 }),
  gapMinutes: fc.integer({ min: 0, max: 36 * 60 }),
  device: fc.nat({ max: 2 }),
  skewMs: fc.oneof(fc.constant(0), fc.integer({ min: -2 * DAY, max: 2 * DAY })),
});

export const planArbitrary: fc.Arbitrary<Plan> = fc.record({
  startMs: fc.integer({ min: Date.parse('2025-03-01T00:00:00Z'), max: Date.parse('2025-03-04T00:00:00Z') }),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }),
});

export interface Plan {
  startMs: number;
  steps: Step[];
}

const DEVICES = ['desk-1', 'desk-2', 'centre'];
const LEVELS: SatisfactionLevel[] = ['very_satisfied', 'satisfied', 'not_satisfied', 'not_rated'];

function payloadFor(type: DossierEventType, state: DossierState | null, at: string, variant: number): DossierEventPayloads[DossierEventType] {
  switch (type) {
    case 'dossier.received': {
      // Turned back at the counter: half without a code (as the core writes them now), half with one
      // (as events written before the rule carry).
      const supplement = variant % 5 === 0;
      return receivedPayload(at, {
        ...(supplement && variant % 10 === 0 ? { code: null } : {}),
        channel: ((variant % 3) + 1) as 1 | 2 | 3,
        backEntered: variant % 7 === 0,
        intake: supplement ? 'supplement_requested' : 'accepted',
        appointmentAt: supplement ? null : addMs(at, ((variant % 4) + 1) * DAY),
        supplement: supplement ? { items: ['Giấy chứng sinh'], reason: 'Thiếu giấy tờ' } : null,
      });
    }
    case 'dossier.refused':
      return refusedPayload(at);
    case 'supplement.requested':
      return { items: ['Bản sao giấy tờ'], reason: 'Cần bổ sung', requestedAt: at };
    case 'supplement.received': {
      const payload = { receivedAt: at, newAppointmentAt: addMs(at, ((variant % 3) + 1) * DAY) };
      // The return of a dossier turned back at the counter without a code issues it.
      return state !== null && state.code === null && isAwaitingCounterSupplement(state) ? { ...payload, code: `000.00.06.H49-250305-${String(1000 + (variant % 999)).slice(-4)}` } : payload;
    }
    case 'dossier.forwarded':
      return { to: variant % 2 === 0 ? { kind: 'officer', name: 'Công chức địa chính' } : { kind: 'agency', name: 'UBND thành phố' }, note: '', forwardedAt: at };
    case 'result.recorded':
      return { resultAt: at, summary: 'Kết quả', outcome: variant % 4 === 0 ? 'rejected' : 'approved' };
    case 'appointment.rescheduled': {
      const previous = state?.appointmentAt ?? at;
      return { reason: 'Chậm do xác minh', previousAppointmentAt: previous, newAppointmentAt: addMs(previous, ((variant % 3) + 1) * DAY) };
    }
    case 'result.handedBack':
      return { collector: variant % 2 === 0 ? { kind: 'applicant' } : { kind: 'authorised', fullName: 'Lê Văn D', idNumber: '022090000789' }, handedBackAt: at };
    case 'satisfaction.rated':
      return { level: LEVELS[variant % LEVELS.length] ?? 'satisfied' };
    case 'dossier.withdrawn':
      return { reason: 'Công dân xin rút', withdrawnAt: at };
    case 'processing.stopped':
      return { reason: 'Dừng theo yêu cầu', stoppedAt: at };
    case 'fee.recorded':
      return { amountVnd: (variant % 50) * 1000, receiptNo: variant % 2 === 0 ? null : `BL-${variant}` };
    case 'note.added':
      return { text: `Ghi chú ${variant}` };
    case 'field.corrected': {
      if (state === null) throw new Error('correction before creation');
      switch (variant % 3) {
        case 0: {
          const phone = `09${String(10_000_000 + variant).slice(-8)}`;
          return { field: 'applicant.phone', oldValue: state.applicant.phone, newValue: phone === state.applicant.phone ? null : phone, reason: 'Sai số' };
        }
        case 1:
          return { field: 'sets', oldValue: state.sets, newValue: state.sets >= 5 ? 1 : state.sets + 1, reason: 'Sai số bộ' };
        default:
          return { field: 'notes', oldValue: state.notes, newValue: `${state.notes}+`, reason: 'Bổ sung ghi chú' };
      }
    }
    case 'conflict.resolved':
      return { reason: 'Đã kiểm tra', resolution: 'keep_current' };
    case 'attachment.added': {
      const kind = state?.resultAt != null && variant % 2 === 0 ? 'result' : 'intake';
      const reused = variant % 5 === 0;
      return attachmentPayload({
        kind,
        checklistItemId: variant % 3 === 0 ? null : (state?.documents[0]?.itemId ?? null),
        source: reused ? (variant % 2 === 0 ? 'reused_result' : 'reused_dossier') : (['scan', 'file', 'inbox'] as const)[variant % 3],
        reusedFromDossierId: reused ? fakeUlid() : null,
      });
    }
    case 'attachment.retracted': {
      const target = state?.attachments.find((a) => a.retractedAt === null);
      if (target === undefined) throw new Error('retraction without a file');
      return { attachmentId: target.attachmentId, reason: 'Quét nhầm' };
    }
    case 'code.reissued':
      return { code: `000.15.20.H49-261123-${String(1500 + (variant % 400)).padStart(4, '0')}`, previousCode: state?.code ?? null, reason: 'Trùng mã' };
  }
}

// Endings (refusal, withdrawal, stop) are rarer than work, so histories reach every status.
function weight(type: DossierEventType): number {
  return type === 'dossier.refused' || type === 'dossier.withdrawn' || type === 'processing.stopped' ? 1 : 6;
}

export interface History {
  scenario: DossierScenario;
  /** The state folded one event at a time in creation order. */
  state: DossierState | null;
}

/** Extends `history` by the plan's steps, each an action allowed at that point. */
export function extendHistory(history: History, steps: readonly Step[], startMs: number, devices: readonly string[] = DEVICES): History {
  let { state } = history;
  let timeMs = startMs;
  for (const step of steps) {
    const actions = allowedActions(state).flatMap((action) => Array<DossierEventType>(weight(action)).fill(action));
    const type = actions[step.pick % actions.length];
    if (type === undefined) break;
    timeMs += step.gapMinutes * 60_000;
    const at = iso(timeMs);
    const event = history.scenario.add(type, at, payloadFor(type, state, at, step.variant) as never, {
      deviceId: devices[step.device % devices.length],
      nowMs: timeMs + step.skewMs,
    }) as DossierEvent;
    checkEvent(state, event); // by construction: the lifecycle allows it
    state = foldIncrementally(state, event);
  }
  return { scenario: history.scenario, state };
}

export function buildHistory(plan: Plan): History {
  return extendHistory({ scenario: new DossierScenario(), state: null }, plan.steps, plan.startMs);
}

/** A permutation of `items` by random keys, with some items delivered twice. */
export function rearrange<T>(items: readonly T[], keys: readonly number[], duplicates: readonly number[]): T[] {
  const order = items.map((item, index) => ({ item, key: keys[index % Math.max(keys.length, 1)] ?? 0, index }));
  order.sort((a, b) => a.key - b.key || b.index - a.index);
  const repeated = duplicates.flatMap((d) => (items.length === 0 ? [] : [items[d % items.length] as T]));
  return [...order.map((entry) => entry.item), ...repeated];
}
