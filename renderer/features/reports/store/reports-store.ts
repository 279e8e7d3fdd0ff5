import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/contract/commands.js';
import type { DailyTally } from '../../../../shared/contract/dossiers.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { EventListener } from '../../../../shared/contract/events.js';
import type {
  Bieu06Result,
  DailySeriesResult,
  ExportResult,
  LogBookResult,
  OverdueResult,
  ReportHeader,
  ReportProgress,
  SatisfactionResult,
} from '../../../../shared/contract/reports.js';
import { CommandError } from '../../../../shared/contract/errors.js';
import { firstWrongField, readTypedRange, type RangeField } from '../../../ui/date-range.js';
import { formatLocalDate } from '../../../ui/format-date.js';
import { checkReportPeriod, quickPeriod, type QuickPeriod, type ReportPeriod } from '../../../../shared/domain/reports/report-period.js';
import type { CsvDialect } from '../../../../shared/domain/reports/csv-dialect.js';
import type { ExportFormat, ReportKind } from '../../../../shared/domain/reports/report-kinds.js';

/** What the screen shows for the chosen report (one at a time). */
export type ReportView =
  | { kind: 'bieu06'; result: Bieu06Result }
  | { kind: 'dailyTally'; date: string; tally: DailyTally; header: ReportHeader }
  | { kind: 'satisfaction'; result: SatisfactionResult }
  | { kind: 'logBook'; result: LogBookResult }
  | { kind: 'overdue'; result: OverdueResult };

export interface ExportState {
  format: ExportFormat;
  /** Set while 'reports.progress' events arrive for a long export. */
  progress: { done: number; total: number } | null;
}

export interface ReportsState {
  kind: ReportKind;
  /** The period last read from the date fields (or set by a quick pick), yyyy-MM-dd. */
  period: ReportPeriod;
  /** The date fields as the officer typed them, dd/MM/yyyy. */
  typed: { from: string; to: string };
  /** Why the typed dates cannot be a period, next to the field to correct. */
  dateErrors: Partial<Record<RangeField, string>>;
  /** The quick pick the period came from; null once a date was typed. */
  quick: QuickPeriod | null;
  today: string;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  view: ReportView | null;
  error: CommandErrorData | null;
  series: DailySeriesResult | null;
  seriesError: CommandErrorData | null;
  exporting: ExportState | null;
  lastExport: ExportResult | null;
  exportError: CommandErrorData | null;
  /** The CSV dialect the next CSV export is written in: the desk's choice, until the supervisor picks another. */
  csvDialect: CsvDialect | null;

  choose(kind: ReportKind): void;
  pickQuick(quick: QuickPeriod): void;
  typeDate(field: RangeField, text: string): void;
  /** Reads the typed dates into the period; when they cannot be one, the first field to correct (its reason in dateErrors). */
  readDates(): RangeField | null;
  /** Draws up the chosen report for the period (and the 30-day chart for the daily tally). */
  load(): Promise<void>;
  exportAs(format: ExportFormat): Promise<ExportResult | null>;
  /** Reads the desk's CSV dialect (Vietnamese Excel unless a supervisor chose otherwise). */
  loadCsvDialect(): Promise<void>;
  chooseCsvDialect(dialect: CsvDialect): void;
  /** Follows 'reports.progress'; returns the function that stops following. */
  follow(): () => void;
}

export type ReportsStore = StoreApi<ReportsState>;

export interface ReportsBackend extends DeskClient {
  onEvent(name: 'reports.progress', listener: EventListener<'reports.progress'>): () => void;
}

export const LOG_BOOK_SCREEN_ROWS = 500;
export const SERIES_DAYS = 30;

const typedPeriod = (period: ReportPeriod) => ({ from: formatLocalDate(period.from), to: formatLocalDate(period.to) });

