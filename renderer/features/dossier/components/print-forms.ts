import type { DossierState } from '../../../../shared/domain/dossier/state.js';

export type DossierFormNumber = '01' | '02' | '03' | '04' | '05';

export const FORM_TITLES: Readonly<Record<DossierFormNumber, string>> = {
  '01': 'Giấy tiếp nhận, hẹn trả (mẫu 01)',
  '02': 'Phiếu yêu cầu bổ sung (mẫu 02)',
  '03': 'Phiếu từ chối (mẫu 03)',
  '04': 'Phiếu xin lỗi, hẹn lại (mẫu 04)',
  '05': 'Phiếu kiểm soát (mẫu 05)',
};

/** The forms that exist for a dossier in its state: a refused one has only its form 03, and so on. */
export function printableForms(state: DossierState): DossierFormNumber[] {
  if (state.intake === 'refused') return ['03'];
  const forms: DossierFormNumber[] = [];
  // Forms 01 and 05 exist once the dossier is received: one turned back at the counter has only its form 02.
  const received = state.code !== null && state.receivedAt !== null;
  if (received && (state.appointmentAt !== null || state.originalAppointmentAt !== null)) forms.push('01');
  if (state.supplements.length > 0) forms.push('02');
  if (state.reschedules.length > 0) forms.push('04');
  if (received) forms.push('05');
  return forms;
}
