import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../support/database-snapshot.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../support/desk-fixture.js';
import { requiredPapers } from '../support/required-papers.js';

// The applicant (and the owner, and whoever collects the result) is checked by the core as strictly as
// by the CCCD QR parser: a birth date between 1900 and today — today by the core's own clock, in
// Vietnam — and names without control, bidi or line-break characters. Each refusal is invalid_argument
// with a Vietnamese message naming the field, and leaves the database unchanged.

const RECEIVE = { procedureId: 'cu-tru.dang-ky-thuong-tru', channel: 1, applicant: SAMPLE_APPLICANT, documents: requiredPapers('cu-tru.dang-ky-thuong-tru') };
const REFUSE = { procedureId: 'cu-tru.dang-ky-thuong-tru', channel: 1, applicant: SAMPLE_APPLICANT, reason: 'Không thuộc thẩm quyền' };
const withApplicant = (base: object, patch: object) => ({ ...base, applicant: { ...SAMPLE_APPLICANT, ...patch } });

describe('the applicant is checked in the core', () => {
  let desk: TestDesk;
  let unfinished: string;
  let withResult: string;

  beforeAll(async () => {
    // Monday 23/11/2026, 23:30 in Hạ Long (16:30 UTC): "today" is the Vietnam date, not the UTC one.
    desk = await openTestDesk({ at: '2026-11-23T16:30:00Z' });
    unfinished = (await desk.call('dossiers.receive', RECEIVE as never)).state.id;
    withResult = (await desk.call('dossiers.receive', RECEIVE as never)).state.id;
    await desk.call('dossiers.recordResult', { dossierId: withResult, summary: 'Đã có kết quả' });
  });
  afterAll(() => desk.dispose());

  const refused: [string, string, () => unknown, RegExp][] = [
    ['a birth date after today', 'dossiers.receive', () => withApplicant(RECEIVE, { birthDate: '2026-11-24' }), /applicant\.birthDate: Ngày sinh không được sau ngày hôm nay/],
    ['a birth date before 1900', 'dossiers.receive', () => withApplicant(RECEIVE, { birthDate: '1899-12-31' }), /applicant\.birthDate: Ngày sinh phải từ năm 1900/],
    ['a NUL in the name', 'dossiers.receive', () => withApplicant(RECEIVE, { fullName: 'Nguyễn Thị\0 Hạnh' }), /applicant\.fullName: Họ và tên người nộp chứa ký tự điều khiển/],
    ['an escape in the name', 'dossiers.receive', () => withApplicant(RECEIVE, { fullName: 'Nguyễn \u001b[31mThị Hạnh' }), /Họ và tên người nộp chứa ký tự điều khiển/],
    ['a line break inside the name', 'dossiers.receive', () => withApplicant(RECEIVE, { fullName: 'Nguyễn Thị\nHạnh' }), /Họ và tên người nộp phải viết trên một dòng/],
    ['a bidi override in the name', 'dossiers.receive', () => withApplicant(RECEIVE, { fullName: 'Nguyễn \u202eThị Hạnh' }), /Họ và tên người nộp chứa ký tự đảo chiều/],
    ['a bidi isolate in the address', 'dossiers.receive', () => withApplicant(RECEIVE, { address: 'Tổ 1 \u2066Khu 2\u2069' }), /applicant\.address: Địa chỉ người nộp chứa ký tự đảo chiều/],
    ['a control character in the owner’s name', 'dossiers.receive', () => ({ ...RECEIVE, owner: { kind: 'business', name: 'Công ty\u0007 An Phát' } }), /owner\.name: Tên chủ hồ sơ chứa ký tự điều khiển/],
    ['a line break in the owner’s registration number', 'dossiers.receive', () => ({ ...RECEIVE, owner: { kind: 'business', name: 'Công ty An Phát', idNumber: '5700\n100256' } }), /owner\.idNumber: Số giấy tờ của chủ hồ sơ phải viết trên một dòng/],
    ['a NUL in the notes (several lines are fine, controls are not)', 'dossiers.receive', () => ({ ...RECEIVE, notes: 'Dòng 1\nDòng 2\0' }), /notes: Ghi chú chứa ký tự điều khiển/],
    ['a birth date after today, at refusal (form 03)', 'dossiers.refuse', () => withApplicant(REFUSE, { birthDate: '2027-01-01' }), /applicant\.birthDate: Ngày sinh không được sau ngày hôm nay/],
    ['a line break in the name, at refusal', 'dossiers.refuse', () => withApplicant(REFUSE, { fullName: 'Nguyễn Thị\r\nHạnh' }), /Họ và tên người nộp phải viết trên một dòng/],
    ['a bidi override in the refusal reason', 'dossiers.refuse', () => ({ ...REFUSE, reason: 'Thiếu \u202egiấy tờ' }), /reason: Lý do từ chối chứa ký tự đảo chiều/],
    [
      'a corrected birth date after today',
      'dossiers.correctField',
      () => ({ dossierId: unfinished, field: 'applicant.birthDate', oldValue: SAMPLE_APPLICANT.birthDate, newValue: '2026-12-01', reason: 'Sai ngày sinh' }),
      /newValue: Ngày sinh không được sau ngày hôm nay/,
    ],
    [
      'a corrected birth date before 1900',
      'dossiers.correctField',
      () => ({ dossierId: unfinished, field: 'applicant.birthDate', oldValue: SAMPLE_APPLICANT.birthDate, newValue: '1850-01-01', reason: 'Sai ngày sinh' }),
      /newValue: Ngày sinh phải từ năm 1900/,
    ],
    [
      'a corrected name with a NUL',
      'dossiers.correctField',
      () => ({ dossierId: unfinished, field: 'applicant.fullName', oldValue: SAMPLE_APPLICANT.fullName, newValue: 'Nguyễn Thị\0 Hạnh', reason: 'Sai tên' }),
      /newValue: Họ và tên người nộp chứa ký tự điều khiển/,
    ],
    [
      'a corrected owner name on two lines',
      'dossiers.correctField',
      () => ({ dossierId: unfinished, field: 'owner.name', oldValue: 'x', newValue: 'Công ty\nAn Phát', reason: 'Sai tên' }),
      /newValue: Tên chủ hồ sơ phải viết trên một dòng/,
    ],
    [
      'an authorised collector’s name on two lines',
      'dossiers.handBack',
      () => ({ dossierId: withResult, collector: { kind: 'authorised', fullName: 'Lê Văn\nNhận', idNumber: '022085000456' } }),
      /collector\.fullName: Họ tên người nhận thay phải viết trên một dòng/,
    ],
    [
      'an authorised collector’s name with a bidi override',
      'dossiers.handBack',
      () => ({ dossierId: withResult, collector: { kind: 'authorised', fullName: 'Lê Văn \u202dNhận', idNumber: '022085000456' } }),
      /Họ tên người nhận thay chứa ký tự đảo chiều/,
    ],
  ];

  for (const [what, command, args, message] of refused) {
    it(`refuses ${what} (${command}), changing nothing`, async () => {
      const before = snapshotDatabase(desk.core.db);
      const error = await desk.fail(command, args());
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toMatch(message);
      expect(snapshotDatabase(desk.core.db)).toEqual(before);
    });
  }

  it('accepts a birth date of today in Vietnam (already tomorrow in UTC terms) and of 1 January 1900', async () => {
    const today = await desk.call('dossiers.receive', withApplicant(RECEIVE, { birthDate: '2026-11-23' }) as never);
    expect(today.state.applicant.birthDate).toBe('2026-11-23');
    const oldest = await desk.call('dossiers.correctField', {
      dossierId: today.state.id,
      field: 'applicant.birthDate',
      oldValue: '2026-11-23',
      newValue: '1900-01-01',
      reason: 'Sai năm sinh',
    });
    expect(oldest.state.applicant.birthDate).toBe('1900-01-01');
  });

  it('drops zero-width characters instead of refusing them (they hide in copied text)', async () => {
    const { state } = await desk.call('dossiers.receive', withApplicant(RECEIVE, { fullName: '\ufeffNguyễn\u200b Thị\u200d Hạnh\u2060' }) as never);
    expect(state.applicant.fullName).toBe('Nguyễn Thị Hạnh');
  });
});
