import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../../shared/domain/dossier/events.js';
import { counterReferenceOf } from '../../../../shared/domain/dossier/reception.js';
import { EventLogRepository } from '../../../../electron/core/dossiers/event-log-repository.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { DossierScenario, receivedPayload } from '../../../shared/domain/dossier/scenario.js';
import { requiredPapers } from '../../../support/required-papers.js';

// A dossier turned back at the counter (form 02 instead of form 01) was not received (Decree 61/2018,
// art. 15): it takes no serial of the station's day and counts in no received figure; the citizen's
// return with the papers is its receipt — the code of that day, an appointment counted from then, and
// every received figure on that day. Through the contract, on a real database, with the test clock.

const THUONG_TRU = 'cu-tru.dang-ky-thuong-tru'; // 7 working days
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';
const SUPPLEMENT = { items: ['Tờ khai thay đổi thông tin cư trú (CT01)'], reason: 'Thiếu tờ khai CT01' };

const receiveArgs = (intake: 'accepted' | 'supplement_requested') => ({
  procedureId: THUONG_TRU,
  channel: 1 as const,
  applicant: SAMPLE_APPLICANT,
  documents: requiredPapers(THUONG_TRU),
  ...(intake === 'supplement_requested' ? { intake, supplement: SUPPLEMENT } : {}),
});

