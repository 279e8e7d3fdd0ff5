import { foreignAgencyMessage, otherUnitHoldingAgency } from '../../shared/domain/catalogue/agency-ownership.js';
import type { Unit } from '../../shared/domain/catalogue/unit.js';
import { successorMoveMessage, successorMoveProblem } from '../../shared/domain/catalogue/successor-move.js';
import { vietnamIsoDate } from '../../shared/domain/dossier-code/vietnam-date.js';
import type { UnitBinding, UnitMoveRequest, UnitMoveResponse } from '../../shared/sync/protocol.js';
import { CentreHttpError, conflict } from '../http/centre-error.js';
import type { CentreStorage, DeviceRecord } from '../storage/storage.js';

// A desk of a unit that ended becomes a desk of its successor: the centre rebinds the device (same
// token, same station) under the rule the desk applies (successorMoveProblem, in shared/), binds the
// successor's agency identifier, and remembers the unit left, so the desk's earlier receptions (and any
// still waiting to be pushed) stay accepted and its pulls still bring that unit's dossiers. It is a
// request, not a synced event: it changes what the device is allowed to write, which the centre must
// decide before the desk issues a single code of the successor, and a refusal must reach the supervisor
// at once instead of sitting in a queue.

const refused = (message: string) => new CentreHttpError(409, 'unit_move_refused', message);

/**
 * Rebinds the device. `units` is the centre's catalogue with the published units folded in
 * (CentreCatalogue.units): a successor the administrator published for a unit is one the desk may move to.
 */
export async function moveDeviceUnit(
  storage: CentreStorage,
  device: DeviceRecord,
  request: UnitMoveRequest,
  nowMs: number,
  units: readonly Unit[],
): Promise<UnitMoveResponse> {
  const unitById = (id: string) => units.find((unit) => unit.id === id) ?? null;
  const movedAt = new Date(nowMs).toISOString();
  const to = unitById(request.toUnitId);
  if (to === null) throw new CentreHttpError(404, 'not_found', `Không có đơn vị "${request.toUnitId}" trong danh mục của trung tâm.`);

  // The same request again (its answer lost on the way): the move is already done, answer it again.
  if (device.unitId === to.id) {
    const former = (await storage.formerUnits(device.id)).find((unit) => unit.unitId === request.fromUnitId);
    const agencyId = await storage.transaction((tx) => tx.unitAgency(to.id));
    if (former !== undefined && agencyId === request.agencyId) return { unitId: to.id, unitGsoCode: to.gsoCode, agencyId, movedAt: former.movedAt };
  }
  const from = device.unitId === null ? null : unitById(device.unitId);
  if (from === null || from.id !== request.fromUnitId) {
    throw new CentreHttpError(
      409,
      'unit_mismatch',
      `Trung tâm ghi máy này thuộc đơn vị ${from === null ? `mã GSO ${device.unitGso}` : `${from.name} (mã GSO ${from.gsoCode})`}, không phải đơn vị "${request.fromUnitId}" mà máy đề nghị chuyển đi.`,
    );
  }
  const problem = successorMoveProblem(from, to, vietnamIsoDate(movedAt));
  if (problem !== null) throw refused(successorMoveMessage(problem, from, to));
  const catalogueOwner = otherUnitHoldingAgency(request.agencyId, (unit) => unit.id === to.id, units);
  if (catalogueOwner !== null) throw new CentreHttpError(409, 'agency_mismatch', foreignAgencyMessage(request.agencyId, catalogueOwner));

  await storage.transaction(async (tx) => {
    if (!(await tx.claimUnitAgency(to.id, request.agencyId))) {
      const held = await tx.unitAgency(to.id);
      throw new CentreHttpError(
        409,
        'agency_mismatch',
        held === null
          ? `Mã định danh cơ quan ${request.agencyId} đã thuộc một đơn vị khác; không chuyển máy sang ${to.name}.`
          : `${to.name} dùng mã định danh cơ quan ${held}, không phải ${request.agencyId}. Hãy chọn mã định danh ${held} khi chuyển đơn vị.`,
      );
    }
    const moved = await tx.moveDevice({ deviceId: device.id, from: { unitId: from.id, unitGso: from.gsoCode }, to: { unitId: to.id, unitGso: to.gsoCode }, movedAt });
    if (!moved) throw conflict('Đăng ký của máy vừa thay đổi ở trung tâm (bị thu hồi hoặc đã chuyển); chưa chuyển đơn vị. Hãy thử lại.');
  });
  return { unitId: to.id, unitGsoCode: to.gsoCode, agencyId: request.agencyId, movedAt };
}

/** The unit the centre holds the device to now, with its agency identifier and its last move (UnitBinding). */
export async function deviceUnitBinding(storage: CentreStorage, device: DeviceRecord): Promise<UnitBinding> {
  const agencyId = device.unitId === null ? null : await storage.transaction((tx) => tx.unitAgency(device.unitId!));
  const moves = await storage.formerUnits(device.id);
  const movedAt = moves.map((m) => m.movedAt).sort().at(-1) ?? null;
  return { unitId: device.unitId, unitGsoCode: device.unitGso, agencyId, movedAt };
}
