import type { DossierDetail } from '../../../shared/contract/dossiers.js';
import type { Procedure } from '../../../shared/domain/catalogue/procedure.js';
import { PROCEDURES } from '../../../shared/domain/catalogue/seed/procedures.js';
import { foldDossier } from '../../../shared/domain/dossier/fold.js';
import { allowedActions } from '../../../shared/domain/dossier/lifecycle.js';
import { DAY, DossierScenario, receivedPayload } from '../../shared/domain/dossier/scenario.js';

// Fabricated dossiers for store tests, folded by the real domain code so their allowed actions are real.

export const RECEIVED_AT = '2026-11-23T02:00:00.000Z'; // Monday 09:00 in Hạ Long

export function birthRegistration(): Procedure {
  const procedure = PROCEDURES.find((p) => p.id === 'ho-tich.dang-ky-khai-sinh');
  if (!procedure) throw new Error('seed catalogue has no birth registration');
  return procedure;
}

export function detailOf(scenario: DossierScenario): DossierDetail {
  const state = foldDossier(scenario.events);
  if (state === null) throw new Error('no events');
  return { state, history: [], allowedActions: allowedActions(state), overdue: false, dueSoon: false, reschedule: null, codeConflict: null, calendarNote: null };
}

/** A dossier received and accepted (status 2). */
export function acceptedDossier(): { scenario: DossierScenario; detail: DossierDetail } {
  const scenario = new DossierScenario();
  scenario.add('dossier.received', RECEIVED_AT, receivedPayload(RECEIVED_AT));
  return { scenario, detail: detailOf(scenario) };
}

/** A dossier with its result recorded (status 9): ready to hand back. */
export function resultReadyDossier(): { scenario: DossierScenario; detail: DossierDetail } {
  const { scenario } = acceptedDossier();
  const at = new Date(Date.parse(RECEIVED_AT) + DAY).toISOString();
  scenario.add('result.recorded', at, { resultAt: at, summary: 'Đã cấp giấy khai sinh', outcome: 'approved' });
  return { scenario, detail: detailOf(scenario) };
}
