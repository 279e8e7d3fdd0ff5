import { z } from 'zod';
import type { Bieu06Report } from '../domain/reports/bieu06.js';
import { CSV_DIALECTS } from '../domain/reports/csv-dialect.js';
import { MAX_SERIES_DAYS, type DailySeries } from '../domain/reports/daily-series.js';
import type { LogBookRow } from '../domain/reports/log-book.js';
import type { OverdueList } from '../domain/reports/overdue-list.js';
import type { ReportPeriod } from '../domain/reports/report-period.js';
import { EXPORT_FORMATS, REPORT_KINDS, type ExportFormat, type ReportKind } from '../domain/reports/report-kinds.js';
import type { SatisfactionReport } from '../domain/reports/satisfaction.js';

// Supervisors' reports (issue 7): drawn up by the desk core from its own store, offline. Periods are
// Vietnam dates, both days included; the core also refuses a period written backwards or ending in
// the future (shared/domain/reports/report-period.ts), since only it knows today's date.

const reportDate = (which: 'bắt đầu' | 'kết thúc') =>
  z
    .string({ error: `Hãy chọn ngày ${which} của kỳ báo cáo.` })
    .trim()
    .min(1, `Hãy chọn ngày ${which} của kỳ báo cáo.`)
    .pipe(z.iso.date({ error: `Ngày ${which} kỳ báo cáo phải có dạng yyyy-MM-dd và có thật.` }));

const periodShape = { from: reportDate('bắt đầu'), to: reportDate('kết thúc') };

export const reportsDailySeriesArgs = z.strictObject({
  to: reportDate('kết thúc'),
  days: z
    .int(`Số ngày phải là số nguyên từ 1 đến ${MAX_SERIES_DAYS}.`)
    .min(1, `Số ngày phải là số nguyên từ 1 đến ${MAX_SERIES_DAYS}.`)
    .max(MAX_SERIES_DAYS, `Số ngày phải là số nguyên từ 1 đến ${MAX_SERIES_DAYS}.`)
    .default(30),
});
export const reportsBieu06Args = z.strictObject(periodShape);
export const reportsSatisfactionArgs = z.strictObject(periodShape);
export const reportsLogBookArgs = z.strictObject({
  ...periodShape,
  /** The screen pages through a long book; the export always holds every line. */
  limit: z.int().min(1).max(2000).default(500),
  offset: z.int().min(0).max(10_000_000).default(0),
});
export const reportsOverdueArgs = z.strictObject({});
export const reportsExportArgs = z.strictObject({
  report: z.enum(REPORT_KINDS, 'Loại báo cáo không có trong danh sách.'),
  format: z.enum(EXPORT_FORMATS, 'Định dạng tệp phải là xlsx hoặc csv.'),
  /** Ignored for the overdue list, which is drawn up as of now. */
  from: reportDate('bắt đầu').optional(),
  to: reportDate('kết thúc').optional(),
  /** CSV only: the dialect to write, remembered as the desk's choice; the desk's choice when absent. */
  csvDialect: z.enum(CSV_DIALECTS, 'Kiểu CSV phải là excel-vi hoặc rfc4180.').optional(),
});

/** Who the report is about and when it was drawn up, for its title block. */
export interface ReportHeader {
  unitName: string;
  unitGsoCode: string | null;
  /** ISO instant. */
  generatedAt: string;
}

export type DailySeriesResult = DailySeries & { header: ReportHeader };

export type Bieu06Result = Bieu06Report & {
  header: ReportHeader;
  /** Broken identities between columns (bieu06Problems); always empty unless there is a bug. */
  problems: string[];
};

export type SatisfactionResult = SatisfactionReport & { header: ReportHeader };

export interface LogBookResult {
  header: ReportHeader;
  period: ReportPeriod;
  rows: LogBookRow[];
  /** Lines in the whole period (the page shows `rows` from `offset`). */
  total: number;
  offset: number;
}

export type OverdueResult = OverdueList & { header: ReportHeader };

export interface ExportResult {
  fileName: string;
  /** Absolute path under <dataDir>/exports. */
  path: string;
  bytes: number;
  /** Data lines written (sectors, days, dossiers…). */
  rows: number;
  /** The file lists citizens: the UI reminds the officer to keep it safe. */
  personalData: boolean;
}

export type ExportPhase = 'collecting' | 'writing' | 'done';

/** Pushed while an export that takes more than a moment runs. */
export interface ReportProgress {
  report: ReportKind;
  format: ExportFormat;
  phase: ExportPhase;
  done: number;
  total: number;
}

export type { ExportFormat, ReportKind };
