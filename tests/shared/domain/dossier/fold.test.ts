import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import type { DossierEvent } from '../../../../shared/domain/dossier/events.js';
import { foldDossier, foldIncrementally, sortsAfter } from '../../../../shared/domain/dossier/fold.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { DossierScenario, receivedPayload, refusedPayload } from './scenario.js';
import { at, foldScenario } from './states.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const forward = (s: DossierScenario, hours: number, name = 'Công chức tư pháp – hộ tịch') =>
  s.add('dossier.forwarded', at(hours), { to: { kind: 'officer', name }, note: 'Chuyển xử lý', forwardedAt: at(hours) }, { officerId: 'officer-2' });

describe('typical paths', () => {
  it('receive → forward → result → hand back → rate', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0)));
    expect(foldScenario(s)).toMatchObject({ status: 2, code: '000.00.06.H49-250305-1001', intake: 'accepted', appointmentAt: at(72), originalAppointmentAt: at(72) });
    forward(s, 1);
    expect(foldScenario(s).status).toBe(4);
    s.add('result.recorded', at(30), { resultAt: at(30), summary: 'Giấy khai sinh bản chính', outcome: 'approved' });
    expect(foldScenario(s).status).toBe(9);
    s.add('result.handedBack', at(50), { collector: { kind: 'authorised', fullName: 'Nguyễn Văn C', idNumber: '022085000456' }, handedBackAt: at(50) });
    s.add('satisfaction.rated', at(50), { level: 'very_satisfied' });
    const state = foldScenario(s);
    expect(state).toMatchObject({
      status: 10,
      resultAt: at(30),
      outcome: 'approved',
      resultSummary: 'Giấy khai sinh bản chính',
      handedBackAt: at(50),
      collector: { kind: 'authorised', fullName: 'Nguyễn Văn C', idNumber: '022085000456' },
      rating: 'very_satisfied',
      ratedAt: at(50),
      createdBy: 'officer-1',
      eventCount: 5,
      lastEventAt: at(50),
      needsReview: false,
      reviewReasons: [],
    });
    expect(state.handovers).toEqual([
      { kind: 'receipt', at: at(0), to: { kind: 'agency', name: 'Bộ phận tiếp nhận và trả kết quả Phường Hồng Gai' }, note: '', officerId: 'officer-1' },
      { kind: 'forward', at: at(1), to: { kind: 'officer', name: 'Công chức tư pháp – hộ tịch' }, note: 'Chuyển xử lý', officerId: 'officer-2' },
    ]);
  });

  it('each forward is another control-sheet row', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0)));
    forward(s, 1);
    forward(s, 2, 'Phòng Tài nguyên và Môi trường');
    const state = foldScenario(s);
    expect(state.handovers.map((row) => row.kind)).toEqual(['receipt', 'forward', 'forward']);
    expect(state.status).toBe(4);
  });

  it('turned back at the counter: status 5, not received, no clock, until the papers arrive — then received with a code', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0), { code: null, intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['Giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh' } }));
    const waiting = foldScenario(s);
    expect(waiting).toMatchObject({ status: 5, code: null, receivedAt: null, intake: 'supplement_requested', appointmentAt: null, originalAppointmentAt: null, statusBeforeSupplement: 2 });
    expect(waiting.supplements).toEqual([{ requestedAt: at(0), items: ['Giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh', receivedAt: null, atIntake: true, officerId: 'officer-1' }]);
    expect(waiting.handovers).toEqual([]);
    s.add('supplement.received', at(26), { receivedAt: at(26), newAppointmentAt: at(98), code: '000.00.06.H49-250306-1001' }, { officerId: 'officer-2' });
    const done = foldScenario(s);
    expect(done).toMatchObject({ status: 2, code: '000.00.06.H49-250306-1001', receivedAt: at(26), appointmentAt: at(98), originalAppointmentAt: at(98), statusBeforeSupplement: null });
    expect(done.supplements[0]?.receivedAt).toBe(at(26));
    // The receipt (form 01) is the return, by the officer who took the papers.
    expect(done.handovers).toEqual([{ kind: 'receipt', at: at(26), to: { kind: 'agency', name: 'Bộ phận tiếp nhận và trả kết quả Phường Hồng Gai' }, note: '', officerId: 'officer-2' }]);
    // A later round during processing is an ordinary supplement: it receives nothing and issues no code.
    s.add('supplement.requested', at(30), { items: ['Bản sao sổ hộ khẩu'], reason: 'Cần đối chiếu', requestedAt: at(30) });
    s.add('supplement.received', at(33), { receivedAt: at(33), newAppointmentAt: at(101), code: '000.00.06.H49-250306-1009' });
    expect(foldScenario(s)).toMatchObject({ status: 2, code: '000.00.06.H49-250306-1001', receivedAt: at(26), appointmentAt: at(101) });
    expect(foldScenario(s).handovers).toHaveLength(1);
  });

  it('turned back at the counter by an event written before the rule: the code printed on form 02 stays, receipt on the return', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0), { intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['Giấy chứng sinh'], reason: 'Thiếu' } }));
    expect(foldScenario(s)).toMatchObject({ status: 5, code: '000.00.06.H49-250305-1001', receivedAt: null });
    s.add('supplement.received', at(26), { receivedAt: at(26), newAppointmentAt: at(98) });
    expect(foldScenario(s)).toMatchObject({ status: 2, code: '000.00.06.H49-250305-1001', receivedAt: at(26), appointmentAt: at(98) });
  });

  it('supplement during processing: back to 4 with the appointment extended', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0)));
    forward(s, 1);
    s.add('supplement.requested', at(5), { items: ['Bản sao sổ hộ khẩu'], reason: 'Cần đối chiếu nơi cư trú', requestedAt: at(5) });
    expect(foldScenario(s)).toMatchObject({ status: 5, statusBeforeSupplement: 4 });
    s.add('supplement.received', at(48), { receivedAt: at(48), newAppointmentAt: at(115) });
    const state = foldScenario(s);
    expect(state).toMatchObject({ status: 4, appointmentAt: at(115), originalAppointmentAt: at(72) });
    expect(state.supplements).toHaveLength(1);
    expect(state.supplements[0]).toMatchObject({ atIntake: false, receivedAt: at(48) });
  });

  it('apology (form 04): the appointment moves, the original stays, the form is kept', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0)));
    forward(s, 1);
    s.add('appointment.rescheduled', at(40), { reason: 'Chờ xác minh của công an', previousAppointmentAt: at(72), newAppointmentAt: at(120) });
    const state = foldScenario(s);
    expect(state).toMatchObject({ status: 4, appointmentAt: at(120), originalAppointmentAt: at(72) });
    expect(state.reschedules).toEqual([{ at: at(40), reason: 'Chờ xác minh của công an', previousAppointmentAt: at(72), newAppointmentAt: at(120), officerId: 'officer-1' }]);
  });

  it('withdrawal while waiting for a supplement', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0)));
    s.add('supplement.requested', at(1), { items: ['x'], reason: 'y', requestedAt: at(1) });
    s.add('dossier.withdrawn', at(3), { reason: 'Công dân không bổ sung được', withdrawnAt: at(3) });
    expect(foldScenario(s)).toMatchObject({ status: 7, withdrawnAt: at(3), withdrawReason: 'Công dân không bổ sung được', statusBeforeSupplement: null });
  });

  it('processing stopped', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0)));
    s.add('processing.stopped', at(3), { reason: 'Giấy tờ giả mạo', stoppedAt: at(3) });
    expect(foldScenario(s)).toMatchObject({ status: 8, stoppedAt: at(3), stopReason: 'Giấy tờ giả mạo' });
  });

  it('refusal at intake: status 3, no code, no receipt row', () => {
    const s = new DossierScenario();
    s.add('dossier.refused', at(0), refusedPayload(at(0)));
    s.add('note.added', at(1), { text: 'Đã hướng dẫn nộp tại UBND thành phố.' });
    expect(foldScenario(s)).toMatchObject({
      status: 3,
      code: null,
      intake: 'refused',
      receivedAt: null,
      appointmentAt: null,
      refusedAt: at(0),
      refusedReason: 'Không thuộc thẩm quyền của phường.',
      handovers: [],
      notesLog: [{ at: at(1), text: 'Đã hướng dẫn nộp tại UBND thành phố.', officerId: 'officer-1' }],
    });
  });

  it('a back-entered dossier keeps its real receipt time', () => {
    const s = new DossierScenario();
    const paperTime = at(-30);
    s.add('dossier.received', paperTime, receivedPayload(paperTime, { backEntered: true }), { nowMs: Date.parse(at(0)), officerId: 'supervisor-1' });
    const state = foldScenario(s);
    expect(state).toMatchObject({ backEntered: true, receivedAt: paperTime, createdBy: 'supervisor-1' });
    expect(state.handovers[0]).toMatchObject({ kind: 'receipt', at: paperTime, note: 'Nhập bổ sung từ sổ giấy' });
  });

  it('fees add up, notes are logged, corrections change the field and are kept', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0), { owner: { kind: 'business', name: 'Công ty TNHH A', idNumber: '5701234567' } }));
    s.add('fee.recorded', at(0), { amountVnd: 8000, receiptNo: 'BL-01' });
    s.add('fee.recorded', at(2), { amountVnd: 50000, receiptNo: null });
    s.add('note.added', at(2), { text: 'Gọi lại cho công dân.' });
    s.add('field.corrected', at(3), { field: 'applicant.phone', oldValue: '0912345678', newValue: '0987654321', reason: 'Ghi nhầm số' });
    s.add('field.corrected', at(3), { field: 'sets', oldValue: 1, newValue: 2, reason: 'Nộp hai bộ' });
    s.add('field.corrected', at(3), { field: 'owner.name', oldValue: 'Công ty TNHH A', newValue: 'Công ty TNHH A Hạ Long', reason: 'Thiếu tên' });
    const state = foldScenario(s);
    expect(state.feesVnd).toBe(58000);
    expect(state.fees.map((fee) => fee.amountVnd)).toEqual([8000, 50000]);
    expect(state.notesLog).toHaveLength(1);
    expect(state.applicant.phone).toBe('0987654321');
    expect(state.sets).toBe(2);
    expect(state.owner?.name).toBe('Công ty TNHH A Hạ Long');
    expect(state.corrections.map((c) => c.field)).toEqual(['applicant.phone', 'sets', 'owner.name']);
    expect(state.needsReview).toBe(false);
  });
});

