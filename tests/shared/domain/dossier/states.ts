import type { StatusCode } from '../../../../shared/domain/dossier/events.js';
import { foldDossier } from '../../../../shared/domain/dossier/fold.js';
import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import { DossierScenario, HOUR, addMs, receivedPayload, refusedPayload } from './scenario.js';

// Dossiers brought to each national status by allowed events, for rule tables.

export const T0 = '2025-03-05T02:00:00.000Z'; // 09:00 in Hạ Long
export const at = (hours: number): string => addMs(T0, hours * HOUR);

function fold(s: DossierScenario): DossierState {
  const state = foldDossier(s.events);
  if (state === null) throw new Error('no events');
  return state;
}

export function scenarioIn(status: StatusCode): DossierScenario {
  const s = new DossierScenario();
  if (status === 1) {
    s.add('note.added', at(0), { text: 'Sự kiện đến trước khi hồ sơ được tạo' });
    return s;
  }
  if (status === 3) {
    s.add('dossier.refused', at(0), refusedPayload(at(0)));
    return s;
  }
  s.add('dossier.received', at(0), receivedPayload(at(0)));
  if (status === 2) return s;
  s.add('dossier.forwarded', at(1), { to: { kind: 'officer', name: 'Công chức tư pháp' }, note: '', forwardedAt: at(1) });
  if (status === 4 || status === 6) return s;
  if (status === 5) {
    s.add('supplement.requested', at(2), { items: ['Giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh', requestedAt: at(2) });
  } else if (status === 7) {
    s.add('dossier.withdrawn', at(2), { reason: 'Công dân xin rút', withdrawnAt: at(2) });
  } else if (status === 8) {
    s.add('processing.stopped', at(2), { reason: 'Giấy tờ giả', stoppedAt: at(2) });
  } else {
    s.add('result.recorded', at(2), { resultAt: at(2), summary: 'Giấy khai sinh', outcome: 'approved' });
    if (status === 10) s.add('result.handedBack', at(3), { collector: { kind: 'applicant' }, handedBackAt: at(3) });
  }
  return s;
}

/** A state in `status`. Status 6 is entered by no event of this set, so it is set directly. */
export function stateIn(status: StatusCode): DossierState {
  const state = fold(scenarioIn(status));
  return status === 6 ? { ...state, status: 6 } : state;
}

export function foldScenario(s: DossierScenario): DossierState {
  return fold(s);
}
