import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Procedure } from '../../../../shared/contract/catalogue.js';
import type { DailyTally, DossierRow } from '../../../../shared/contract/dossiers.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { DeskBackend } from '../../../backend/desk-backend.js';
import { vietnamToday } from '../../../ui/format-date.js';
import { NO_FILTERS, searchArgs, type WorklistFilters } from './worklist-filters.js';

/** Rows fetched per request: a few screens' worth, so scrolling rarely waits. */
export const PAGE_SIZE = 100;
/** Pages kept in memory; beyond this the pages farthest from the screen are dropped and refetched if needed. */
export const MAX_CACHED_PAGES = 40;
/** The core stops counting past this many matches (search-repository.ts TOTAL_CAP) and answers cap + 1. */
export const TOTAL_CAP = 10_000;

/** True when the core's total is its "more than TOTAL_CAP" answer rather than a count. */
export function isCappedTotal(total: number): boolean {
  return total === TOTAL_CAP + 1;
}

interface CachedPage {
  rows: DossierRow[];
  /** The query generation it was fetched for; an older one is shown until its refetch arrives. */
  generation: number;
}

export interface RowRange {
  start: number;
  end: number;
}

export interface WorklistState {
  filters: WorklistFilters;
  /** Matches as the core counted them (capped, see TOTAL_CAP); null before the first answer. */
  total: number | null;
  /** Rows the table scrolls through: the total, or (past the cap) what has been seen plus one page. */
  rowCount: number;
  /** Changes with every new question (filters): the table starts again from the top. */
  queryVersion: number;
  pages: Readonly<Record<number, CachedPage>>;
  error: CommandErrorData | null;
  selectedIndex: number;
  tally: DailyTally | null;
  tallyError: CommandErrorData | null;
  procedures: Procedure[];

  setFilters(patch: Partial<WorklistFilters>): void;
  /** Runs a search still waiting for a pause in typing now (the officer pressed Enter to go to the list). */
  flushSearch(): void;
  /** Only this status (e.g. 9, results waiting to be handed back), every other filter cleared. */
  showOnlyStatus(status: WorklistFilters['status']): void;
  /** True while the list is narrowed by showOnlyStatus (F4) and the officer has not touched the filters since. */
  statusOnly: boolean;
  /** Ends showOnlyStatus's narrowing (a later F3 search looks through every dossier); a status the officer chose stays. */
  leaveStatusOnly(): void;
  clearFilters(): void;
  /** The officer signed out: their search and the rows it found are forgotten, without asking the core. */
  forgetSearch(): void;
  /** The table tells which rows are on screen; missing pages are fetched. */
  ensureRange(range: RowRange): void;
  select(index: number): void;
  moveSelection(delta: number): void;
  /** Refetches what is on screen (after a change elsewhere), keeping the rows shown until then. */
  refresh(): void;
  loadTally(): Promise<void>;
  loadProcedures(): Promise<void>;
  /** Follows `dossiers.changed`; returns the function that stops following. */
  follow(): () => void;
}

export type WorklistStore = StoreApi<WorklistState>;

export interface WorklistStoreOptions {
  /** Wait after a keystroke in the search box before asking the core; 0 in tests. */
  debounceMs?: number;
  now?: () => Date;
}

/** The row at `index` from the cache, or undefined while its page is on its way. */
export function rowAt(state: Pick<WorklistState, 'pages'>, index: number): DossierRow | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.rows[index % PAGE_SIZE];
}

