import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { centreLog } from './support/inspect.js';
import { StaffClient } from './support/staff-client.js';
import { converge, enrollDesk, openSyncDesk, settledStatus, UNITS, type SyncDesk } from './support/sync-desk.js';

// What the centre's staff record reaches the desks; a desk and the centre contradicting each other
// never block the queue (both facts stored, the dossier marked for review on both sides, resolved by
// a supervisor's event that syncs too); a desk with a wrong clock still syncs; a revoked desk stops.

describe('centre events, conflicts, clocks and revocation', () => {
  const centreDir = makeTempDir('centre-');
  let centre: CentreProcess;
  let staff: StaffClient;
  let desk: SyncDesk;
  let other: SyncDesk;

  beforeAll(async () => {
    const codes = await prepareCentre(centreDir.path, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
    ]);
    centre = await startCentre({ dataDir: centreDir.path });
    staff = await StaffClient.signIn(centre.url);
    [desk, other] = await Promise.all([openSyncDesk({ unit: 'hongGai', station: 1 }), openSyncDesk({ unit: 'hongGai', station: 2 })]);
    await enrollDesk(desk, centre.url, codes[0]!);
    await enrollDesk(other, centre.url, codes[1]!);
  });

  afterAll(async () => {
    desk?.dispose();
    other?.dispose();
    await centre?.stop();
    centreDir.remove();
  });

  async function forwardedDossier(): Promise<string> {
    const id = await desk.receiveDossier();
    await desk.call('dossiers.forward', { dossierId: id, to: { kind: 'agency', name: 'Phòng Tư pháp thành phố' } });
    await converge([desk, other]);
    return id;
  }

  it('a result and an apology with a new date recorded at the centre reach the desks on their next pull', async () => {
    const id = await forwardedDossier();
    const before = await desk.call('dossiers.get', { id });
    // The date the desk's form-04 dialog offers: a working time the centre's rule accepts too.
    const newDate = before.reschedule!.suggestedAt;
    const apology = await staff.record(id, { type: 'appointment.rescheduled', reason: 'Cần xác minh thêm với cơ quan khác', newAppointmentAt: newDate });
    expect(apology.event).toMatchObject({ deviceId: 'centre', type: 'appointment.rescheduled', deviceSeq: 1 });
    const result = await staff.record(id, { type: 'result.recorded', summary: 'Đã cấp giấy xác nhận', outcome: 'approved' });
    expect(result).toMatchObject({ needsReview: false, event: { deviceSeq: 2 } });

    await converge([desk, other]);
    for (const replica of [desk, other]) {
      const detail = await replica.call('dossiers.get', { id });
      expect(detail.state.status).toBe(9);
      expect(detail.state.appointmentAt).toBe(newDate);
      expect(detail.state.resultSummary).toBe('Đã cấp giấy xác nhận');
      expect(detail.history.map((h) => h.deviceId)).toEqual([desk.deviceId, desk.deviceId, 'centre', 'centre']);
    }
    // The desk can hand back the result the centre recorded.
    await desk.call('dossiers.handBack', { dossierId: id, collector: { kind: 'applicant' } });
    await converge([desk, other]);
    expect((await staff.view(id)).status).toBe(10);
  });

  it('the centre refuses an action its lifecycle forbids, and an unknown dossier', async () => {
    const id = await forwardedDossier();
    await staff.record(id, { type: 'result.recorded', summary: 'Xong', outcome: 'approved' });
    const again = await staff.request<{ error: { code: string } }>('POST', `/v1/staff/dossiers/${id}/events`, { type: 'result.recorded', summary: 'Lần hai', outcome: 'approved' });
    expect(again.status).toBe(409);
    const unknown = await staff.request<{ error: { code: string } }>('POST', '/v1/staff/dossiers/01KB0000000000000000000000/events', { type: 'result.recorded', summary: 'x', outcome: 'approved' });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('desk withdraws while the centre records a result: both kept, review on both sides, a supervisor resolves it and that syncs too', async () => {
    const id = await forwardedDossier();
    // The centre records the result; the desk, not having pulled it, records the citizen withdrawing.
    await staff.record(id, { type: 'result.recorded', summary: 'Đã giải quyết xong', outcome: 'approved' });
    await desk.call('dossiers.withdraw', { dossierId: id, reason: 'Công dân xin rút hồ sơ' });
    await converge([desk, other]);

    const types = centreLog(centreDir.path).filter((r) => r.dossierId === id).length;
    expect(types).toBe(4); // received, forwarded, result, withdrawn: nothing discarded
    const atCentre = await staff.view(id);
    expect(atCentre.needsReview).toBe(true);
    for (const replica of [desk, other]) {
      const detail = await replica.call('dossiers.get', { id });
      expect(detail.state.needsReview).toBe(true);
      expect(detail.state.reviewReasons.length).toBeGreaterThan(0);
      expect(detail.state.resultAt).not.toBeNull();
      expect(detail.state.withdrawnAt).not.toBeNull();
      expect(detail.state.status).toBe(atCentre.status);
    }

    // The supervisor decides: the result stands (status 9).
    await desk.call('dossiers.resolveConflict', { dossierId: id, reason: 'Đã có kết quả trước khi công dân rút; trả kết quả', status: 9 });
    await converge([desk, other]);
    expect(await staff.view(id)).toMatchObject({ needsReview: false, status: 9 });
    expect((await other.call('dossiers.get', { id })).state).toMatchObject({ needsReview: false, status: 9 });
  });

  it('a desk whose clock is two hours fast still syncs, and shows the warning', async () => {
    const code = await staff.issueCode(UNITS.hongGai.unitGsoCode, 3);
    const fast = await openSyncDesk({ unit: 'hongGai', station: 3, clockOffsetMs: 2 * 3_600_000 });
    try {
      await enrollDesk(fast, centre.url, code);
      const id = await fast.receiveDossier();
      await converge([fast, desk]);
      const status = await settledStatus(fast);
      expect(status.state).toBe('idle');
      expect(status.clockSkewMs!).toBeLessThan(-2 * 3_600_000 + 60_000);
      expect(status.clockWarning).toMatch(/nhanh hơn giờ của trung tâm khoảng 2 giờ/);
      // Its dossier reached the other desk all the same.
      expect((await desk.call('dossiers.get', { id })).state.id).toBe(id);
      expect((await settledStatus(desk)).clockWarning).toBeNull();
    } finally {
      fast.dispose();
    }
  });

  it('a revoked desk is told, stops syncing and keeps working offline', async () => {
    const code = await staff.issueCode(UNITS.hongGai.unitGsoCode, 4);
    const doomed = await openSyncDesk({ unit: 'hongGai', station: 4 });
    try {
      await enrollDesk(doomed, centre.url, code);
      await doomed.receiveDossier();
      await converge([doomed]);
      expect(await staff.revoke(doomed.deviceId)).toBe(200);

      await doomed.receiveDossier();
      const status = await doomed.syncNow();
      expect(status).toMatchObject({ state: 'error', revoked: true, pendingEvents: 1 });
      expect(status.lastError).toMatch(/thu hồi quyền đồng bộ/);
      // Still works offline: receiving goes on, and the agent sends nothing more. (The centre's log
      // reaches this process through a pipe: let the lines of the refused request arrive first.)
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = centre.logLines.length;
      await doomed.receiveDossier();
      expect((await doomed.syncNow()).pendingEvents).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(centre.logLines.slice(before).filter((line) => line.includes('/v1/sync/'))).toEqual([]);
    } finally {
      doomed.dispose();
    }
  });
});