export function createReportsStore(backend: ReportsBackend, today: string): ReportsStore {
  let request = 0;
  const initial = quickPeriod('thisQuarter', today);
  return createStore<ReportsState>()((set, get) => ({
    kind: 'bieu06',
    period: initial,
    typed: typedPeriod(initial),
    dateErrors: {},
    quick: 'thisQuarter',
    today,
    status: 'idle',
    view: null,
    error: null,
    series: null,
    seriesError: null,
    exporting: null,
    lastExport: null,
    exportError: null,
    csvDialect: null,

    choose(kind) {
      set({ kind, view: null, status: 'idle', error: null, lastExport: null, exportError: null });
      void get().load();
    },

    pickQuick(quick) {
      const period = quickPeriod(quick, get().today);
      set({ quick, period, typed: typedPeriod(period), dateErrors: {}, lastExport: null, exportError: null });
      void get().load();
    },

    typeDate(field, text) {
      set((state) => {
        const { [field]: _corrected, ...otherErrors } = state.dateErrors;
        return { quick: null, typed: { ...state.typed, [field]: text }, dateErrors: otherErrors, lastExport: null, exportError: null };
      });
    },

    readDates() {
      const range = readTypedRange(get().typed.from, get().typed.to);
      // A report left on screen would no longer match the fields: it goes with the refusal.
      const refuse = (dateErrors: Partial<Record<RangeField, string>>) => set({ dateErrors, status: 'idle', view: null, error: null });
      if (!range.ok) {
        refuse(range.errors);
        return firstWrongField(range.errors);
      }
      const period = { from: range.from, to: range.to };
      try {
        // The core refuses the same periods (a future end, too long a span); saying so here keeps the
        // message next to the field and spares a round trip.
        checkReportPeriod(period, get().today);
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        refuse({ to: error.message });
        return 'to';
      }
      set({ period, dateErrors: {} });
      return null;
    },

    async load() {
      const mine = ++request;
      if (get().kind !== 'overdue' && get().readDates() !== null) return;
      const { kind, period } = get();
      set({ status: 'loading', error: null });
      const settle = (view: ReportView | null, error: CommandErrorData | null) => {
        if (mine !== request) return; // a later question was asked meanwhile
        set(error === null ? { status: 'loaded', view, error: null } : { status: 'failed', view: null, error });
      };
      switch (kind) {
        case 'bieu06': {
          const answer = await backend.invoke('reports.bieu06', period);
          return settle(answer.ok ? { kind, result: answer.value } : null, answer.ok ? null : answer.error);
        }
        case 'satisfaction': {
          const answer = await backend.invoke('reports.satisfaction', period);
          return settle(answer.ok ? { kind, result: answer.value } : null, answer.ok ? null : answer.error);
        }
        case 'logBook': {
          const answer = await backend.invoke('reports.logBook', { ...period, limit: LOG_BOOK_SCREEN_ROWS });
          return settle(answer.ok ? { kind, result: answer.value } : null, answer.ok ? null : answer.error);
        }
        case 'overdue': {
          const answer = await backend.invoke('reports.overdue', {});
          return settle(answer.ok ? { kind, result: answer.value } : null, answer.ok ? null : answer.error);
        }
        case 'dailyTally': {
          const [tally, series] = await Promise.all([
            backend.invoke('tallies.daily', { date: period.to }),
            backend.invoke('reports.dailySeries', { to: period.to, days: SERIES_DAYS }),
          ]);
          if (mine !== request) return;
          set(series.ok ? { series: series.value, seriesError: null } : { series: null, seriesError: series.error });
          if (!tally.ok) return settle(null, tally.error);
          // tallies.daily has no title block of its own: the series answered with the same unit.
          const header = series.ok ? series.value.header : { unitName: '', unitGsoCode: null, generatedAt: new Date().toISOString() };
          return settle({ kind, date: period.to, tally: tally.value, header }, null);
        }
      }
    },

    async exportAs(format) {
      if (get().kind !== 'overdue' && get().readDates() !== null) return null;
      const { kind, period } = get();
      set({ exporting: { format, progress: null }, exportError: null, lastExport: null });
      // The dialect chosen on screen goes with a CSV export; the desk remembers it for the next one.
      const csvDialect = get().csvDialect;
      const dialect = format === 'csv' && csvDialect !== null ? { csvDialect } : {};
      const answer = await backend.invoke('reports.export', { report: kind, format, ...(kind === 'overdue' ? {} : period), ...dialect });
      if (answer.ok) {
        set({ exporting: null, lastExport: answer.value });
        return answer.value;
      }
      set({ exporting: null, exportError: answer.error });
      return null;
    },

    async loadCsvDialect() {
      const answer = await backend.invoke('preferences.get', {});
      if (answer.ok && get().csvDialect === null) set({ csvDialect: answer.value.csvDialect });
    },

    chooseCsvDialect(dialect) {
      set({ csvDialect: dialect });
    },

    follow() {
      return backend.onEvent('reports.progress', (progress: ReportProgress) => {
        const exporting = get().exporting;
        if (exporting === null || progress.format !== exporting.format || progress.report !== get().kind) return;
        set({ exporting: { ...exporting, progress: progress.phase === 'done' ? null : { done: progress.done, total: progress.total } } });
      });
    },
  }));
}
