import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Unit } from '../../../../shared/contract/catalogue.js';
import type { DeskClient } from '../../../../shared/contract/commands.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { DeskSettings } from '../../../../shared/contract/setup.js';

export interface DeskUnitState {
  settings: DeskSettings | null;
  /** Every unit of the catalogue, both eras: the desk's own and its successors are found here. */
  units: Unit[];
  loadError: CommandErrorData | null;
  /** The refusal of the last move, shown in the confirm dialog. */
  moveError: CommandErrorData | null;
  moving: boolean;
  /** The unit name the desk was just moved from, for the confirmation line. */
  movedFrom: string | null;
  load(): Promise<void>;
  /** Moves the desk to the successor; true when it moved. */
  move(successorId: string, agencyId: string): Promise<boolean>;
  clearMoveError(): void;
}

export type DeskUnitStore = StoreApi<DeskUnitState>;

export function createDeskUnitStore(client: DeskClient): DeskUnitStore {
  return createStore<DeskUnitState>()((set, get) => ({
    settings: null,
    units: [],
    loadError: null,
    moveError: null,
    moving: false,
    movedFrom: null,
    async load() {
      const [settings, units] = await Promise.all([client.invoke('settings.get', {}), client.invoke('catalogue.units', {})]);
      if (!settings.ok) return set({ loadError: settings.error });
      if (!units.ok) return set({ loadError: units.error });
      set({ settings: settings.value, units: units.value, loadError: null });
    },
    async move(successorId, agencyId) {
      if (get().moving) return false;
      const before = get().settings?.unit?.name ?? null;
      set({ moving: true, moveError: null });
      const envelope = await client.invoke('settings.moveUnit', { successorId, agencyId });
      if (!envelope.ok) {
        set({ moving: false, moveError: envelope.error });
        return false;
      }
      set({ moving: false, settings: envelope.value, movedFrom: before });
      return true;
    },
    clearMoveError() {
      set({ moveError: null });
    },
  }));
}
