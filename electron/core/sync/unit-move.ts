import { CommandError } from '../../../shared/contract/errors.js';
import type { UnitMoveRequest, UnitMoveResponse } from '../../../shared/sync/protocol.js';
import type { DeskDatabase } from '../db/open-database.js';
import { readPendingUnitMove, settlePendingUnitMove } from '../settings/pending-unit-move.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import type { CentreClient } from './centre-client.js';
import type { CentreSession } from './centre-session.js';
import { asSyncFailure } from './sync-failure.js';
import type { SyncRepository } from './sync-repository.js';
import { unitMoveError } from './unit-move-errors.js';

// Moving an enrolled desk to its unit's successor, as the centre sees it.

/**
 * Asks the centre to rebind this desk to its unit's successor (the centre checks the same successor
 * rule as the desk), then records the unit the centre now holds it to. Online only: throws a
 * CommandError for the supervisor, with nothing changed, when the centre is unreachable or refuses.
 */
export async function moveUnit(session: CentreSession, repo: SyncRepository, request: UnitMoveRequest): Promise<UnitMoveResponse> {
  await session.ready();
  const enrollment = repo.enrollment();
  const client = session.client();
  if (enrollment === null || client === null) throw new CommandError('conflict', 'Bàn làm việc chưa đăng ký đồng bộ với trung tâm (hoặc đã bị thu hồi).');
  let moved: UnitMoveResponse;
  try {
    moved = await client.moveUnit(request);
  } catch (error) {
    throw unitMoveError(asSyncFailure(error));
  }
  repo.saveEnrollment({ ...enrollment, unitGsoCode: moved.unitGsoCode });
  return moved;
}

/** Finishes (or forgets) a move to a successor left noted by a crash between the centre's yes and the desk's record. */
export async function settleUnitMove(client: CentreClient, db: DeskDatabase, settings: SettingsRepository, repo: SyncRepository): Promise<void> {
  if (readPendingUnitMove(settings) === null) return;
  const binding = await client.unitBinding();
  if (settlePendingUnitMove(db, settings, binding) !== 'recorded') return;
  const enrollment = repo.enrollment();
  if (enrollment !== null) repo.saveEnrollment({ ...enrollment, unitGsoCode: binding.unitGsoCode });
}
