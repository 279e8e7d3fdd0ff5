import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Unit } from '../../../../shared/contract/catalogue.js';
import { COMMAND_SCHEMAS, type DeskClient } from '../../../../shared/contract/commands.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { DeskSettings } from '../../../../shared/contract/setup.js';
import { checkArgs, fieldErrorsFromMessage, type FieldErrors } from '../../../ui/field-errors.js';

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
  /** The station and identifier form: its refusal and per-field problems, and whether it just saved. */
  saveError: CommandErrorData | null;
  saveErrors: FieldErrors;
  saved: boolean;
  /** Saves a new station number and agency identifier for the desk's unit; true when saved. */
  save(station: string, agencyId: string): Promise<boolean>;
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
    saveError: null,
    saveErrors: {},
    saved: false,
    async save(station, agencyId) {
      const unit = get().settings?.unit;
      if (!unit || get().moving) return false;
      const args = { unitGsoCode: unit.gsoCode, ...(unit.id === null ? {} : { unitId: unit.id }), station: Number(station), agencyId };
      const saveErrors = checkArgs(COMMAND_SCHEMAS['settings.set'], args);
      if (station.trim() === '') return (set({ saveErrors: { station: 'Hãy nhập số quầy (1–9).' }, saveError: null, saved: false }), false);
      if (Object.keys(saveErrors).length > 0) return (set({ saveErrors, saveError: null, saved: false }), false);
      set({ moving: true, saveErrors: {}, saveError: null, saved: false });
      const envelope = await client.invoke('settings.set', args);
      if (!envelope.ok) return (set({ moving: false, saveError: envelope.error, saveErrors: fieldErrorsFromMessage(envelope.error.message) }), false);
      set({ moving: false, settings: envelope.value, saved: true });
      return true;
    },
  }));
}
