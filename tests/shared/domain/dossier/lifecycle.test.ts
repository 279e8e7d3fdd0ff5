import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { EVENT_TYPES, type DossierEventType, type StatusCode } from '../../../../shared/domain/dossier/events.js';
import {
  STATUS_CODES,
  STATUS_LABELS,
  allowedActions,
  checkAction,
  checkEvent,
  isActionAllowed,
} from '../../../../shared/domain/dossier/lifecycle.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { DossierScenario, receivedPayload } from './scenario.js';
import { at, foldScenario, scenarioIn, stateIn } from './states.js';

// The rule table, written out independently of the implementation: status → actions allowed.
// code.reissued: whenever the dossier has a code (every received dossier; a refused one has none).
const ALLOWED: Record<StatusCode, DossierEventType[]> = {
  // Only a dossier whose creation event has not arrived is in 1 (and it needs review).
  1: ['dossier.received', 'dossier.refused', 'note.added', 'conflict.resolved'],
  2: ['supplement.requested', 'dossier.forwarded', 'result.recorded', 'appointment.rescheduled', 'dossier.withdrawn', 'processing.stopped', 'fee.recorded', 'note.added', 'field.corrected', 'attachment.added', 'code.reissued'],
  3: ['note.added'],
  4: ['supplement.requested', 'dossier.forwarded', 'result.recorded', 'appointment.rescheduled', 'dossier.withdrawn', 'processing.stopped', 'fee.recorded', 'note.added', 'field.corrected', 'attachment.added', 'code.reissued'],
  5: ['supplement.received', 'appointment.rescheduled', 'dossier.withdrawn', 'processing.stopped', 'fee.recorded', 'note.added', 'field.corrected', 'attachment.added', 'code.reissued'],
  6: ['result.recorded', 'appointment.rescheduled', 'dossier.withdrawn', 'processing.stopped', 'fee.recorded', 'note.added', 'field.corrected', 'attachment.added', 'code.reissued'],
  7: ['note.added', 'field.corrected', 'attachment.added', 'code.reissued'],
  8: ['note.added', 'field.corrected', 'attachment.added', 'code.reissued'],
  9: ['result.handedBack', 'fee.recorded', 'note.added', 'field.corrected', 'attachment.added', 'code.reissued'],
  10: ['satisfaction.rated', 'note.added', 'field.corrected', 'attachment.added', 'code.reissued'],
};

function thrown(run: () => void): CommandError {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error('expected a CommandError');
}

describe('status codes', () => {
  it('has the ten national statuses with their Vietnamese labels', () => {
    expect(STATUS_CODES).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(STATUS_LABELS[2]).toBe('Được tiếp nhận');
    expect(STATUS_LABELS[5]).toBe('Yêu cầu bổ sung');
    expect(STATUS_LABELS[10]).toBe('Đã trả kết quả');
  });
});

describe('the rule table, every action in every status', () => {
  for (const status of STATUS_CODES) {
    const state = stateIn(status);
    it(`status ${status} (${STATUS_LABELS[status]}) offers exactly its actions`, () => {
      expect(state.status).toBe(status);
      expect(allowedActions(state)).toEqual(ALLOWED[status]);
    });

    for (const type of EVENT_TYPES) {
      const allowed = ALLOWED[status].includes(type);
      it(`${allowed ? 'allows' : 'forbids'} ${type} in status ${status}`, () => {
        expect(isActionAllowed(state, type)).toBe(allowed);
        if (allowed) {
          expect(() => checkAction(state, type)).not.toThrow();
          return;
        }
        const error = thrown(() => checkAction(state, type));
        expect(error.code).toBe('transition_forbidden');
        const where = status === 1 ? '' : ` \\(trạng thái hiện tại: ${STATUS_LABELS[status]}\\)`;
        expect(error.message).toMatch(new RegExp(`^Không thể [^:]+: .+${where}\\.$`));
      });
    }
  }
});

