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
  /** The desk's phone for citizens (printed on forms 01–03), as stored: digits, or null when not set. */
  phone: string | null;
  /** Why the phone was not saved, shown at the field (the contract's own check runs before sending). */
  phoneError: string | null;
  phoneSaved: boolean;
  /** Saves the phone as typed ("0203 3825 123"); an empty text clears it. True when saved. */
  savePhone(text: string): Promise<boolean>;
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
      const [settings, units, preferences] = await Promise.all([
        client.invoke('settings.get', {}),
        client.invoke('catalogue.units', {}),
        client.invoke('preferences.get', {}),
      ]);
      if (!settings.ok) return set({ loadError: settings.error });
      if (!units.ok) return set({ loadError: units.error });
      if (!preferences.ok) return set({ loadError: preferences.error });
      set({ settings: settings.value, units: units.value, phone: preferences.value.phone, loadError: null });
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
    phone: null,
    phoneError: null,
    phoneSaved: false,
    async savePhone(text) {
      const args = { phone: text.trim() === '' ? null : text };
      const problems = checkArgs(COMMAND_SCHEMAS['preferences.set'], args);
      if (Object.keys(problems).length > 0) return (set({ phoneError: Object.values(problems)[0] ?? null, phoneSaved: false }), false);
      set({ phoneError: null, phoneSaved: false });
      const envelope = await client.invoke('preferences.set', args);
      if (!envelope.ok) return (set({ phoneError: envelope.error.message }), false);
      set({ phone: envelope.value.phone, phoneSaved: true });
      return true;
    },
  }));
}
