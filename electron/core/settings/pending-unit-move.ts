import type { UnitBinding } from '../../../shared/sync/protocol.js';
import { CatalogueRepository } from '../catalogue/catalogue-repository.js';
import type { DeskDatabase } from '../db/open-database.js';
import { readDeskSettings, writeDeskSettings } from './desk-settings.js';
import type { SettingsRepository } from './settings-repository.js';
import { appendUnitMove, type UnitMove } from './unit-moves.js';

// An enrolled desk's move to its unit's successor takes two steps on two machines: the centre rebinds
// the device, then the desk records the move. A crash (or a lost answer) between them would leave the
// desk signing codes of a unit the centre no longer holds it to. So the desk notes the move it asked for
// before asking; once the move is recorded the note goes. A note left over is settled from what the
// centre says it holds the device to (UnitBinding), on the next sync round: moved there → the desk
// records the move as the centre made it; still the former unit → the centre never moved, the note goes.
// The desk never repeats the request on its own: a move the supervisor saw fail is not made behind
// their back.

export type PendingUnitMove = Omit<UnitMove, 'movedAt'>;

const KEY = 'unit.move.pending';

export function readPendingUnitMove(settings: SettingsRepository): PendingUnitMove | null {
  const stored = settings.get(KEY);
  return stored === null ? null : (JSON.parse(stored) as PendingUnitMove);
}

export function notePendingUnitMove(settings: SettingsRepository, move: PendingUnitMove | null): void {
  if (move === null) settings.delete(KEY);
  else settings.set(KEY, JSON.stringify(move));
}

/** Writes the move as done, and forgets the note, in one transaction. */
export function recordUnitMove(db: DeskDatabase, settings: SettingsRepository, move: UnitMove): void {
  const catalogue = new CatalogueRepository(db);
  db.transaction(() => {
    const to = catalogue.unit(move.toUnitId);
    const { station } = readDeskSettings(settings);
    if (to === null || station === null) throw new Error(`unit move to ${move.toUnitId}: unit or station missing`);
    writeDeskSettings(settings, { unitId: to.id, unit: { gsoCode: to.gsoCode, name: to.name, agencyId: move.toAgencyId }, station });
    appendUnitMove(settings, move);
    notePendingUnitMove(settings, null);
  })();
}

export type Settled = 'none' | 'recorded' | 'dropped' | 'waiting';

/** Settles a move left noted, from the unit the centre holds the device to. */
export function settlePendingUnitMove(db: DeskDatabase, settings: SettingsRepository, binding: UnitBinding): Settled {
  const pending = readPendingUnitMove(settings);
  if (pending === null) return 'none';
  if (binding.unitId === pending.toUnitId && binding.agencyId !== null && binding.movedAt !== null) {
    recordUnitMove(db, settings, { ...pending, toAgencyId: binding.agencyId, movedAt: binding.movedAt });
    return 'recorded';
  }
  if (binding.unitId === pending.fromUnitId) {
    notePendingUnitMove(settings, null);
    return 'dropped';
  }
  // Held to some third unit (moved by another way): the supervisor settles it; the note stays shown.
  return 'waiting';
}