describe('fold mechanics', () => {
  function sample(): DossierEvent[] {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0)));
    forward(s, 1);
    s.add('fee.recorded', at(1), { amountVnd: 8000, receiptNo: null });
    s.add('result.recorded', at(20), { resultAt: at(20), summary: '', outcome: 'rejected' });
    return s.events;
  }

  it('gives null for no events and refuses events of two dossiers', () => {
    expect(foldDossier([])).toBeNull();
    const other = new DossierScenario().add('note.added', at(0), { text: 'x' });
    expect(() => foldDossier([...sample(), other])).toThrow(CommandError);
  });

  it('does not depend on arrival order and ignores duplicates', () => {
    const events = sample();
    const reference = foldDossier(events);
    expect(foldDossier([...events].reverse())).toEqual(reference);
    expect(foldDossier([events[2], events[0], events[3], events[1], events[0], events[3]] as DossierEvent[])).toEqual(reference);
  });

  it('folding one at a time equals folding all, and never mutates its input', () => {
    const events = deepFreeze(sample());
    let state: DossierState | null = null;
    for (const event of events) {
      expect(sortsAfter(state, event)).toBe(true);
      const before: DossierState | null = state === null ? null : deepFreeze(state);
      state = foldIncrementally(before, event);
    }
    expect(state).toEqual(foldDossier(events));
    const last = events[events.length - 1] as DossierEvent;
    expect(foldIncrementally(state, last)).toBe(state);
    expect(sortsAfter(state, events[0] as DossierEvent)).toBe(false);
  });

  it('an event that leaves the facts unchanged still yields a new state and leaves the old one as it was', () => {
    // A second creation event is ignored by applyEvent (it hands back the state it was given): the
    // bookkeeping must then go on a copy, never on the (frozen) state passed in.
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0)));
    s.add('dossier.received', at(1), receivedPayload(at(1)));
    const [first, second] = deepFreeze(s.events) as [DossierEvent, DossierEvent];
    const before = deepFreeze(foldIncrementally(null, first));
    const snapshot = structuredClone(before);
    const after = foldIncrementally(before, second);
    expect(after).not.toBe(before);
    expect(before).toEqual(snapshot);
    expect(after).toEqual({
      ...before,
      eventCount: 2,
      lastHlc: second.hlc,
      lastEventId: second.id,
      lastEventAt: second.occurredAt,
      needsReview: true,
      reviewReasons: [expect.stringContaining('hồ sơ này đã được tạo')],
    });
    expect(after).toEqual(foldDossier([second, first]));
  });
});
