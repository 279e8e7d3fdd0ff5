import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { requiredPapers } from '../../../support/required-papers.js';

const receive = (desk: TestDesk) =>
  desk.call('dossiers.receive', { procedureId: 'ho-tich.dang-ky-khai-sinh', channel: 1, applicant: SAMPLE_APPLICANT, documents: requiredPapers('ho-tich.dang-ky-khai-sinh') });

describe('dossier codes', () => {
  const desks: TestDesk[] = [];
  afterEach(() => desks.splice(0).forEach((d) => d.dispose()));

  it('two offline desks of one unit never issue the same code, and serials restart each day', async () => {
    const one = await openTestDesk({ station: 1 });
    const two = await openTestDesk({ station: 2 });
    desks.push(one, two);
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      codes.push((await receive(one)).state.code!, (await receive(two)).state.code!);
    }
    expect(new Set(codes).size).toBe(10);
    expect(codes.slice(0, 2)).toEqual(['000.15.20.H49-261123-1001', '000.15.20.H49-261123-2001']);

    one.clock.set('2026-11-24T01:00:00Z');
    expect((await receive(one)).state.code).toBe('000.15.20.H49-261124-1001');
  });

  it('dates the code by the Vietnam day, not the UTC day', async () => {
    const desk = await openTestDesk({ at: '2026-11-23T17:30:00Z' }); // 00:30 on 24/11 in Hạ Long
    desks.push(desk);
    expect((await receive(desk)).state.code).toBe('000.15.20.H49-261124-1001');
  });

  it('keeps the serial counter in the dossier transaction: a receipt that fails after its code was taken burns no serial', async () => {
    const desk = await openTestDesk();
    desks.push(desk);
    // The event insert fails after the code is allocated, as a full disk would: everything rolls back.
    desk.core.db.exec("CREATE TEMP TRIGGER fail_event BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect((await desk.fail('dossiers.receive', { procedureId: 'ho-tich.dang-ky-khai-sinh', channel: 1, applicant: SAMPLE_APPLICANT, documents: requiredPapers('ho-tich.dang-ky-khai-sinh') })).code).toBe('internal');
    desk.core.db.exec('DROP TRIGGER fail_event');
    expect((await receive(desk)).state.code).toBe('000.15.20.H49-261123-1001');
  });

  it('a back-entered day whose serials ran out is named by its date, not "today"', async () => {
    const desk = await openTestDesk({ at: '2026-11-23T02:00:00Z' }); // Mon 09:00; the supervisor back-enters Fri 20/11
    desks.push(desk);
    // Station 1 used all 999 serials on Friday (arranged directly: receiving 999 dossiers proves nothing more).
    desk.core.db.prepare('INSERT INTO dossier_code_serials (agency_id, day_key, station, last_serial) VALUES (?, ?, ?, ?)').run('000.15.20.H49', '261120', 1, 1999);
    const before = snapshotDatabase(desk.core.db);
    const refused = await desk.fail('dossiers.receive', {
      procedureId: 'ho-tich.dang-ky-khai-sinh',
      channel: 1,
      applicant: SAMPLE_APPLICANT,
      documents: requiredPapers('ho-tich.dang-ky-khai-sinh'),
      receivedAt: '2026-11-20T03:00:00Z',
    });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('số thứ tự hồ sơ của ngày 20/11/2026');
    expect(refused.message).not.toContain('hôm nay');
    expect(snapshotDatabase(desk.core.db)).toEqual(before);
    // Today's serials are untouched.
    expect((await receive(desk)).state.code).toBe('000.15.20.H49-261123-1001');
  });

  it('finds a dossier by its code, whatever the case typed', async () => {
    const desk = await openTestDesk();
    desks.push(desk);
    const { state } = await receive(desk);
    expect((await desk.call('dossiers.get', { code: state.code!.toLowerCase() })).state.id).toBe(state.id);
  });
});
