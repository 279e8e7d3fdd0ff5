import type { SettingsRepository } from './settings-repository.js';

// The desk's moves from a former unit to its successor, oldest first: the history of which unit the
// desk served when (dossiers keep the unit recorded at their reception; this says why it changed).

export interface UnitMove {
  fromUnitId: string;
  fromAgencyId: string;
  toUnitId: string;
  toAgencyId: string;
  movedAt: string;
  officerId: string;
}

const KEY = 'unit.moves';

export function readUnitMoves(settings: SettingsRepository): UnitMove[] {
  const stored = settings.get(KEY);
  return stored === null ? [] : (JSON.parse(stored) as UnitMove[]);
}

export function appendUnitMove(settings: SettingsRepository, move: UnitMove): void {
  settings.set(KEY, JSON.stringify([...readUnitMoves(settings), move]));
}
