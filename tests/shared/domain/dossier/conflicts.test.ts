import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../../shared/domain/dossier/events.js';
import { foldDossier } from '../../../../shared/domain/dossier/fold.js';
import { allowedActions } from '../../../../shared/domain/dossier/lifecycle.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { DossierScenario, receivedPayload } from './scenario.js';
import { at } from './states.js';

// Business-rule conflicts from sync never block: the fold records what it sensibly can, keeps the
// status, and marks the dossier for a supervisor (DESIGN.md, "Sync with the centre").

function fold(events: readonly DossierEvent[]): DossierState {
  const state = foldDossier(events);
  if (state === null) throw new Error('no events');
  return state;
}

function processing(): DossierScenario {
  const s = new DossierScenario();
  s.add('dossier.received', at(0), receivedPayload(at(0)));
  s.add('dossier.forwarded', at(1), { to: { kind: 'agency', name: 'UBND thành phố Hạ Long' }, note: '', forwardedAt: at(1) });
  return s;
}

describe('conflict marking', () => {
  it('the centre records a result after the desk recorded a withdrawal', () => {
    const s = processing();
    s.add('dossier.withdrawn', at(10), { reason: 'Công dân xin rút', withdrawnAt: at(10) }, { deviceId: 'desk-1' });
    s.add('result.recorded', at(11), { resultAt: at(11), summary: 'Đã cấp', outcome: 'approved' }, { deviceId: 'centre', concurrent: true, nowMs: Date.parse(at(12)) });
    const state = fold(s.events);
    expect(state.status).toBe(7);
    expect(state).toMatchObject({ withdrawnAt: at(10), resultAt: at(11), outcome: 'approved', needsReview: true });
    expect(state.reviewReasons).toHaveLength(1);
    expect(state.reviewReasons[0]).toMatch(/^Lúc 20:00 05\/03\/2025 — Không thể ghi nhận kết quả: hồ sơ đã được rút \(trạng thái hiện tại: Rút hồ sơ\)\.$/);
    expect(allowedActions(state)).toContain('conflict.resolved');
  });

  it('the same two facts stamped the other way round keep the result and flag the withdrawal', () => {
    const s = processing();
    s.add('result.recorded', at(11), { resultAt: at(11), summary: '', outcome: 'approved' }, { deviceId: 'centre' });
    s.add('dossier.withdrawn', at(12), { reason: 'Công dân xin rút', withdrawnAt: at(12) }, { deviceId: 'desk-1', concurrent: true, nowMs: Date.parse(at(13)) });
    const state = fold(s.events);
    expect(state).toMatchObject({ status: 9, resultAt: at(11), withdrawnAt: at(12), needsReview: true });
  });

  it('a resolution clears the review and may set the status; a later conflict flags again', () => {
    const s = processing();
    s.add('dossier.withdrawn', at(10), { reason: 'Công dân xin rút', withdrawnAt: at(10) });
    s.add('result.recorded', at(11), { resultAt: at(11), summary: '', outcome: 'approved' }, { deviceId: 'centre', concurrent: true, nowMs: Date.parse(at(12)) });
    s.add('conflict.resolved', at(14), { reason: 'Công dân đồng ý nhận kết quả', resolution: 'set_status', status: 9 }, { officerId: 'supervisor-1' });
    const resolved = fold(s.events);
    expect(resolved).toMatchObject({ status: 9, needsReview: false, reviewReasons: [] });
    expect(allowedActions(resolved)).toContain('result.handedBack');

    s.add('satisfaction.rated', at(15), { level: 'satisfied' });
    expect(fold(s.events)).toMatchObject({ status: 9, rating: 'satisfied', needsReview: true });
  });

  it('keep_current clears the review without moving the status', () => {
    const s = processing();
    s.add('result.handedBack', at(5), { collector: { kind: 'applicant' }, handedBackAt: at(5) }, { deviceId: 'desk-2' });
    const flagged = fold(s.events);
    expect(flagged).toMatchObject({ status: 4, handedBackAt: at(5), needsReview: true });
    expect(flagged.reviewReasons[0]).toMatch(/Không thể trả kết quả: hồ sơ chưa có kết quả/);
    s.add('conflict.resolved', at(6), { reason: 'Nhập nhầm hồ sơ', resolution: 'keep_current' });
    expect(fold(s.events)).toMatchObject({ status: 4, needsReview: false });
  });

  it('a second creation event is ignored: the first in (hlc, id) order created the dossier', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0)), { deviceId: 'desk-1' });
    s.add('dossier.received', at(0), receivedPayload(at(0), { code: '000.00.06.H49-250305-2001', channel: 2 }), { deviceId: 'desk-2', concurrent: true, nowMs: Date.parse(at(0)) + 5 });
    const state = fold(s.events);
    expect(state).toMatchObject({ code: '000.00.06.H49-250305-1001', channel: 1, status: 2, needsReview: true, eventCount: 2 });
    expect(state.reviewReasons[0]).toMatch(/hồ sơ này đã được tạo/);
  });

  it('an event stamped before its creation makes a status-1 placeholder that the creation completes', () => {
    const s = new DossierScenario();
    s.add('note.added', at(0), { text: 'Ghi chú từ máy lệch giờ' }, { deviceId: 'desk-2', nowMs: Date.parse(at(-100)) });
    const orphan = fold(s.events);
    expect(orphan).toMatchObject({ created: false, status: 1, needsReview: true });
    s.add('dossier.received', at(1), receivedPayload(at(1)), { deviceId: 'desk-1', concurrent: true });
    const state = fold(s.events);
    expect(state).toMatchObject({ created: true, status: 2, needsReview: true, eventCount: 2 });
    expect(state.notesLog).toHaveLength(1);
    expect(state.reviewReasons[0]).toMatch(/chưa được tạo/);
  });

  it('two concurrent apologies: the later stamp wins, and the stale one is flagged', () => {
    const s = processing();
    s.add('appointment.rescheduled', at(30), { reason: 'A', previousAppointmentAt: at(72), newAppointmentAt: at(96) }, { deviceId: 'desk-1' });
    s.add('appointment.rescheduled', at(31), { reason: 'B', previousAppointmentAt: at(72), newAppointmentAt: at(120) }, { deviceId: 'desk-2', concurrent: true, nowMs: Date.parse(at(31)) });
    const state = fold(s.events);
    expect(state.appointmentAt).toBe(at(120));
    expect(state.reschedules).toHaveLength(2);
    expect(state.needsReview).toBe(true);
    expect(state.reviewReasons[0]).toMatch(/ngày hẹn cũ không khớp/);
  });

  it('an apology after the result is kept as a record but does not move the appointment', () => {
    const s = processing();
    s.add('result.recorded', at(80), { resultAt: at(80), summary: '', outcome: 'approved' });
    s.add('appointment.rescheduled', at(81), { reason: 'Muộn', previousAppointmentAt: at(72), newAppointmentAt: at(100) }, { deviceId: 'desk-2', concurrent: true });
    const state = fold(s.events);
    expect(state).toMatchObject({ status: 9, appointmentAt: at(72), needsReview: true });
    expect(state.reschedules).toHaveLength(1);
  });

  it('concurrent identical resolutions are one decision; different ones flag again', () => {
    const base = () => {
      const s = processing();
      s.add('dossier.withdrawn', at(10), { reason: 'Rút', withdrawnAt: at(10) });
      s.add('result.recorded', at(11), { resultAt: at(11), summary: '', outcome: 'approved' }, { deviceId: 'centre', concurrent: true, nowMs: Date.parse(at(12)) });
      return s;
    };
    const same = base();
    same.add('conflict.resolved', at(20), { reason: 'x', resolution: 'set_status', status: 9 }, { deviceId: 'desk-1' });
    same.add('conflict.resolved', at(20), { reason: 'y', resolution: 'set_status', status: 9 }, { deviceId: 'desk-2', concurrent: true, nowMs: Date.parse(at(20)) + 1 });
    expect(fold(same.events)).toMatchObject({ status: 9, needsReview: false, eventCount: 6 });

    const different = base();
    different.add('conflict.resolved', at(20), { reason: 'x', resolution: 'set_status', status: 9 }, { deviceId: 'desk-1' });
    different.add('conflict.resolved', at(20), { reason: 'y', resolution: 'set_status', status: 7 }, { deviceId: 'desk-2', concurrent: true, nowMs: Date.parse(at(20)) + 1 });
    const state = fold(different.events);
    expect(state).toMatchObject({ status: 9, needsReview: true });
    expect(state.reviewReasons[0]).toMatch(/không có xung đột/);
  });

  it('the first result, hand-back and rating win; fees still add up', () => {
    const s = processing();
    s.add('result.recorded', at(20), { resultAt: at(20), summary: 'A', outcome: 'approved' }, { deviceId: 'desk-1' });
    s.add('result.recorded', at(21), { resultAt: at(21), summary: 'B', outcome: 'rejected' }, { deviceId: 'centre', concurrent: true, nowMs: Date.parse(at(21)) });
    s.add('fee.recorded', at(22), { amountVnd: 10000, receiptNo: null });
    s.add('result.handedBack', at(23), { collector: { kind: 'applicant' }, handedBackAt: at(23) });
    s.add('fee.recorded', at(24), { amountVnd: 5000, receiptNo: null }, { deviceId: 'desk-2' });
    const state = fold(s.events);
    expect(state).toMatchObject({ status: 10, resultAt: at(20), resultSummary: 'A', outcome: 'approved', feesVnd: 15000, needsReview: true });
    expect(state.reviewReasons).toHaveLength(2);
  });
});