describe('specific rules', () => {
  it('names the action and the state: handing back without a result', () => {
    const error = thrown(() => checkAction(stateIn(4), 'result.handedBack'));
    expect(error.code).toBe('transition_forbidden');
    expect(error.message).toBe('Không thể trả kết quả: hồ sơ chưa có kết quả (trạng thái hiện tại: Đang xử lý).');
  });

  it('creates only a new dossier, and nothing else happens to a dossier that does not exist', () => {
    expect(allowedActions(null)).toEqual(['dossier.received', 'dossier.refused']);
    expect(thrown(() => checkAction(null, 'result.recorded')).message).toBe('Không thể ghi nhận kết quả: hồ sơ chưa được tạo.');
    expect(thrown(() => checkAction(stateIn(2), 'dossier.received')).message).toMatch(/đã được tạo/);
  });

  it('refuses a result while a supplement is open, and says why', () => {
    expect(thrown(() => checkAction(stateIn(5), 'result.recorded')).message).toMatch(/phải nhận hồ sơ bổ sung trước/);
  });

  it('allows a second supplement round only after the first was received', () => {
    const s = scenarioIn(5);
    expect(thrown(() => checkAction(foldScenario(s), 'supplement.requested')).message).toMatch(/chưa được đáp ứng/);
    s.add('supplement.received', at(5), { receivedAt: at(5), newAppointmentAt: at(90) });
    expect(isActionAllowed(foldScenario(s), 'supplement.requested')).toBe(true);
  });

  it('rates once, after the hand-back', () => {
    const s = scenarioIn(10);
    s.add('satisfaction.rated', at(4), { level: 'satisfied' });
    const error = thrown(() => checkAction(foldScenario(s), 'satisfaction.rated'));
    expect(error.message).toMatch(/đã đánh giá/);
  });

  it('cannot reschedule a dossier waiting for its intake supplement: it has no appointment yet', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0), { intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['CCCD'], reason: 'Thiếu' } }));
    const state = foldScenario(s);
    expect(state.status).toBe(5);
    expect(isActionAllowed(state, 'appointment.rescheduled')).toBe(false);
    expect(isActionAllowed(state, 'supplement.received')).toBe(true);
  });

  it('allows conflict resolution only on a dossier that needs review', () => {
    const flagged: DossierState = { ...stateIn(7), needsReview: true, reviewReasons: ['x'] };
    expect(allowedActions(flagged)).toContain('conflict.resolved');
    expect(thrown(() => checkAction(stateIn(7), 'conflict.resolved')).message).toMatch(/không có xung đột/);
  });
});

describe('checkEvent: payload against state', () => {
  it('refuses an apology that moves an appointment someone already moved (conflict)', () => {
    const state = stateIn(4);
    const s = new DossierScenario(state.id);
    const stale = s.add('appointment.rescheduled', at(5), { reason: 'Trễ', previousAppointmentAt: at(1), newAppointmentAt: at(200) });
    expect(thrown(() => checkEvent(state, stale)).code).toBe('conflict');
    const fresh = s.add('appointment.rescheduled', at(5), { reason: 'Trễ', previousAppointmentAt: state.appointmentAt ?? '', newAppointmentAt: at(200) });
    expect(() => checkEvent(state, fresh)).not.toThrow();
  });

  it('refuses a correction whose old value is stale (conflict), and owner fields without an owner', () => {
    const state = stateIn(2);
    const s = new DossierScenario(state.id);
    const stale = s.add('field.corrected', at(1), { field: 'applicant.phone', oldValue: '0900000000', newValue: '0911111111', reason: 'Sai' });
    expect(thrown(() => checkEvent(state, stale)).code).toBe('conflict');
    const owner = s.add('field.corrected', at(1), { field: 'owner.name', oldValue: 'A', newValue: 'B', reason: 'Sai' });
    expect(thrown(() => checkEvent(state, owner)).code).toBe('transition_forbidden');
    const fine = s.add('field.corrected', at(1), { field: 'applicant.phone', oldValue: '0912345678', newValue: '0911111111', reason: 'Sai' });
    expect(() => checkEvent(state, fine)).not.toThrow();
  });

  it('refuses a resolution that sets status 1', () => {
    const flagged: DossierState = { ...stateIn(4), needsReview: true, reviewReasons: ['x'] };
    const s = new DossierScenario(flagged.id);
    const toOne = s.add('conflict.resolved', at(6), { reason: 'x', resolution: 'set_status', status: 1 });
    expect(thrown(() => checkEvent(flagged, toOne)).code).toBe('transition_forbidden');
    const toNine = s.add('conflict.resolved', at(6), { reason: 'x', resolution: 'set_status', status: 9 });
    expect(() => checkEvent(flagged, toNine)).not.toThrow();
  });
});
