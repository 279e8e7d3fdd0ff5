import { describe, expect, it } from 'vitest';
import type { DossierReceivedPayload } from '../../../../shared/domain/dossier/events.js';
import { foldDossier } from '../../../../shared/domain/dossier/fold.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { bieu06FromStates } from '../../../../shared/domain/reports/bieu06.js';
import { dailySeriesFromStates } from '../../../../shared/domain/reports/daily-series.js';
import { logBookFromStates } from '../../../../shared/domain/reports/log-book.js';
import { satisfactionFromStates } from '../../../../shared/domain/reports/satisfaction.js';
import { DossierScenario, HOUR, addMs, receivedPayload } from '../dossier/scenario.js';

// A dossier turned back at the counter (form 02 instead of form 01) was not received (Decree 61/2018,
// art. 15): every report counts it from the day the citizen brought the papers, never from the day of
// form 02 — for events the core writes now (no code on form 02) and for events written before the rule
// (a code on form 02), which a rebuild folds the same way.

const SECTORS = [{ id: 'ho-tich', name: 'Hộ tịch' }];
// 09:00 in Hạ Long on Wednesday 5 March 2025; the return is the next day.
const T0 = '2025-03-05T02:00:00.000Z';
const at = (hours: number): string => addMs(T0, hours * HOUR);
const FORM_02 = { intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['Giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh' } } as const;
const SHAPES: { name: string; formTwo: Partial<DossierReceivedPayload>; returnCode: string | undefined; code: string }[] = [
  { name: 'as written now', formTwo: { ...FORM_02, code: null }, returnCode: '000.00.06.H49-250306-1001', code: '000.00.06.H49-250306-1001' },
  { name: 'as written before the rule', formTwo: FORM_02, returnCode: undefined, code: '000.00.06.H49-250305-1001' },
];

function fold(s: DossierScenario): DossierState {
  const state = foldDossier(s.events);
  if (state === null) throw new Error('no events');
  return state;
}

/** Form 02 on the 5th; if `returned`, the papers on the 6th at 09:00, then a result, hand-back and rating. */
function turnedBack(formTwo: Partial<DossierReceivedPayload>, returnCode: string | undefined, returned: boolean): DossierState {
  const s = new DossierScenario();
  s.add('dossier.received', at(0), receivedPayload(at(0), formTwo), { officerId: 'officer-form-02' });
  if (!returned) return fold(s);
  const payload = { receivedAt: at(24), newAppointmentAt: at(72), ...(returnCode === undefined ? {} : { code: returnCode }) };
  s.add('supplement.received', at(24), payload, { officerId: 'officer-return' });
  s.add('result.recorded', at(48), { resultAt: at(48), summary: 'Giấy khai sinh', outcome: 'approved' });
  s.add('result.handedBack', at(49), { collector: { kind: 'applicant' }, handedBackAt: at(49) });
  s.add('satisfaction.rated', at(49), { level: 'very_satisfied' });
  return fold(s);
}

describe.each(SHAPES)('a dossier turned back at the counter, events $name', ({ formTwo, returnCode, code }) => {
  const waiting = turnedBack(formTwo, returnCode, false);
  const returned = turnedBack(formTwo, returnCode, true);

  it('is in no Biểu 06 column while the citizen has not come back', () => {
    const report = bieu06FromStates([waiting], { from: '2025-03-01', to: '2025-03-31' }, SECTORS);
    expect(report.total.received.total).toBe(0);
    expect(report.total.pending.total).toBe(0);
  });

  it('is received in Biểu 06 on the day of its return, not on the day of form 02', () => {
    const formTwoDay = bieu06FromStates([returned], { from: '2025-03-05', to: '2025-03-05' }, SECTORS);
    expect(formTwoDay.total.received.total).toBe(0);
    const returnDay = bieu06FromStates([returned], { from: '2025-03-06', to: '2025-03-06' }, SECTORS);
    expect(returnDay.total.received).toEqual({ total: 1, online: 0, directOrPostal: 1, carriedOver: 0 });
    expect(returnDay.total.pending).toEqual({ total: 1, withinTime: 1, overdue: 0 });
    const month = bieu06FromStates([returned], { from: '2025-03-01', to: '2025-03-31' }, SECTORS);
    expect(month.total.settled).toEqual({ total: 1, early: 1, onTime: 0, late: 0 });
  });

  it('is received in the 30-day series on the day of its return', () => {
    const series = dailySeriesFromStates([waiting, returned], '2025-03-10', 10);
    const received = (date: string) => series.points.find((p) => p.date === date)?.received;
    expect(received('2025-03-05')).toEqual({ inPerson: 0, online: 0, postal: 0 });
    expect(received('2025-03-06')).toEqual({ inPerson: 1, online: 0, postal: 0 });
  });

  it('is written in the log book on the day of its return, with its one code', () => {
    const book = logBookFromStates([waiting, returned], { from: '2025-03-01', to: '2025-03-31' });
    expect(book.rows.map((r) => [r.code, r.receivedAt])).toEqual([[code, at(24)]]);
  });

  it('is rated for the officer who received it on its return', () => {
    const report = satisfactionFromStates([waiting, returned], { from: '2025-03-01', to: '2025-03-31' }, (id) => id);
    expect(report.officers.map((line) => [line.key, line.counts.verySatisfied])).toEqual([['officer-return', 1]]);
  });
});