export function createWorklistStore(backend: DeskBackend, options: WorklistStoreOptions = {}): WorklistStore {
  const debounceMs = options.debounceMs ?? 250;
  const now = options.now ?? (() => new Date());
  let generation = 0;
  let lastRange: RowRange = { start: 0, end: 50 };
  let debounce: ReturnType<typeof setTimeout> | null = null;
  // Page → generation being fetched, so a page is asked for once per generation.
  const inFlight = new Map<number, number>();
  // Past the cap the true count is unknown: learn it from a short page.
  let knownEnd = 0;
  let exhausted = false;

  const store = createStore<WorklistState>()((set, get) => {
    const computeRowCount = (total: number): number => {
      if (!isCappedTotal(total)) return total;
      return exhausted ? knownEnd : Math.max(total, knownEnd + PAGE_SIZE);
    };

    const fetchPage = async (page: number): Promise<void> => {
      const mine = generation;
      if (inFlight.get(page) === mine) return;
      inFlight.set(page, mine);
      const envelope = await backend.invoke('dossiers.search', searchArgs(get().filters, PAGE_SIZE, page * PAGE_SIZE));
      if (inFlight.get(page) === mine) inFlight.delete(page);
      if (mine !== generation) return; // the filters changed meanwhile: this answer is for another question
      if (!envelope.ok) return set({ error: envelope.error });
      const { rows, total } = envelope.value;
      if (rows.length > 0) knownEnd = Math.max(knownEnd, page * PAGE_SIZE + rows.length);
      if (rows.length < PAGE_SIZE) {
        exhausted = true;
        knownEnd = Math.max(knownEnd, page * PAGE_SIZE + rows.length);
      }
      const pages = { ...get().pages, [page]: { rows, generation: mine } };
      set({ pages: evictFarPages(pages, page), total, rowCount: computeRowCount(total), error: null });
    };

    const load = (range: RowRange): void => {
      const firstPage = Math.floor(range.start / PAGE_SIZE);
      const lastPage = Math.floor(Math.max(range.start, range.end - 1) / PAGE_SIZE);
      for (let page = firstPage; page <= lastPage; page += 1) {
        const cached = get().pages[page];
        if (!cached || cached.generation !== generation) void fetchPage(page);
      }
    };

    const restart = (): void => {
      if (debounce) clearTimeout(debounce);
      debounce = null;
      generation += 1;
      knownEnd = 0;
      exhausted = false;
      set({ pages: {}, total: null, rowCount: 0, selectedIndex: 0, error: null, queryVersion: get().queryVersion + 1 });
      lastRange = { start: 0, end: Math.max(50, lastRange.end - lastRange.start) };
      load(lastRange);
    };

    return {
      filters: NO_FILTERS,
      statusOnly: false,
      total: null,
      rowCount: 0,
      queryVersion: 0,
      pages: {},
      error: null,
      selectedIndex: 0,
      tally: null,
      tallyError: null,
      procedures: [],

      setFilters(patch) {
        set({ filters: { ...get().filters, ...patch }, statusOnly: false });
        // Typed fields wait for a pause in typing; choices (status, checkboxes) apply at once.
        const typed = Object.keys(patch).every((key) => key === 'text' || key === 'receivedFrom' || key === 'receivedTo');
        if (!typed || debounceMs === 0) return restart();
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(restart, debounceMs);
      },

      flushSearch() {
        if (debounce) restart();
      },

      showOnlyStatus(status) {
        set({ filters: { ...NO_FILTERS, status }, statusOnly: true });
        restart();
      },

      leaveStatusOnly() {
        if (!get().statusOnly) return;
        set({ filters: { ...get().filters, status: '' }, statusOnly: false });
        restart();
      },

      clearFilters() {
        set({ filters: NO_FILTERS, statusOnly: false });
        restart();
      },

      forgetSearch() {
        if (debounce) clearTimeout(debounce);
        debounce = null;
        generation += 1;
        knownEnd = 0;
        exhausted = false;
        set({ filters: NO_FILTERS, statusOnly: false, pages: {}, total: null, rowCount: 0, selectedIndex: 0, error: null, queryVersion: get().queryVersion + 1 });
      },

      ensureRange(range) {
        lastRange = range;
        load(range);
      },

      select(index) {
        const { rowCount } = get();
        set({ selectedIndex: Math.max(0, Math.min(index, rowCount - 1)) });
      },

      moveSelection(delta) {
        get().select(get().selectedIndex + delta);
      },

      refresh() {
        generation += 1;
        load(lastRange);
        const selectedPage = Math.floor(get().selectedIndex / PAGE_SIZE);
        if (!get().pages[selectedPage] || get().pages[selectedPage]?.generation !== generation) void fetchPage(selectedPage);
      },

      async loadTally() {
        const envelope = await backend.invoke('tallies.daily', { date: vietnamToday(now()) });
        if (envelope.ok) set({ tally: envelope.value, tallyError: null });
        else set({ tallyError: envelope.error });
      },

      async loadProcedures() {
        if (get().procedures.length > 0) return;
        const envelope = await backend.invoke('catalogue.procedures', {});
        if (envelope.ok) set({ procedures: envelope.value.procedures });
      },

      follow() {
        return backend.onEvent('dossiers.changed', () => {
          get().refresh();
          void get().loadTally();
        });
      },
    };
  });

  return store;
}

/** Keeps at most MAX_CACHED_PAGES pages, dropping those farthest from the one just fetched. */
function evictFarPages(pages: Record<number, CachedPage>, around: number): Record<number, CachedPage> {
  const keys = Object.keys(pages).map(Number);
  if (keys.length <= MAX_CACHED_PAGES) return pages;
  const keep = keys.sort((a, b) => Math.abs(a - around) - Math.abs(b - around)).slice(0, MAX_CACHED_PAGES);
  return Object.fromEntries(keep.map((key) => [key, pages[key]!]));
}
