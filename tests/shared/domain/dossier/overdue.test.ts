import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { finishedAt, isDueWithin, isOverdue, isPending } from '../../../../shared/domain/dossier/overdue.js';
import { DossierScenario, receivedPayload } from './scenario.js';
import { at, foldScenario, scenarioIn, stateIn } from './states.js';

// stateIn(n) dossiers are received at at(0) with the appointment at at(72).

describe('isOverdue', () => {
  it('a pending dossier becomes overdue only after its appointment', () => {
    const state = stateIn(4);
    expect(isOverdue(state, at(71))).toBe(false);
    expect(isOverdue(state, at(72))).toBe(false);
    expect(isOverdue(state, at(72.01))).toBe(true);
  });

  it('is not overdue while the clock is paused for a supplement (5) or fees (6)', () => {
    expect(isOverdue(stateIn(5), at(200))).toBe(false);
    expect(isOverdue(stateIn(6), at(200))).toBe(false);
  });

  it('has no deadline before an intake supplement arrives', () => {
    const s = new DossierScenario();
    s.add('dossier.received', at(0), receivedPayload(at(0), { intake: 'supplement_requested', appointmentAt: null, supplement: { items: ['x'], reason: 'y' } }));
    expect(isOverdue(foldScenario(s), at(1000))).toBe(false);
  });

  it('a result is late when it came after the appointment, whatever now is', () => {
    const late = scenarioIn(4);
    late.add('result.recorded', at(80), { resultAt: at(80), summary: '', outcome: 'approved' });
    expect(isOverdue(foldScenario(late), at(81))).toBe(true);
    late.add('result.handedBack', at(90), { collector: { kind: 'applicant' }, handedBackAt: at(90) });
    expect(isOverdue(foldScenario(late), at(500))).toBe(true);
    expect(isOverdue(stateIn(9), at(500))).toBe(false);
    expect(isOverdue(stateIn(10), at(500))).toBe(false);
  });

  it('withdrawn, stopped and refused dossiers are never overdue', () => {
    for (const status of [3, 7, 8] as const) expect(isOverdue(stateIn(status), at(500))).toBe(false);
  });

  it('an apology moves the deadline', () => {
    const s = scenarioIn(4);
    s.add('appointment.rescheduled', at(40), { reason: 'Chờ xác minh', previousAppointmentAt: at(72), newAppointmentAt: at(120) });
    expect(isOverdue(foldScenario(s), at(100))).toBe(false);
    expect(isOverdue(foldScenario(s), at(121))).toBe(true);
  });

  it('refuses a malformed now', () => {
    expect(() => isOverdue(stateIn(4), 'yesterday')).toThrow(CommandError);
  });
});

describe('isDueWithin', () => {
  it('counts pending dossiers due in the window, not overdue or paused ones', () => {
    const state = stateIn(2);
    expect(isDueWithin(state, at(50), 24)).toBe(true);
    expect(isDueWithin(state, at(47), 24)).toBe(false);
    expect(isDueWithin(state, at(73), 24)).toBe(false);
    expect(isDueWithin(stateIn(5), at(50), 24)).toBe(false);
    expect(isDueWithin(stateIn(9), at(50), 24)).toBe(false);
  });
});

describe('finishedAt and isPending', () => {
  it('gives the time the dossier left the desk by status', () => {
    expect(finishedAt(stateIn(4))).toBeNull();
    expect(finishedAt(stateIn(9))).toBe(at(2));
    expect(finishedAt(stateIn(10))).toBe(at(2));
    expect(finishedAt(stateIn(7))).toBe(at(2));
    expect(finishedAt(stateIn(8))).toBe(at(2));
    expect(finishedAt(stateIn(3))).toBe(at(0));
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => isPending(stateIn(n as 1)))).toEqual([true, true, false, true, true, true, false, false, false, false]);
  });
});
