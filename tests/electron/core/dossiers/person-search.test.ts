import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { requiredPapers } from '../../../support/required-papers.js';

// The work list's free text finds the person (applicant or owner) and the dossier's numbers — never the
// procedure — ranks the whole name first, and finds a phone however it was written (issue 10, items 2, 4).

const KHAI_SINH = 'ho-tich.dang-ky-khai-sinh'; // "Đăng ký khai sinh"
const TAM_VANG = 'cu-tru.khai-bao-tam-vang'; // "Khai báo tạm vắng"
const THUONG_TRU = 'cu-tru.dang-ky-thuong-tru'; // "Đăng ký thường trú"

describe('dossiers.search: people and numbers, by relevance', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk({ at: '2026-11-23T02:00:00Z' }); // Monday 09:00 Vietnam time
  });
  afterEach(() => desk.dispose());

  const receive = async (fullName: string, procedureId: string, extra: { phone?: string | null; idNumber?: string | null; owner?: string } = {}) => {
    desk.clock.advanceMinutes(1); // each one newer than the last
    const { state } = await desk.call('dossiers.receive', {
      procedureId,
      channel: 1,
      applicant: { ...SAMPLE_APPLICANT, fullName, idNumber: extra.idNumber ?? null, phone: extra.phone ?? null },
      owner: extra.owner === undefined ? null : { kind: 'citizen', name: extra.owner },
      documents: requiredPapers(procedureId),
    });
    return state;
  };
  const names = async (args: Parameters<TestDesk['call']>[1] & object) =>
    (await desk.call('dossiers.search', args as never)).rows.map((row) => row.applicantName);

  it('a name finds the person, not a procedure whose name shares a word', async () => {
    const wrongCitizen = await receive('Nguyễn Văn Đức', KHAI_SINH);
    const rightCitizen = await receive('Đặng Văn Đức', THUONG_TRU);
    await receive('Trần Thị Hoa', TAM_VANG);
    await receive('Lê Thị Mai', KHAI_SINH);

    const search = await desk.call('dossiers.search', { text: 'Đặng Văn Đức' });
    expect(search.rows.map((r) => r.id)).toEqual([rightCitizen.id]);
    expect(search.total).toBe(1);
    // "Dang" is a family name here, not "Đăng ký …"; "van" is a middle name, not "tạm vắng".
    expect(await names({ text: 'Dang' })).toEqual(['Đặng Văn Đức']);
    expect(await names({ text: 'van' })).toEqual(['Đặng Văn Đức', 'Nguyễn Văn Đức']);
    expect(await names({ text: 'khai sinh' })).toEqual([]);
    // The procedure is its own filter.
    expect((await desk.call('dossiers.search', { procedureId: KHAI_SINH })).rows.map((r) => r.applicantName)).toEqual(['Lê Thị Mai', 'Nguyễn Văn Đức']);
    expect((await desk.call('dossiers.search', { text: 'duc', procedureId: KHAI_SINH })).rows.map((r) => r.id)).toEqual([wrongCitizen.id]);
  });

  it('the owner is a person on the dossier too: an exact owner name ranks like an exact applicant name', async () => {
    const childOwner = await receive('Phạm Thị Lan', KHAI_SINH, { owner: 'Phạm Minh Khôi' });
    const other = await receive('Trần Phạm Minh Khôi', THUONG_TRU);
    expect((await desk.call('dossiers.search', { text: 'pham minh khoi' })).rows.map((r) => r.id)).toEqual([childOwner.id, other.id]);
    expect((await desk.call('dossiers.search', { text: 'khoi' })).rows.map((r) => r.id)).toEqual([other.id, childOwner.id]);
  });

  it('orders the exact folded name first, then names starting with the text, then the rest newest first', async () => {
    const exactOld = await receive('Đặng Văn Đức', KHAI_SINH);
    const inside = await receive('Trần Đặng Văn Đức', KHAI_SINH); // contains the name, does not start with it
    const prefix = await receive('Đặng Văn Đức Anh', KHAI_SINH);
    const exactNew = await receive('ĐẶNG  VĂN  ĐỨC', THUONG_TRU); // same name typed in capitals, double spaces
    const newest = await receive('Văn Đức Đặng', KHAI_SINH); // the same words, another order

    const expected = [exactNew.id, exactOld.id, prefix.id, newest.id, inside.id];
    const all = await desk.call('dossiers.search', { text: 'dang van duc' });
    expect(all.rows.map((r) => r.id)).toEqual(expected);
    expect(all.total).toBe(5);

    // Pages cut the same order, and each answers the same total.
    const pages = [];
    for (let offset = 0; offset < 5; offset += 2) pages.push(await desk.call('dossiers.search', { text: 'dang van duc', offset, limit: 2 }));
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);

    // With a filter the order is the same among what passes it.
    const filtered = await desk.call('dossiers.search', { text: 'dang van duc', procedureId: KHAI_SINH });
    expect(filtered.rows.map((r) => r.id)).toEqual([exactOld.id, prefix.id, newest.id, inside.id]);
    expect(filtered.total).toBe(4);

    // A typed start of the name: every name starting with it first.
    expect((await desk.call('dossiers.search', { text: 'dang van d' })).rows.map((r) => r.id)).toEqual([exactNew.id, prefix.id, exactOld.id, newest.id, inside.id]);
  });

  it('stores a phone in one form and finds it however it is written, or by its last digits', async () => {
    const dotted = await receive('Hoàng Văn Một', KHAI_SINH, { phone: '0912.345.222' });
    const spaced = await receive('Hoàng Văn Hai', KHAI_SINH, { phone: '0912 345 333' });
    const international = await receive('Hoàng Văn Ba', KHAI_SINH, { phone: '+84912345444' });
    const withCard = await receive('Hoàng Văn Bốn', KHAI_SINH, { idNumber: '022190004321' });
    expect([dotted.applicant.phone, spaced.applicant.phone, international.applicant.phone]).toEqual(['0912345222', '0912345333', '0912345444']);

    const ids = async (text: string) => (await desk.call('dossiers.search', { text })).rows.map((r) => r.id);
    expect(await ids('0912 345 222')).toEqual([dotted.id]);
    expect(await ids('0912.345.333')).toEqual([spaced.id]);
    expect(await ids('0912345444')).toEqual([international.id]);
    expect(await ids('+84 912 345 444')).toEqual([international.id]);
    expect(await ids('84912345444')).toEqual([international.id]);
    expect(await ids('0912-345')).toEqual([international.id, spaced.id, dotted.id]);
    // The tail a citizen quotes: 4 digits or more of a phone or an ID number.
    expect(await ids('5444')).toEqual([international.id]);
    expect(await ids('345 333')).toEqual([spaced.id]);
    expect(await ids('4321')).toEqual([withCard.id]);
    expect(await ids('444')).toEqual([]); // fewer than 4 digits: no tail search
  });

  it('a corrected phone is stored and found in the same form', async () => {
    const state = await receive('Hoàng Văn Năm', KHAI_SINH, { phone: '0912345555' });
    const corrected = await desk.call('dossiers.correctField', {
      dossierId: state.id,
      field: 'applicant.phone',
      oldValue: '0912345555',
      newValue: '+84 912.345.666',
      reason: 'Công dân đổi số',
    });
    expect(corrected.state.applicant.phone).toBe('0912345666');
    expect((await desk.call('dossiers.search', { text: '0912 345 666' })).rows.map((r) => r.id)).toEqual([state.id]);
    expect((await desk.call('dossiers.search', { text: '0912345555' })).rows).toEqual([]);
  });

  it('a number still finds a dossier code or its serial', async () => {
    const first = await receive('Bùi Văn Năm', KHAI_SINH);
    const second = await receive('Bùi Văn Sáu', KHAI_SINH);
    expect(first.code).toBe('000.15.20.H49-261123-1001');
    const ids = async (text: string) => (await desk.call('dossiers.search', { text })).rows.map((r) => r.id);
    expect(await ids('1002')).toEqual([second.id]);
    expect(await ids('261123-1001')).toEqual([first.id]);
    expect(await ids('261123')).toEqual([second.id, first.id]);
    expect(await ids(first.code!.toLowerCase())).toEqual([first.id]);
  });
});