describe('a dossier turned back at the counter', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk({ at: '2026-11-23T02:00:00Z' }); // Monday 09:00 in Hạ Long
  });
  afterEach(() => desk.dispose());

  const receivedOn = async (date: string) => (await desk.call('tallies.daily', { date })).receivedByChannel.inPerson;

  it('takes no serial and counts as received nowhere; the return issues the code of its day and counts then', async () => {
    const turnedBack = await desk.call('dossiers.receive', receiveArgs('supplement_requested'));
    const id = turnedBack.state.id;
    expect(turnedBack.state).toMatchObject({ code: null, receivedAt: null, status: 5, appointmentAt: null });
    expect(turnedBack.allowedActions).toContain('supplement.received');

    // The next dossier accepted that day is the station's first: s001.
    desk.clock.advanceMinutes(15);
    const accepted = await desk.call('dossiers.receive', receiveArgs('accepted'));
    expect(accepted.state.code).toBe('000.15.20.H49-261123-1001');

    const monday = await desk.call('tallies.daily', { date: MONDAY });
    expect(monday.receivedByChannel).toEqual({ inPerson: 1, online: 0, postal: 0 });
    expect(monday.supplementsRequested).toBe(1); // form 02 at the counter is a fact of its day

    // The reference on form 02 finds it in the work list, with or without its prefix.
    const reference = counterReferenceOf(id);
    for (const text of [reference, reference.slice(3).toLowerCase()]) {
      const found = await desk.call('dossiers.search', { text });
      expect(found.rows.map((row) => [row.id, row.code, row.receivedAt, row.status])).toEqual([[id, null, null, 5]]);
    }

    // Tuesday 10:00: the citizen brings the papers. The appointment is that of a receipt now.
    desk.clock.set('2026-11-24T03:00:00Z');
    const preview = await desk.call('dossiers.previewAppointment', { procedureId: THUONG_TRU, channel: 1 });
    const returned = await desk.call('dossiers.receiveSupplement', { dossierId: id });
    expect(returned.state).toMatchObject({
      code: '000.15.20.H49-261124-1001',
      receivedAt: '2026-11-24T03:00:00.000Z',
      status: 2,
      appointmentAt: preview.appointmentAt,
      originalAppointmentAt: preview.appointmentAt,
    });
    expect(returned.history.at(-1)?.payload).toMatchObject({ code: '000.15.20.H49-261124-1001' });
    const next = await desk.call('dossiers.receive', receiveArgs('accepted'));
    expect(next.state.code).toBe('000.15.20.H49-261124-1002');

    expect([await receivedOn(MONDAY), await receivedOn(TUESDAY)]).toEqual([1, 2]);
    const mondayForm = await desk.call('reports.bieu06', { from: MONDAY, to: MONDAY });
    expect(mondayForm.total.received.total).toBe(1);
    const tuesdayForm = await desk.call('reports.bieu06', { from: TUESDAY, to: TUESDAY });
    expect(tuesdayForm.total.received).toMatchObject({ total: 3, directOrPostal: 2, carriedOver: 1 });
    const series = await desk.call('reports.dailySeries', { to: TUESDAY, days: 2 });
    expect(series.points.map((p) => p.received.inPerson)).toEqual([1, 2]);
    const book = await desk.call('reports.logBook', { from: MONDAY, to: TUESDAY });
    expect(book.rows.map((row) => row.code)).toEqual([accepted.state.code, returned.state.code, next.state.code]);

    // The code found by search too, and a rebuild gives the same.
    expect((await desk.call('dossiers.search', { text: '261124-1001' })).rows.map((row) => row.id)).toEqual([id]);
    await desk.call('dossiers.rebuild', {});
    expect([await receivedOn(MONDAY), await receivedOn(TUESDAY)]).toEqual([1, 2]);
  });

  it('a dossier given up before its return was never received: no code, in no figure', async () => {
    const turnedBack = await desk.call('dossiers.receive', receiveArgs('supplement_requested'));
    desk.clock.advanceMinutes(60);
    const withdrawn = await desk.call('dossiers.withdraw', { dossierId: turnedBack.state.id, reason: 'Công dân không bổ sung được' });
    expect(withdrawn.state).toMatchObject({ status: 7, code: null, receivedAt: null });
    expect(await desk.call('tallies.daily', { date: MONDAY })).toMatchObject({ receivedByChannel: { inPerson: 0 }, withdrawn: 0, supplementsRequested: 1 });
    expect((await desk.call('reports.bieu06', { from: MONDAY, to: MONDAY })).total.received.total).toBe(0);
  });

  it('events written before the rule (a code on form 02): a rebuild counts the dossier on its return day and keeps its code', async () => {
    // As a desk of the previous version wrote them: form 02 on Friday 20/11 with a code, the papers on Monday.
    const old = new DossierScenario();
    const friday = '2026-11-20T02:00:00.000Z';
    const code = '000.15.20.H49-261120-1001';
    const formTwo = receivedPayload(friday, { code, intake: 'supplement_requested', appointmentAt: null, supplement: SUPPLEMENT });
    const events: DossierEvent[] = [old.add('dossier.received', friday, formTwo, { deviceId: 'desk-old' })];
    events.push(old.add('supplement.received', '2026-11-23T01:30:00.000Z', { receivedAt: '2026-11-23T01:30:00.000Z', newAppointmentAt: '2026-12-02T01:30:00.000Z' }, { deviceId: 'desk-old' }));
    const log = new EventLogRepository(desk.core.db);
    for (const event of events) log.append(event, '2026-11-23T01:31:00.000Z');

    await desk.call('dossiers.rebuild', {});
    const tally = async (date: string) => desk.call('tallies.daily', { date });
    expect(await tally('2026-11-20')).toMatchObject({ receivedByChannel: { inPerson: 0 }, supplementsRequested: 1 });
    expect((await tally(MONDAY)).receivedByChannel.inPerson).toBe(1);
    expect((await desk.call('reports.bieu06', { from: '2026-11-20', to: '2026-11-20' })).total.received.total).toBe(0);
    const book = await desk.call('reports.logBook', { from: '2026-11-16', to: MONDAY });
    expect(book.rows.map((row) => [row.code, row.receivedAt])).toEqual([[code, '2026-11-23T01:30:00.000Z']]);
    expect((await desk.call('dossiers.get', { code })).state).toMatchObject({ code, receivedAt: '2026-11-23T01:30:00.000Z', status: 2 });
  });
});
