import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CalendarView, CalendarYear } from '../../../../shared/contract/catalogue.js';
import type { DeskClient } from '../../../../shared/contract/commands.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';

export interface CalendarState {
  year: number;
  view: CalendarView | null;
  loadError: CommandErrorData | null;
  saveError: CommandErrorData | null;
  saving: boolean;
  load(year: number): Promise<void>;
  /** Stores the whole year at this desk; true when the core took it. */
  save(year: CalendarYear): Promise<boolean>;
  clearSaveError(): void;
}

export type CalendarStore = StoreApi<CalendarState>;

export function createCalendarStore(client: DeskClient, firstYear: number): CalendarStore {
  return createStore<CalendarState>()((set, get) => ({
    year: firstYear,
    view: null,
    loadError: null,
    saveError: null,
    saving: false,
    async load(year) {
      set({ year, loadError: null, saveError: null });
      const envelope = await client.invoke('calendar.get', { year });
      if (get().year !== year) return; // a later year was asked for meanwhile
      if (envelope.ok) set({ view: envelope.value });
      else set({ view: null, loadError: envelope.error });
    },
    async save(year) {
      if (get().saving) return false;
      set({ saving: true, saveError: null });
      const envelope = await client.invoke('calendar.set', { ...year, holidays: [...year.holidays], makeUpDays: [...year.makeUpDays] });
      if (!envelope.ok) {
        set({ saving: false, saveError: envelope.error });
        return false;
      }
      set({ saving: false, view: envelope.value });
      return true;
    },
    clearSaveError() {
      set({ saveError: null });
    },
  }));
}