describe('overdue: one definition for the dossier page, the work list flag and its filter', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk({ at: '2026-11-23T02:00:00Z' }); // Monday 09:00; a birth registration is due 17:00
  });
  afterEach(() => desk.dispose());

  it('a dossier settled after its appointment is overdue everywhere; one settled in time nowhere', async () => {
    const receive = async (fullName: string) =>
      (await desk.call('dossiers.receive', { procedureId: KHAI_SINH, channel: 1, applicant: { ...SAMPLE_APPLICANT, fullName }, documents: requiredPapers(KHAI_SINH) })).state.id;
    const settleOn = async (id: string, iso: string, handBack: boolean) => {
      await desk.call('dossiers.forward', { dossierId: id, to: { kind: 'officer', name: 'Công chức hộ tịch' } });
      desk.clock.set(iso);
      await desk.call('dossiers.recordResult', { dossierId: id, summary: 'Đã cấp giấy khai sinh' });
      if (handBack) await desk.call('dossiers.handBack', { dossierId: id, collector: { kind: 'applicant' } });
    };
    const lateReady = await receive('Muộn Chờ Trả');
    const lateHandedBack = await receive('Muộn Đã Trả');
    const inTime = await receive('Đúng Hạn');
    const pendingLate = await receive('Chưa Xong');
    await settleOn(inTime, '2026-11-23T08:00:00Z', true); // 15:00, before 17:00
    await settleOn(lateReady, '2026-11-24T02:00:00Z', false); // Tuesday: late
    await settleOn(lateHandedBack, '2026-11-24T03:00:00Z', true);
    desk.clock.set('2026-11-25T02:00:00Z');

    const flagged = (await desk.call('dossiers.search', {})).rows.filter((r) => r.overdue).map((r) => r.id);
    const filtered = (await desk.call('dossiers.search', { overdue: true })).rows.map((r) => r.id);
    const notFiltered = (await desk.call('dossiers.search', { overdue: false })).rows.map((r) => r.id);
    const onPage = [];
    for (const id of [lateReady, lateHandedBack, inTime, pendingLate]) if ((await desk.call('dossiers.get', { id })).overdue) onPage.push(id);

    expect(new Set(flagged)).toEqual(new Set([lateReady, lateHandedBack, pendingLate]));
    expect(new Set(filtered)).toEqual(new Set(flagged));
    expect(new Set(onPage)).toEqual(new Set(flagged));
    expect(notFiltered).toEqual([inTime]);
    expect((await desk.call('dossiers.search', { overdue: true })).total).toBe(3);
  });
});
