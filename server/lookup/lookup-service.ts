import { foldDossier } from '../../shared/domain/dossier/fold.js';
import { statusLabel } from '../../shared/domain/dossier/lifecycle.js';
import type { LookupResponse } from '../../shared/sync/protocol.js';
import type { CentreCatalogue } from '../catalogue/centre-catalogue.js';
import { notFound } from '../http/centre-error.js';
import type { CentreStorage } from '../storage/storage.js';
import { loadDossierEvents } from '../sync/staff-events.js';

/**
 * What the receipt's QR code opens: status, procedure and appointment — nothing the slip does not
 * already show (no names, no ID numbers), since anyone holding the code may ask. The procedure is
 * named by the centre's catalogue from its id, not by the name the desk's event carries.
 */
export async function lookupDossier(storage: CentreStorage, catalogue: CentreCatalogue, code: string): Promise<LookupResponse> {
  const dossier = await storage.dossierByCode(code.trim().toUpperCase());
  const state = dossier === null ? null : foldDossier(await loadDossierEvents(storage, dossier.id));
  if (state === null || state.code === null) throw notFound('Không tìm thấy hồ sơ có mã này (hồ sơ mới tiếp nhận có thể chưa được gửi về trung tâm).');
  await catalogue.refresh();
  return {
    code: state.code,
    status: state.status,
    statusLabel: statusLabel(state.status),
    procedureName: catalogue.procedureName(state.procedure.id),
    appointmentAt: state.appointmentAt,
  };
}
