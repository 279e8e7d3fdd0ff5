import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { requiredPapers } from '../../../support/required-papers.js';

// Next year's calendar and deadlines that run past the last loaded year, on the core's injected clock
// (never the machine's): the warning starts on 1 November, and a due date counted through a year the
// desk has no calendar for says so wherever it is shown.

const THUONG_TRU = 'cu-tru.dang-ky-thuong-tru'; // 7 working days
const receiveArgs = { procedureId: THUONG_TRU, channel: 1 as const, applicant: SAMPLE_APPLICANT, documents: requiredPapers(THUONG_TRU) };

describe('calendar coverage on the desk', () => {
  let desk: TestDesk | null = null;
  afterEach(() => desk?.dispose());

  it('warns from 1 November (Vietnam time) when next year is missing, and not once it is set', async () => {
    desk = await openTestDesk({ at: '2027-10-31T16:59:00Z' }); // 31/10/2027 23:59 in Hạ Long
    expect((await desk.call('calendar.get', { year: 2027 })).nextYearWarning).toBeNull();
    desk.clock.set('2027-10-31T17:00:00Z'); // 01/11/2027 00:00 in Hạ Long, still October in UTC
    expect((await desk.call('calendar.get', { year: 2027 })).nextYearWarning).toContain('Chưa có lịch làm việc năm 2028');
    await desk.call('calendar.set', { year: 2028, holidays: [{ date: '2028-01-26', name: 'Tết Nguyên đán' }], makeUpDays: [] });
    expect((await desk.call('calendar.get', { year: 2027 })).nextYearWarning).toBeNull();
  });

  it('has 2027 from the seed in November 2026: no warning, and the Tết dossier falls due after Tết', async () => {
    desk = await openTestDesk({ at: '2026-11-01T02:00:00Z' });
    const year = await desk.call('calendar.get', { year: 2027 });
    expect(year).toMatchObject({ configured: true, origin: 'seed', nextYearWarning: null });
    const preview = await desk.call('dossiers.previewAppointment', { procedureId: THUONG_TRU, channel: 1, receivedAt: '2027-02-01T02:00:00Z' });
    expect(preview).toMatchObject({ appointmentAt: '2027-02-17T02:00:00.000Z', calendarNote: null });
  });

  it('flags a due date counted past the last loaded year, in the preview and on the dossier', async () => {
    desk = await openTestDesk({ at: '2027-12-24T02:00:00Z' }); // Friday 24/12/2027 09:00
    const preview = await desk.call('dossiers.previewAppointment', { procedureId: THUONG_TRU, channel: 1 });
    // Weekends only in 2028 (1/1/2028 is a Saturday): computed, never silently.
    expect(preview.appointmentAt).toBe('2028-01-04T02:00:00.000Z');
    expect(preview.calendarNote).toContain('Lịch chưa có năm 2028');
    const detail = await desk.call('dossiers.receive', receiveArgs);
    expect(detail.state.appointmentAt).toBe('2028-01-04T02:00:00.000Z');
    expect(detail.calendarNote).toContain('Lịch chưa có năm 2028');
    expect((await desk.call('dossiers.get', { id: detail.state.id })).calendarNote).toContain('Lịch chưa có năm 2028');
  });

  it('says where a year comes from: the seed, or an edit at this desk', async () => {
    desk = await openTestDesk();
    expect((await desk.call('calendar.get', { year: 2026 })).origin).toBe('seed');
    const year = await desk.call('calendar.get', { year: 2026 });
    const edited = await desk.call('calendar.set', { ...year.year, holidays: [...year.year.holidays, { date: '2026-12-31', name: 'Nghỉ (thử)' }], makeUpDays: [...year.year.makeUpDays] });
    expect(edited).toMatchObject({ origin: 'desk', updatedAt: desk.clock.iso() });
    expect((await desk.call('calendar.get', { year: 2031 })).origin).toBeNull();
  });

  it('gives a desk set up before 2027 was shipped the 2027 seed at its next start, and keeps its edited years', async () => {
    desk = await openTestDesk();
    const year2026 = await desk.call('calendar.get', { year: 2026 });
    await desk.call('calendar.set', { ...year2026.year, holidays: [...year2026.year.holidays, { date: '2026-12-31', name: 'Nghỉ (thử)' }], makeUpDays: [] });
    desk.core.db.prepare('DELETE FROM calendar_years WHERE year = 2027').run();
    const dataDir = desk.dataDir;
    desk.core.close();
    desk = await openTestDesk({ dataDir, initialise: false });
    expect((await desk.call('calendar.get', { year: 2027 })).origin).toBe('seed');
    expect((await desk.call('calendar.get', { year: 2026 })).year.holidays.map((h) => h.date)).toContain('2026-12-31');
  });
});
