import { foldDossier } from '../../shared/domain/dossier/fold.js';
import { statusLabel } from '../../shared/domain/dossier/lifecycle.js';
import type { LookupResponse } from '../../shared/sync/protocol.js';
import { notFound } from '../http/centre-error.js';
import type { CentreStorage } from '../storage/storage.js';
import { loadDossierEvents } from '../sync/staff-events.js';

/**
 * What the receipt's QR code opens: status, procedure and appointment — nothing the slip does not
 * already show (no names, no ID numbers), since anyone holding the code may ask.
 */
export async function lookupDossier(storage: CentreStorage, code: string): Promise<LookupResponse> {
  const dossier = await storage.dossierByCode(code.trim().toUpperCase());
  const state = dossier === null ? null : foldDossier(await loadDossierEvents(storage, dossier.id));
  if (state === null || state.code === null) throw notFound('Không tìm thấy hồ sơ có mã này (hồ sơ mới tiếp nhận có thể chưa được gửi về trung tâm).');
  return {
    code: state.code,
    status: state.status,
    statusLabel: statusLabel(state.status),
    procedureName: state.procedure.name,
    appointmentAt: state.appointmentAt,
  };
}
