import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { requiredPapers } from '../../../support/required-papers.js';

const THUONG_TRU = 'cu-tru.dang-ky-thuong-tru'; // 7 working days
const KHAI_SINH = 'ho-tich.dang-ky-khai-sinh'; // same day, 15:00 cut-off

const receiveArgs = (procedureId = THUONG_TRU) => ({
  procedureId,
  channel: 1 as const,
  applicant: SAMPLE_APPLICANT,
  documents: requiredPapers(procedureId),
});

describe('a dossier from receipt to rating, through the contract on a real database', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk({ at: '2026-11-23T02:00:00Z' }); // Monday 09:00 Vietnam time
  });
  afterEach(() => desk.dispose());

  it('receives with a code from the station block and an appointment on the working calendar', async () => {
    const detail = await desk.call('dossiers.receive', receiveArgs());
    expect(detail.state.code).toBe('000.15.20.H49-261123-1001');
    expect(detail.state.status).toBe(2);
    // 7 working days of 8 h from Monday 09:00 → the next Wednesday 09:00 (Vietnam) = 02:00Z.
    expect(detail.state.appointmentAt).toBe('2026-12-02T02:00:00.000Z');
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]!.recordedBy.fullName).toBe('Trần Văn Giám Sát');
    expect(detail.allowedActions).toContain('dossier.forwarded');
    expect(detail.allowedActions).not.toContain('result.handedBack');

    const second = await desk.call('dossiers.receive', receiveArgs());
    expect(second.state.code).toBe('000.15.20.H49-261123-1002');
  });

  it('applies the same-day cut-off: after 15:00 the result is due the next working day', async () => {
    desk.clock.set('2026-11-23T08:30:00Z'); // 15:30 Vietnam time
    const late = await desk.call('dossiers.receive', receiveArgs(KHAI_SINH));
    expect(late.state.appointmentAt).toBe('2026-11-24T10:00:00.000Z'); // Tuesday 17:00
    desk.clock.set('2026-11-23T07:00:00Z'); // 14:00
    const early = await desk.call('dossiers.receive', receiveArgs(KHAI_SINH));
    expect(early.state.appointmentAt).toBe('2026-11-23T10:00:00.000Z'); // Monday 17:00
  });

  it('walks forward → result → hand back → rating, and the day tally counts each fact', async () => {
    const { state } = await desk.call('dossiers.receive', receiveArgs());
    const id = state.id;
    await desk.call('dossiers.forward', { dossierId: id, to: { kind: 'officer', name: 'Công an phường' } });
    desk.clock.advanceMinutes(60);
    const withResult = await desk.call('dossiers.recordResult', { dossierId: id, summary: 'Đã đăng ký thường trú' });
    expect(withResult.state.status).toBe(9);
    const handed = await desk.call('dossiers.handBack', { dossierId: id, collector: { kind: 'applicant' } });
    expect(handed.state.status).toBe(10);
    const rated = await desk.call('dossiers.rate', { dossierId: id, level: 'very_satisfied' });
    expect(rated.state.rating).toBe('very_satisfied');
    expect(rated.history.map((h) => h.type)).toEqual([
      'dossier.received',
      'dossier.forwarded',
      'result.recorded',
      'result.handedBack',
      'satisfaction.rated',
    ]);
    expect(rated.state.handovers.map((h) => h.to.name)).toContain('Công an phường');

    const tally = await desk.call('tallies.daily', { date: '2026-11-23' });
    expect(tally.receivedByChannel).toEqual({ inPerson: 1, online: 0, postal: 0 });
    expect(tally.resultsReady).toBe(1);
    expect(tally.handedBack).toBe(1);
    expect(tally.ratings.very_satisfied).toBe(1);
    expect(tally.overdue).toBe(0);
  });

  it('pauses the clock for a supplement and moves the appointment by the working time waited', async () => {
    const { state } = await desk.call('dossiers.receive', receiveArgs());
    const original = state.appointmentAt!;
    await desk.call('dossiers.requestSupplement', { dossierId: state.id, items: ['Giấy tờ chỗ ở hợp pháp'], reason: 'Thiếu giấy tờ' });
    desk.clock.advanceMinutes(60); // one working hour waited (Monday 10:00)
    const back = await desk.call('dossiers.receiveSupplement', { dossierId: state.id });
    expect(back.state.status).toBe(2);
    expect(Date.parse(back.state.appointmentAt!) - Date.parse(original)).toBe(60 * 60_000);
  });

  it('receives the papers of a dossier that was already late: it stays late, by the wait added', async () => {
    const { state } = await desk.call('dossiers.receive', receiveArgs(KHAI_SINH)); // due Monday 17:00
    desk.clock.set('2026-11-24T02:00:00Z'); // Tuesday 09:00: overdue
    await desk.call('dossiers.requestSupplement', { dossierId: state.id, items: ['Giấy chứng sinh'], reason: 'Thiếu' });
    desk.clock.set('2026-11-24T03:00:00Z'); // an hour later
    const back = await desk.call('dossiers.receiveSupplement', { dossierId: state.id });
    expect(back.state.status).toBe(2);
    expect(back.state.appointmentAt).toBe('2026-11-24T01:00:00.000Z'); // Monday 17:00 + 1 working hour waited → Tuesday 08:00
    expect(back.overdue).toBe(true);
  });

  it('finds dossiers by unaccented name, code, ID number and phone digits', async () => {
    const { state } = await desk.call('dossiers.receive', receiveArgs());
    await desk.call('dossiers.receive', { ...receiveArgs(), applicant: { ...SAMPLE_APPLICANT, fullName: 'Lê Văn Bình', idNumber: '022085000777', phone: '0987000111' } });
    const byName = await desk.call('dossiers.search', { text: 'nguyen thi duc' });
    expect(byName.rows.map((r) => r.id)).toEqual([state.id]);
    expect((await desk.call('dossiers.search', { text: state.code! })).rows.map((r) => r.id)).toEqual([state.id]);
    expect((await desk.call('dossiers.search', { text: '022190000123' })).rows).toHaveLength(1);
    expect((await desk.call('dossiers.search', { text: '0912345' })).rows).toHaveLength(1);
    expect((await desk.call('dossiers.search', { text: 'binh' })).rows[0]!.applicantName).toBe('Lê Văn Bình');
    expect((await desk.call('dossiers.search', {})).total).toBe(2);
  });

  it('marks overdue dossiers in the work list and the tally once the appointment has passed', async () => {
    const { state } = await desk.call('dossiers.receive', receiveArgs(KHAI_SINH));
    expect((await desk.call('dossiers.search', { dueWithinHours: 24 })).rows.map((r) => r.id)).toEqual([state.id]);
    desk.clock.set('2026-11-24T02:00:00Z'); // the next morning
    const overdue = await desk.call('dossiers.search', { overdue: true });
    expect(overdue.rows.map((r) => [r.id, r.overdue])).toEqual([[state.id, true]]);
    expect((await desk.call('tallies.daily', { date: '2026-11-24' })).overdue).toBe(1);
    expect((await desk.call('dossiers.get', { id: state.id })).overdue).toBe(true);
  });

  it('refuses at intake with a reason, without issuing a code', async () => {
    const refused = await desk.call('dossiers.refuse', { procedureId: THUONG_TRU, channel: 1, applicant: SAMPLE_APPLICANT, reason: 'Không thuộc thẩm quyền' });
    expect(refused.state.status).toBe(3);
    expect(refused.state.code).toBeNull();
    expect((await desk.call('tallies.daily', { date: '2026-11-23' })).receivedByChannel.inPerson).toBe(0);
  });

  it('lets a supervisor back-enter a dossier logged on paper, counting from its real receipt time', async () => {
    desk.clock.set('2026-11-25T02:00:00Z'); // Wednesday; the paper log says Monday 09:00
    const detail = await desk.call('dossiers.receive', { ...receiveArgs(), receivedAt: '2026-11-23T02:00:00Z' });
    expect(detail.state.backEntered).toBe(true);
    expect(detail.state.code).toBe('000.15.20.H49-261123-1001');
    expect(detail.state.appointmentAt).toBe('2026-12-02T02:00:00.000Z');
    expect(await desk.fail('dossiers.receive', { ...receiveArgs(), receivedAt: '2026-11-26T02:00:00Z' })).toMatchObject({ code: 'invalid_argument' });
  });

  it('a changed calendar changes deadlines computed after it (not those already given)', async () => {
    const before = await desk.call('dossiers.previewAppointment', { procedureId: THUONG_TRU, channel: 1 });
    const year = await desk.call('calendar.get', { year: 2026 });
    await desk.call('calendar.set', {
      year: 2026,
      holidays: [...year.year.holidays, { date: '2026-11-24', name: 'Nghỉ bù (thử nghiệm)' }],
      makeUpDays: [...year.year.makeUpDays],
    });
    const after = await desk.call('dossiers.previewAppointment', { procedureId: THUONG_TRU, channel: 1 });
    expect(Date.parse(after.appointmentAt) - Date.parse(before.appointmentAt)).toBe(24 * 3_600_000);
  });
});
