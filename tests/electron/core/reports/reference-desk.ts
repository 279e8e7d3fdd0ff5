import type { Channel } from '../../../../shared/domain/dossier/events.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { requiredPapers } from '../../../support/required-papers.js';

// A hand-built reference set of dossiers for Hạ Long's Hồng Gai desk, October–December 2026, made
// through the real contract with the test clock. Each dossier's story is written next to it with the
// appointment the working calendar gives (07:00–11:30, 13:30–17:00, Monday–Friday; no holidays in
// these months) and where Biểu 06 must put it. The expected numbers live in the tests.

export const TAM_TRU = 'cu-tru.dang-ky-tam-tru'; // cư trú, 3 working days
export const KHAI_SINH = 'ho-tich.dang-ky-khai-sinh'; // hộ tịch, same day (15:00 cut-off)
export const HOP_DONG = 'chung-thuc.hop-dong-giao-dich'; // chứng thực, 2 working days

/** 'yyyy-MM-dd HH:mm' in Vietnam time → ISO UTC. */
export const vn = (local: string): string => new Date(Date.parse(`${local.replace(' ', 'T')}:00+07:00`)).toISOString();

export const OFFICER = { username: 'canbo.le', fullName: 'Lê Thị Cán Bộ', password: 'mat-khau-can-bo' };
export const SUPERVISOR = { username: 'truongbp', password: 'mat-khau-thu-nghiem', fullName: 'Trần Văn Giám Sát' };

/** The moment the reports are drawn up: Tuesday 15/12/2026 10:00. */
export const REPORT_TIME = '2026-12-15 10:00';

export interface ReferenceSet {
  /** Dossier ids by their name in the story (D1 … D19; D12 was refused). */
  ids: Record<string, string>;
  codes: Record<string, string | null>;
  appointments: Record<string, string>;
}

export interface ReferenceDesk extends ReferenceSet {
  desk: TestDesk;
}

/** What arranging the set needs: the contract and a clock to move (a test desk, or a web host's core). */
export interface ArrangingDesk {
  call: TestDesk['call'];
  clock: { set(iso: string): void };
}

/** The time the set starts at: a desk opened (and initialised) then. */
export const REFERENCE_START = vn('2026-10-15 08:00');

export async function buildReferenceDesk(): Promise<ReferenceDesk> {
  const desk = await openTestDesk({ at: REFERENCE_START });
  return { desk, ...(await arrangeReferenceSet(desk)) };
}

