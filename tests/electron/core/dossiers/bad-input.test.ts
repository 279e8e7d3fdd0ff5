import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { requiredPapers } from '../../../support/required-papers.js';

const valid = {
  procedureId: 'cu-tru.dang-ky-thuong-tru',
  channel: 1,
  applicant: SAMPLE_APPLICANT,
  documents: requiredPapers('cu-tru.dang-ky-thuong-tru'),
};

describe('bad input answers a clear error and leaves the database unchanged', () => {
  let desk: TestDesk;
  let dossierId: string;

  beforeAll(async () => {
    desk = await openTestDesk();
    dossierId = (await desk.call('dossiers.receive', valid as never)).state.id;
  });
  afterAll(() => desk.dispose());

  const cases: [string, string, () => unknown, string, RegExp][] = [
    ['an unknown procedure', 'dossiers.receive', () => ({ ...valid, procedureId: 'khong-co' }), 'not_found', /thủ tục/i],
    ['an impossible birth date', 'dossiers.receive', () => ({ ...valid, applicant: { ...SAMPLE_APPLICANT, birthDate: '1990-02-30' } }), 'invalid_argument', /birthDate/],
    ['an 11-digit ID number', 'dossiers.receive', () => ({ ...valid, applicant: { ...SAMPLE_APPLICANT, idNumber: '02219000012' } }), 'invalid_argument', /12 chữ số/],
    ['a channel that does not exist', 'dossiers.receive', () => ({ ...valid, channel: 4 }), 'invalid_argument', /channel/],
    ['an acceptance without a required paper', 'dossiers.receive', () => ({ ...valid, documents: valid.documents.slice(1) }), 'papers_missing', /còn thiếu: [^;]+\. Hãy lập phiếu yêu cầu bổ sung/],
    ['an acceptance with no paper ticked', 'dossiers.receive', () => ({ ...valid, documents: [] }), 'papers_missing', /còn thiếu: .+; .+\./],
    ['an empty applicant name', 'dossiers.receive', () => ({ ...valid, applicant: { ...SAMPLE_APPLICANT, fullName: '   ' } }), 'invalid_argument', /không được để trống/],
    ['handing back a dossier that has no result', 'dossiers.handBack', () => ({ dossierId, collector: { kind: 'applicant' } }), 'transition_forbidden', /chưa có kết quả/],
    ['rating before the hand-back', 'dossiers.rate', () => ({ dossierId, level: 'satisfied' }), 'transition_forbidden', /Không thể/],
    ['a reason with a rating other than "Không hài lòng"', 'dossiers.rate', () => ({ dossierId, level: 'satisfied', reason: 'Nhanh' }), 'invalid_argument', /Chỉ ghi lý do khi công dân không hài lòng/],
    ['a rating reason over 500 characters', 'dossiers.rate', () => ({ dossierId, level: 'not_satisfied', reason: 'x'.repeat(501) }), 'invalid_argument', /Lý do không hài lòng/],
    ['a negative fee', 'dossiers.recordFee', () => ({ dossierId, amountVnd: -5 }), 'invalid_argument', /âm/],
    ['a dossier that does not exist', 'dossiers.forward', () => ({ dossierId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', to: { kind: 'agency', name: 'UBND' } }), 'not_found', /Không tìm thấy/],
    ['a reschedule to an earlier date', 'dossiers.reschedule', () => ({ dossierId, reason: 'Chậm', newAppointmentAt: '2026-11-23T03:00:00Z' }), 'invalid_argument', /sau ngày hẹn/],
    ['a calendar day that is not in its year', 'calendar.set', () => ({ year: 2026, holidays: [{ date: '2025-01-01', name: 'x' }], makeUpDays: [] }), 'invalid_argument', /không thuộc năm 2026/],
    ['an impossible tally date', 'tallies.daily', () => ({ date: '2026-13-01' }), 'invalid_argument', /date/],
  ];

  for (const [what, command, args, code, message] of cases) {
    it(`${what} → ${code}`, async () => {
      const before = snapshotDatabase(desk.core.db);
      const error = await desk.fail(command, args());
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(snapshotDatabase(desk.core.db)).toEqual(before);
    });
  }

  it('a refused acceptance names every missing required paper', async () => {
    const error = await desk.fail('dossiers.receive', { ...valid, documents: [] });
    for (const paper of valid.documents) expect(error.message).toContain(paper.name);
  });

  it('a supplement request may list what is missing without the papers', async () => {
    const supplement = { items: [valid.documents[0]!.name], reason: 'Thiếu giấy tờ' };
    const detail = await desk.call('dossiers.receive', { ...valid, channel: 1, documents: [], intake: 'supplement_requested', supplement });
    expect(detail.state.code).toBeNull();
  });

  it('a signed-out desk refuses to receive', async () => {
    await desk.call('auth.signOut', {});
    const before = snapshotDatabase(desk.core.db);
    expect((await desk.fail('dossiers.receive', valid)).code).toBe('unauthorized');
    expect(snapshotDatabase(desk.core.db)).toEqual(before);
    await desk.call('auth.signIn', { username: 'truongbp', password: 'mat-khau-thu-nghiem' });
  });

  it('a wrong password is refused with the same message as an unknown user', async () => {
    const wrong = await desk.fail('auth.signIn', { username: 'truongbp', password: 'sai-mat-khau' });
    const unknown = await desk.fail('auth.signIn', { username: 'khongco', password: 'sai-mat-khau' });
    expect(wrong).toEqual(unknown);
    expect(wrong.code).toBe('unauthorized');
  });

  it('an officer may not back-enter or rebuild (supervisor only)', async () => {
    await desk.call('officers.create', { username: 'canbo1', fullName: 'Phạm Thị Cán Bộ', role: 'officer', password: 'mat-khau-can-bo' });
    await desk.call('auth.signIn', { username: 'canbo1', password: 'mat-khau-can-bo' });
    const before = snapshotDatabase(desk.core.db);
    expect((await desk.fail('dossiers.receive', { ...valid, receivedAt: '2026-11-22T02:00:00Z' })).code).toBe('forbidden');
    expect((await desk.fail('dossiers.rebuild', {})).code).toBe('forbidden');
    expect(snapshotDatabase(desk.core.db)).toEqual(before);
    const mine = await desk.call('dossiers.receive', valid as never);
    expect(mine.history[0]!.recordedBy.fullName).toBe('Phạm Thị Cán Bộ');
  });
});
