import type { DossierState } from '../../../../shared/domain/dossier/state.js';
import type { FormNumber } from './form-labels.js';

/**
 * Why a form cannot be printed for this dossier (in Vietnamese, for the officer), or null when it can.
 * Each form records a fact: no refusal, no form 03; no apology, no form 04.
 */
export function formProblem(form: Exclude<FormNumber, '06'>, state: DossierState): string | null {
  switch (form) {
    case '01':
      if (state.code === null || state.receivedAt === null) return 'Hồ sơ bị từ chối tiếp nhận nên không có giấy tiếp nhận (in phiếu từ chối, mẫu 03).';
      if (state.appointmentAt === null) return 'Hồ sơ đang chờ bổ sung tại quầy: giấy tiếp nhận được in khi nhận đủ hồ sơ (in phiếu yêu cầu bổ sung, mẫu 02).';
      return null;
    case '02':
      return state.supplements.length === 0 ? 'Hồ sơ này chưa có yêu cầu bổ sung, hoàn thiện nào.' : null;
    case '03':
      return state.refusedAt === null ? 'Hồ sơ này không bị từ chối tiếp nhận.' : null;
    case '04':
      return state.reschedules.length === 0 ? 'Hồ sơ này chưa có lần hẹn lại ngày trả kết quả nào.' : null;
    case '05':
      return state.code === null ? 'Hồ sơ bị từ chối tiếp nhận nên không có phiếu kiểm soát.' : null;
  }
}
