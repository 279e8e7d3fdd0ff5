import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { SYNC_PATHS, staffDossierEventsPath } from '../../../shared/sync/protocol.js';
import { vn } from '../../shared/domain/calendar/vietnam-clock.js';
import { FakeDevice, HONG_GAI_UNIT } from '../support/fabricate-events.js';
import { startTestCentre, type TestCentre } from '../support/test-centre.js';

// Centre staff apologise (form 04) under the desk's own rule, on the calendar the desks work by
// (the seed and every year the centre published); an administrator stands in for the supervisor.

describe('an apology with a new date recorded at the centre', { timeout: 30_000 }, () => {
  let centre: TestCentre;
  let staffToken: string;
  let dossierId: string;

  beforeEach(async () => {
    centre = await startTestCentre();
    centre.clock.ms = Date.parse(vn('2026-11-23 10:00')); // Monday
    const desk = await centre.enroll('06691', 1, 'desk-a');
    // Received Mon 23/11 09:00, due Tue 24/11 09:00 (the fake desk's appointment, seconds and all).
    const created = new FakeDevice('desk-a', HONG_GAI_UNIT).receive();
    dossierId = created.dossierId;
    expect((await centre.request('POST', SYNC_PATHS.push, { token: desk.token, body: { events: [created] } })).status).toBe(200);
    await centre.request('POST', SYNC_PATHS.adminStaff, { token: centre.adminToken, body: { username: 'canbo', password: 'mat-khau-can-bo-1', role: 'staff' } });
    staffToken = await signInStaff();
  });
  afterEach(async () => {
    await centre.close();
  });

  const signInStaff = async () =>
    ((await centre.request('POST', SYNC_PATHS.staffSession, { body: { username: 'canbo', password: 'mat-khau-can-bo-1' } })).body as { token: string }).token;

  const reschedule = (token: string, newAppointmentAt: string, extra: { approveLate?: boolean } = {}) =>
    centre.request('POST', staffDossierEventsPath(dossierId), { token, body: { type: 'appointment.rescheduled', reason: 'Cần xác minh thêm', newAppointmentAt, ...extra } });

  async function refused(token: string, newAppointmentAt: string, extra: { approveLate?: boolean } = {}) {
    const before = await centre.storage.dossierEventBodies(dossierId);
    const answer = await reschedule(token, newAppointmentAt, extra);
    expect(await centre.storage.dossierEventBodies(dossierId)).toEqual(before);
    return answer as { status: number; body: { error: { code: string; message: string } } };
  }

  it('refuses a Sunday, 22:00 and a holiday the centre published, and records a date the desk can keep', async () => {
    const sunday = await refused(staffToken, vn('2026-11-29 09:00'));
    expect(sunday.status).toBe(400);
    expect(sunday.body.error.message).toContain('ngày 29/11/2026 là ngày nghỉ — Nghỉ hằng tuần (Chủ nhật)');
    expect((await refused(staffToken, vn('2026-11-25 22:00'))).body.error.message).toContain('22:00 ngày 25/11/2026 ở ngoài giờ làm việc');

    // A day off the centre publishes counts at once, as it will on every desk.
    const published = await centre.request('POST', SYNC_PATHS.adminReference, {
      token: centre.adminToken,
      body: { type: 'calendar.year', record: { year: 2026, holidays: [{ date: '2026-11-26', name: 'Nghỉ theo quyết định của tỉnh (thử)' }], makeUpDays: [] } },
    });
    expect(published.status).toBe(200);
    expect((await refused(staffToken, vn('2026-11-26 09:00'))).body.error.message).toContain('Nghỉ theo quyết định của tỉnh (thử)');

    const kept = await reschedule(staffToken, vn('2026-11-25 16:00'));
    expect(kept.status).toBe(200);
    expect((kept.body as { event: DossierEvent }).event.payload).toMatchObject({ newAppointmentAt: vn('2026-11-25 16:00') });
  });

  it('on the due day staff are refused; an administrator proceeds only by approving explicitly', async () => {
    centre.clock.ms = Date.parse(vn('2026-11-24 08:00'));
    staffToken = await signInStaff(); // yesterday's session has expired
    const staff = await refused(staffToken, vn('2026-11-25 16:00'), { approveLate: true });
    expect(staff.status).toBe(403);
    expect(staff.body.error).toMatchObject({ code: 'forbidden' });
    expect(staff.body.error.message).toContain('chậm nhất ngày 23/11/2026');
    expect(staff.body.error.message).toContain('Chỉ quản trị viên trung tâm được hẹn lại sau thời hạn.');
    expect((await refused(centre.adminToken, vn('2026-11-25 16:00'))).status).toBe(400);
    expect((await reschedule(centre.adminToken, vn('2026-11-25 16:00'), { approveLate: true })).status).toBe(200);
  });
});
