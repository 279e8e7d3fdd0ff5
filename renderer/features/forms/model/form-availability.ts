import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import type { FormNumber } from './form-labels.js';

const REFUSED_01 = 'Hồ sơ bị từ chối tiếp nhận nên không có giấy tiếp nhận (in phiếu từ chối, mẫu 03).';
// A dossier turned back at the counter is not received (reception.ts): its receipt comes with the papers.
const NOT_RECEIVED_01 =
  'Hồ sơ chưa được tiếp nhận, đang chờ bổ sung tại quầy: giấy tiếp nhận được in khi nhận đủ hồ sơ (in phiếu yêu cầu bổ sung, mẫu 02).';

/**
 * Why a form cannot be printed for this dossier (in Vietnamese, for the officer), or null when it can.
 * Each form records a fact: no refusal, no form 03; no apology, no form 04.
 */
export function formProblem(form: Exclude<FormNumber, '06'>, state: DossierState): string | null {
  switch (form) {
    case '01':
      if (state.intake === 'refused') return REFUSED_01;
      if (state.code === null || state.receivedAt === null || state.appointmentAt === null) return NOT_RECEIVED_01;
      return null;
    case '02':
      return state.supplements.length === 0 ? 'Hồ sơ này chưa có yêu cầu bổ sung, hoàn thiện nào.' : null;
    case '03':
      return state.refusedAt === null ? 'Hồ sơ này không bị từ chối tiếp nhận.' : null;
    case '04':
      return state.reschedules.length === 0 ? 'Hồ sơ này chưa có lần hẹn lại ngày trả kết quả nào.' : null;
    case '05':
      if (state.intake === 'refused') return 'Hồ sơ bị từ chối tiếp nhận nên không có phiếu kiểm soát.';
      return state.code === null || state.receivedAt === null ? 'Hồ sơ chưa được tiếp nhận (đang chờ bổ sung tại quầy) nên chưa có phiếu kiểm soát.' : null;
  }
}
