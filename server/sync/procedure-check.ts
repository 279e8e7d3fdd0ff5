import type { DossierEvent } from '../../shared/domain/dossier/events.js';
import type { PushRejection } from '../../shared/sync/protocol.js';
import type { CentreCatalogue } from '../catalogue/centre-catalogue.js';

// A dossier's creation names its procedure by id; the centre names, sorts (Biểu 06's sector) and shows
// it from its own catalogue by that id. An id the centre does not know is refused, retryably: an honest
// desk only holds procedures of the seed (a desk updated before the centre) or ones the administrator
// published, so it goes through once the centre knows it — and a forged id never reaches the dashboard.

export async function unknownProcedureOf(event: DossierEvent, catalogue: CentreCatalogue): Promise<PushRejection | null> {
  if (event.type !== 'dossier.received' && event.type !== 'dossier.refused') return null;
  const { id } = event.payload.procedure;
  if (await catalogue.knowsProcedure(id)) return null;
  return {
    id: event.id,
    code: 'procedure_unknown',
    message: `Danh mục của trung tâm chưa có thủ tục mã "${id}": hồ sơ sẽ được tự gửi lại khi trung tâm có thủ tục này (quản trị viên cập nhật danh mục).`,
  };
}