/** Plays the stories on an initialised desk whose supervisor is signed in, ending at REPORT_TIME. */
export async function arrangeReferenceSet(desk: ArrangingDesk): Promise<ReferenceSet> {
  const ids: Record<string, string> = {};
  const codes: Record<string, string | null> = {};
  const appointments: Record<string, string> = {};
  await desk.call('officers.create', { ...OFFICER, role: 'officer' });

  const at = (local: string) => desk.clock.set(vn(local));
  const as = async (who: 'officer' | 'supervisor') => {
    const cred = who === 'officer' ? OFFICER : SUPERVISOR;
    await desk.call('auth.signIn', { username: cred.username, password: cred.password });
  };
  const receive = async (name: string, local: string, procedureId: string, channel: Channel, extra: Record<string, unknown> = {}) => {
    at(local);
    const { state } = await desk.call('dossiers.receive', {
      procedureId,
      channel,
      applicant: { ...SAMPLE_APPLICANT, fullName: `Công Dân ${name}` },
      documents: requiredPapers(procedureId),
      ...extra,
    });
    ids[name] = state.id;
    codes[name] = state.code; // null for D11, turned back at the counter
    appointments[name] = state.appointmentAt ?? '';
  };
  const act = async (local: string, run: () => Promise<unknown>) => {
    at(local);
    await run();
  };
  const d = (name: string) => ({ dossierId: ids[name]! });
  const result = (name: string, local: string) => act(local, () => desk.call('dossiers.recordResult', { ...d(name), summary: 'Đã giải quyết' }));
  const handBack = (name: string, local: string) => act(local, () => desk.call('dossiers.handBack', { ...d(name), collector: { kind: 'applicant' } }));
  const rate = (name: string, local: string, level: 'very_satisfied' | 'satisfied' | 'not_satisfied' | 'not_rated') =>
    act(local, () => desk.call('dossiers.rate', { ...d(name), level }));

  // D3: hộ tịch, received and settled on 15/10 — finished before November: not in the November report.
  await receive('D3', '2026-10-15 09:00', KHAI_SINH, 1);
  await result('D3', '2026-10-15 10:00');
  // D4: cư trú, received Mon 26/10 (due Thu 29/10), withdrawn 10/11 — carried over, settled ON TIME (withdrawn).
  await receive('D4', '2026-10-26 09:00', TAM_TRU, 1);
  // D5: chứng thực, received Wed 28/10 (due Fri 30/10); form 04 on 29/10 moves it to 06/11; result 05/11 —
  // before the new date but after the statutory one: carried over, settled LATE.
  await receive('D5', '2026-10-28 09:00', HOP_DONG, 1);
  // D1: cư trú, received Thu 29/10 (due Tue 03/11), result Mon 02/11 — carried over, settled EARLY.
  await receive('D1', '2026-10-29 09:00', TAM_TRU, 1);
  await act('2026-10-29 10:00', () => desk.call('dossiers.reschedule', { ...d('D5'), reason: 'Chờ xác minh chữ ký', newAppointmentAt: vn('2026-11-06 17:00') }));
  // D2: cư trú, online, received Fri 30/10 10:00 (due Wed 04/11), never settled — carried over, pending OVERDUE.
  await receive('D2', '2026-10-30 10:00', TAM_TRU, 2);

  // D6: hộ tịch, received Mon 02/11 09:00, due the same day, result 15:00, 8 000 đ fee — new, ON TIME; very satisfied.
  await receive('D6', '2026-11-02 09:00', KHAI_SINH, 1);
  // D7: cư trú, by post, received by the officer Mon 02/11 09:30 (due Thu 05/11 09:30), result Thu 05/11 10:00 —
  // half an hour after the appointment but on its date: ON TIME (dates, not times); satisfied.
  await as('officer');
  await receive('D7', '2026-11-02 09:30', TAM_TRU, 3);
  await as('supervisor');
  await result('D1', '2026-11-02 10:00');
  await result('D6', '2026-11-02 15:00');
  await act('2026-11-02 15:05', () => desk.call('dossiers.recordFee', { ...d('D6'), amountVnd: 8000, receiptNo: 'BL-0001' }));
  // D8: cư trú, online, received by the officer Tue 03/11 (due Fri 06/11), result Tue 10/11 — new online, LATE; not satisfied.
  await as('officer');
  await receive('D8', '2026-11-03 09:00', TAM_TRU, 2);
  await as('supervisor');
  await handBack('D6', '2026-11-03 10:00');
  await rate('D6', '2026-11-03 10:01', 'very_satisfied');
  // D12: hộ tịch, refused (form 03) on 04/11 — never counted.
  at('2026-11-04 09:00');
  const refused = await desk.call('dossiers.refuse', { procedureId: KHAI_SINH, channel: 1, applicant: SAMPLE_APPLICANT, reason: 'Không thuộc thẩm quyền' });
  ids.D12 = refused.state.id;
  await handBack('D1', '2026-11-04 10:00');
  await rate('D1', '2026-11-04 10:01', 'not_rated');
  await result('D7', '2026-11-05 10:00');
  await result('D5', '2026-11-05 11:00');
  await handBack('D7', '2026-11-06 09:00');
  await rate('D7', '2026-11-06 09:01', 'satisfied');
  // D9: cư trú, received Mon 09/11 (due Thu 12/11); supplement asked Tue 10/11 10:00, papers back Fri 20/11 10:00
  // (8 working days) → due Tue 24/11; result Mon 23/11 — new, EARLY (it would be late without the extension).
  await receive('D9', '2026-11-09 09:00', TAM_TRU, 1);
  await act('2026-11-10 09:00', () => desk.call('dossiers.withdraw', { ...d('D4'), reason: 'Công dân không có nhu cầu nữa' }));
  await act('2026-11-10 10:00', () => desk.call('dossiers.requestSupplement', { ...d('D9'), items: ['Giấy xác nhận chỗ ở'], reason: 'Thiếu giấy tờ' }));
  await result('D8', '2026-11-10 14:00');
  await handBack('D8', '2026-11-10 14:30');
  await rate('D8', '2026-11-10 14:31', 'not_satisfied');
  // D14: cư trú, online, received Thu 12/11 (due Tue 17/11); form 04 on 16/11 moves it to 10/12; no result —
  // at the end of November still before its new date, but OVERDUE against its statutory one.
  await receive('D14', '2026-11-12 09:00', TAM_TRU, 2);
  // D11: cư trú, online, turned back at the counter (form 02) on Mon 16/11; papers never come; withdrawn
  // 02/12 — never received (Decree 61/2018, art. 15: only a complete dossier is): no code, in no report.
  await receive('D11', '2026-11-16 09:00', TAM_TRU, 2, { intake: 'supplement_requested', supplement: { items: ['Tờ khai CT01'], reason: 'Thiếu tờ khai' } });
  // D19: cư trú, received Mon 16/11 09:30 (due Thu 19/11); nothing in November — OVERDUE at the end of November.
  // A supplement asked 02/12 is still awaited on 15/12: December finds it carried over and WITHIN (waiting),
  // while November, drawn up afterwards, still finds it overdue on 30/11.
  await receive('D19', '2026-11-16 09:30', TAM_TRU, 1);
  await act('2026-11-16 10:00', () => desk.call('dossiers.reschedule', { ...d('D14'), reason: 'Cần xác minh', newAppointmentAt: vn('2026-12-10 17:00') }));
  // D15: cư trú, received 18/11, processing stopped 19/11 — new, settled ON TIME (stopped).
  await receive('D15', '2026-11-18 09:00', TAM_TRU, 1);
  await act('2026-11-19 09:00', () => desk.call('dossiers.stop', { ...d('D15'), reason: 'Công dân chuyển nơi cư trú' }));
  await act('2026-11-20 10:00', () => desk.call('dossiers.receiveSupplement', d('D9')));
  // D10: cư trú, received Mon 23/11 (due Thu 26/11); supplement asked Tue 24/11, papers back Thu 03/12 (7 working
  // days) → due Mon 07/12; result 07/12 — November: pending WITHIN (waiting, though past 26/11); December: ON TIME.
  await receive('D10', '2026-11-23 09:00', TAM_TRU, 1);
  await result('D9', '2026-11-23 10:00');
  await act('2026-11-24 09:00', () => desk.call('dossiers.requestSupplement', { ...d('D10'), items: ['Giấy xác nhận chỗ ở'], reason: 'Thiếu giấy tờ' }));
  // D13: cư trú, received Thu 26/11 (due Tue 01/12), result 02/12 — November: pending WITHIN; December: LATE.
  await receive('D13', '2026-11-26 09:00', TAM_TRU, 1);
  // D17: hộ tịch, received Mon 30/11 09:00, due that day 17:00, result 01/12 — November: pending WITHIN (due on
  // the period's last day is not yet overdue); December: carried over, LATE.
  await receive('D17', '2026-11-30 09:00', KHAI_SINH, 1);
  // D16: chứng thực, received Mon 30/11 16:00 (due Wed 02/12 16:00), result 02/12 — WITHIN, then ON TIME.
  await receive('D16', '2026-11-30 16:00', HOP_DONG, 1);

  // December.
  // D18: hộ tịch, received and settled Tue 01/12 — only in December: new, ON TIME.
  await receive('D18', '2026-12-01 09:00', KHAI_SINH, 1);
  await result('D17', '2026-12-01 10:00');
  await result('D18', '2026-12-01 10:05');
  await act('2026-12-02 09:00', () => desk.call('dossiers.withdraw', { ...d('D11'), reason: 'Công dân rút hồ sơ' }));
  await act('2026-12-02 09:30', () => desk.call('dossiers.requestSupplement', { ...d('D19'), items: ['Giấy tờ nhà'], reason: 'Thiếu giấy tờ' }));
  await result('D13', '2026-12-02 10:00');
  await result('D16', '2026-12-02 11:00');
  await act('2026-12-03 09:00', () => desk.call('dossiers.receiveSupplement', d('D10')));
  await result('D10', '2026-12-07 10:00');

  at(REPORT_TIME);
  return { ids, codes, appointments };
}
