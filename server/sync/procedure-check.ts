import type { PushRejection } from '../../shared/sync/protocol.js';
import type { CentreCatalogue } from '../catalogue/centre-catalogue.js';
import type { PreparedEvent } from './append-entries.js';

// A dossier's creation names its procedure by id; the centre names, sorts (Biểu 06's sector) and shows
// it from its own catalogue by that id. An id the centre does not know is refused, retryably: an honest
// desk only holds procedures of the seed (a desk updated before the centre) or ones the administrator
// published, so it goes through once the centre knows it — and a forged id never reaches the dashboard.

const MESSAGE = (id: string) =>
  `Danh mục của trung tâm chưa có thủ tục mã "${id}": hồ sơ sẽ được tự gửi lại khi trung tâm có thủ tục này (quản trị viên cập nhật danh mục).`;

const procedureIdOf = ({ event }: PreparedEvent): string | null =>
  event.type === 'dossier.received' || event.type === 'dossier.refused' ? event.payload.procedure.id : null;

/**
 * Splits a push into the events the catalogue allows and the creations it refuses. The log is read
 * (once per push) only when an id is missing from memory: another centre process may have published it.
 */
export async function checkProcedures(events: readonly PreparedEvent[], catalogue: CentreCatalogue): Promise<{ allowed: PreparedEvent[]; refused: PushRejection[] }> {
  const missing = (p: PreparedEvent) => {
    const id = procedureIdOf(p);
    return id !== null && catalogue.procedure(id) === undefined;
  };
  if (events.some(missing)) await catalogue.refresh();
  const allowed: PreparedEvent[] = [];
  const refused: PushRejection[] = [];
  for (const p of events) {
    if (missing(p)) refused.push({ id: p.event.id, code: 'procedure_unknown', message: MESSAGE(procedureIdOf(p)!) });
    else allowed.push(p);
  }
  return { allowed, refused };
}
