import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTORS } from '../../../../shared/domain/catalogue/seed/sectors.js';
import { addDaysToLocalDate } from '../../../../shared/domain/calendar/vietnam-time.js';
import { vietnamDateOf } from '../../../../shared/domain/dossier/vietnam-time.js';
import { bieu06FromStates } from '../../../../shared/domain/reports/bieu06.js';
import { LONG_LIVED_DAYS } from '../../../../shared/domain/reports/bieu06-facts.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { foldedStates } from './random-desk.js';
import { vn } from './reference-desk.js';
import { requiredPapers } from '../../../support/required-papers.js';

// Crafted lives that random histories rarely reach — an extension then an apology, an apology then an
// extension, dossiers open LONG_LIVED_DAYS ± 1 days, an intake supplement completed late — and Biểu 06
// from SQL compared with the reference for every end date over five months and many period lengths.

const TAM_TRU = 'cu-tru.dang-ky-tam-tru';
const HOA_GIAI = 'dat-dai.hoa-giai-tranh-chap-dat-dai'; // 30 calendar days

let desk: TestDesk;
const ids: string[] = [];

beforeAll(async () => {
  desk = await openTestDesk({ at: vn('2026-03-02 08:00') });
  const at = (local: string) => desk.clock.set(vn(local));
  const receive = async (local: string, procedureId: string, extra: Record<string, unknown> = {}) => {
    at(local);
    const { state } = await desk.call('dossiers.receive', { procedureId, channel: 1, applicant: SAMPLE_APPLICANT, documents: requiredPapers(procedureId), ...extra });
    ids.push(state.id);
    return { dossierId: state.id };
  };
  const act = async (local: string, name: Parameters<TestDesk['call']>[0], args: Record<string, unknown>) => {
    at(local);
    await desk.call(name, args as never);
  };

  // Extension, then apology, then pending: the due date before the apology includes the extension.
  const s1 = await receive('2026-03-02 09:00', TAM_TRU); // due Thu 05/03
  await act('2026-03-03 09:00', 'dossiers.requestSupplement', { ...s1, items: ['A'], reason: 'Thiếu' });
  await act('2026-03-10 09:00', 'dossiers.receiveSupplement', s1); // due moves about 5 working days
  await act('2026-03-11 09:00', 'dossiers.reschedule', { ...s1, reason: 'Chậm', newAppointmentAt: vn('2026-04-20 17:00') });
  // Apology first, then an extension (which no longer moves the statutory due date), then a result.
  const s2 = await receive('2026-03-04 09:00', TAM_TRU); // due Mon 09/03
  await act('2026-03-05 09:00', 'dossiers.reschedule', { ...s2, reason: 'Chậm', newAppointmentAt: vn('2026-03-20 17:00') });
  await act('2026-03-06 09:00', 'dossiers.requestSupplement', { ...s2, items: ['B'], reason: 'Thiếu' });
  await act('2026-03-12 09:00', 'dossiers.receiveSupplement', s2);
  await act('2026-03-18 09:00', 'dossiers.recordResult', { ...s2, summary: 'Xong' });
  // Open for LONG_LIVED_DAYS − 1, exactly, + 1 and + 30 days, then settled.
  for (const extra of [-1, 0, 1, 30]) {
    const s = await receive('2026-03-09 09:00', HOA_GIAI);
    const finish = addDaysToLocalDate('2026-03-09', LONG_LIVED_DAYS + extra);
    await act(`${finish} 10:00`, 'dossiers.recordResult', { ...s, summary: 'Xong' });
  }
  // Sent back at intake, completed twelve days later, then settled; another withdrawn while waiting.
  const s3 = await receive('2026-03-16 09:00', TAM_TRU, { intake: 'supplement_requested', supplement: { items: ['C'], reason: 'Thiếu' } });
  await act('2026-03-27 09:00', 'dossiers.receiveSupplement', s3);
  await act('2026-04-03 09:00', 'dossiers.recordResult', { ...s3, summary: 'Xong' });
  const s4 = await receive('2026-03-16 10:00', TAM_TRU, { intake: 'supplement_requested', supplement: { items: ['D'], reason: 'Thiếu' } });
  await act('2026-04-01 09:00', 'dossiers.withdraw', { ...s4, reason: 'Rút' });
  // Pending for good.
  await receive('2026-03-20 09:00', HOA_GIAI);
  at('2026-07-31 10:00');
}, 60_000);
afterAll(() => desk.dispose());

describe('Biểu 06 SQL equals the reference on crafted lives, for every end date', () => {
  it('over March–July 2026 and period lengths around the long-lived limit', async () => {
    const states = foldedStates(desk, ids);
    expect(states.filter((s) => s.resultAt !== null).length).toBeGreaterThanOrEqual(6);
    const lengths = [0, 6, 30, LONG_LIVED_DAYS - 1, LONG_LIVED_DAYS, LONG_LIVED_DAYS + 1, 100];
    let compared = 0;
    for (let to = '2026-03-01'; to <= vietnamDateOf(desk.clock.iso()); to = addDaysToLocalDate(to, 1)) {
      for (const length of lengths) {
        const period = { from: addDaysToLocalDate(to, -length), to };
        const { header: _header, problems, ...sql } = await desk.call('reports.bieu06', period);
        expect(problems).toEqual([]);
        expect(sql, `${period.from} → ${period.to}`).toEqual(bieu06FromStates(states, period, SECTORS));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
