import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { foldDossier } from '../../../../shared/domain/dossier/fold.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { tallyDay } from '../../../../shared/domain/dossier/tally.js';
import { DossierScenario, HOUR, addMs, receivedPayload, refusedPayload } from './scenario.js';

// Vietnam is UTC+7: 2025-03-05 runs from 2025-03-04T17:00Z to 2025-03-05T17:00Z.
const DAY_START = '2025-03-04T17:00:00.000Z';
const t = (hours: number): string => addMs(DAY_START, hours * HOUR);

function state(build: (s: DossierScenario) => void): DossierState {
  const s = new DossierScenario();
  build(s);
  const folded = foldDossier(s.events);
  if (folded === null) throw new Error('no events');
  return folded;
}

describe('tallyDay', () => {
  const states = [
    // Received at 00:30 local on the 5th (still the 4th in UTC): counts on the 5th.
    state((s) => s.add('dossier.received', t(0.5), receivedPayload(t(0.5), { channel: 1, appointmentAt: t(30) }))),
    state((s) => {
      s.add('dossier.received', t(8), receivedPayload(t(8), { channel: 2, appointmentAt: t(20) }));
      s.add('fee.recorded', t(8), { amountVnd: 8000, receiptNo: null });
      s.add('result.recorded', t(10), { resultAt: t(10), summary: '', outcome: 'approved' });
      s.add('result.handedBack', t(11), { collector: { kind: 'applicant' }, handedBackAt: t(11) });
      s.add('satisfaction.rated', t(11), { level: 'very_satisfied' });
    }),
    // Turned back at the counter (form 02, an event written before the rule, with a code): not received.
    state((s) => {
      s.add('dossier.received', t(9), receivedPayload(t(9), { channel: 3, intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['x'], reason: 'y' } }));
    }),
    // Received at 23:59:59 local on the 4th: not the 5th. Withdrawn on the 5th; overdue dossiers elsewhere.
    state((s) => {
      s.add('dossier.received', t(-0.0003), receivedPayload(t(-0.0003), { appointmentAt: t(2) }));
      s.add('dossier.withdrawn', t(12), { reason: 'Rút', withdrawnAt: t(12) });
    }),
    state((s) => {
      s.add('dossier.received', t(-48), receivedPayload(t(-48), { appointmentAt: t(1) }));
      s.add('supplement.requested', t(3), { items: ['a'], reason: 'b', requestedAt: t(3) });
      s.add('supplement.received', t(5), { receivedAt: t(5), newAppointmentAt: t(6) });
      s.add('fee.recorded', t(5), { amountVnd: 20000, receiptNo: 'BL-9' });
    }),
    // Refused: never counted as received.
    state((s) => s.add('dossier.refused', t(7), refusedPayload(t(7)))),
    // Received the next day (00:00 local on the 6th).
    state((s) => s.add('dossier.received', t(24), receivedPayload(t(24)))),
  ];

  it('counts each fact on its Vietnam date', () => {
    const tally = tallyDay(states, '2025-03-05', t(15));
    expect(tally).toEqual({
      receivedByChannel: { inPerson: 1, online: 1, postal: 0 },
      resultsReady: 1,
      handedBack: 1,
      withdrawn: 1,
      supplementsRequested: 2,
      feesVnd: 28000,
      // at 22:00 local: the 00:30 one (due t(30)) is due within 24h; the supplement one is overdue (due t(6)).
      overdue: 1,
      dueWithin24h: 1,
      ratings: { very_satisfied: 1, satisfied: 0, not_satisfied: 0, not_rated: 0 },
    });
  });

  it('counts the boundary dossiers on their own days', () => {
    expect(tallyDay(states, '2025-03-03', t(15)).receivedByChannel.inPerson).toBe(1);
    expect(tallyDay(states, '2025-03-04', t(15)).receivedByChannel.inPerson).toBe(1);
    expect(tallyDay(states, '2025-03-06', t(15)).receivedByChannel.inPerson).toBe(1);
  });

  it('counts a dossier turned back at the counter as received on the day its papers came, whatever shape its events have', () => {
    const formTwo = { channel: 3 as const, intake: 'supplement_requested' as const, appointmentAt: null, supplement: { items: ['Giấy chứng sinh'], reason: 'Thiếu' } };
    const returned = [
      // As the core writes it now: no code on form 02, the code comes with the papers.
      state((s) => {
        s.add('dossier.received', t(9), receivedPayload(t(9), { ...formTwo, code: null }));
        s.add('supplement.received', t(33), { receivedAt: t(33), newAppointmentAt: t(60), code: '000.00.06.H49-250306-1001' });
      }),
      // As events written before the rule have it: a code on form 02, none on the return.
      state((s) => {
        s.add('dossier.received', t(10), receivedPayload(t(10), formTwo));
        s.add('supplement.received', t(34), { receivedAt: t(34), newAppointmentAt: t(60) });
      }),
    ];
    const formTwoDay = tallyDay(returned, '2025-03-05', t(40));
    expect(formTwoDay.receivedByChannel).toEqual({ inPerson: 0, online: 0, postal: 0 });
    expect(formTwoDay.supplementsRequested).toBe(2); // form 02 at the counter is still a fact of its day
    const returnDay = tallyDay(returned, '2025-03-06', t(40));
    expect(returnDay.receivedByChannel).toEqual({ inPerson: 0, online: 0, postal: 2 });
    expect(returnDay.supplementsRequested).toBe(0);
    expect(returned.map((r) => [r.code, r.receivedAt])).toEqual([
      ['000.00.06.H49-250306-1001', t(33)],
      ['000.00.06.H49-250305-1001', t(34)],
    ]);
  });

  it('does not count as withdrawn a dossier given up before it was received', () => {
    const givenUp = state((s) => {
      s.add('dossier.received', t(9), receivedPayload(t(9), { code: null, intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['x'], reason: 'y' } }));
      s.add('dossier.withdrawn', t(11), { reason: 'Không bổ sung được', withdrawnAt: t(11) });
    });
    expect(tallyDay([givenUp], '2025-03-05', t(15))).toMatchObject({ withdrawn: 0, receivedByChannel: { inPerson: 0, online: 0, postal: 0 }, supplementsRequested: 1 });
  });

  it('refuses an impossible date', () => {
    expect(() => tallyDay(states, '2025-02-29', t(15))).toThrow(CommandError);
    expect(() => tallyDay(states, '05/03/2025', t(15))).toThrow(CommandError);
  });
});
