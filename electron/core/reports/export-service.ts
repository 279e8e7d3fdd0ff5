import type { z } from 'zod';
import { CommandError } from '../../../shared/contract/errors.js';
import type { ExportResult, ReportProgress, reportsExportArgs } from '../../../shared/contract/reports.js';
import { formatDay, type ReportPeriod } from '../../../shared/domain/reports/report-period.js';
import { holdsPersonalData, reportFileName, type ExportFormat, type ReportKind } from '../../../shared/domain/reports/report-kinds.js';
import { bieu06Table, dailyTallyTable, logBookTable, overdueTable, satisfactionTable, type FlatTable } from '../../../shared/domain/reports/report-tables.js';
import type { DeskEventBus } from '../event-bus.js';
import { readCsvDialect, writeCsvDialect } from '../settings/desk-preferences.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import { csvText } from './csv-writer.js';
import { exportDocument } from './export-document.js';
import { writeExportFile } from './export-files.js';
import type { ReportService } from './report-service.js';
import { xlsxBytes } from './xlsx-writer.js';

export interface ExportDeps {
  reports: ReportService;
  events: DeskEventBus;
  /** Where the desk keeps its CSV dialect. */
  settings: SettingsRepository;
  exportsDir: string;
  /** The supervisor drawing it up, for the signature block. */
  preparedBy: string | null;
}

/** Exports with more lines than this report their progress ('reports.progress'). */
export const PROGRESS_THRESHOLD_ROWS = 2000;

const SHEET_NAMES: Readonly<Record<ReportKind, string>> = {
  bieu06: 'Bieu06',
  dailyTally: 'Thong ke ngay',
  satisfaction: 'Hai long',
  logBook: 'So theo doi',
  overdue: 'Qua han',
};

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function requirePeriod(args: z.output<typeof reportsExportArgs>): ReportPeriod {
  if (args.from === undefined || args.to === undefined) {
    throw new CommandError('invalid_argument', 'Hãy chọn kỳ báo cáo: cần cả ngày bắt đầu và ngày kết thúc.');
  }
  return { from: args.from, to: args.to };
}

const nothingToExport = (what: string) => new CommandError('invalid_argument', `${what}: không có gì để xuất ra tệp.`);

interface Drawn {
  period: ReportPeriod | null;
  table: FlatTable;
  notes: string[];
  unitName: string;
  unitGsoCode: string | null;
  generatedAt: string;
}

function draw(reports: ReportService, args: z.output<typeof reportsExportArgs>): Drawn {
  if (args.report === 'overdue') {
    const list = reports.overdue();
    if (list.rows.length === 0) throw nothingToExport('Hiện không có hồ sơ nào quá hạn hoặc sắp đến hạn');
    const notes = [`${list.overdue} hồ sơ quá hạn, ${list.dueSoon} hồ sơ đến hạn trong 24 giờ.`];
    if (list.truncated) notes.push(`Chỉ liệt kê ${list.rows.length} hồ sơ cần xử lý gấp nhất.`);
    return { period: null, table: overdueTable(list), notes, unitName: list.header.unitName, unitGsoCode: list.header.unitGsoCode, generatedAt: list.header.generatedAt };
  }
  const period = requirePeriod(args);
  const span = `từ ngày ${formatDay(period.from)} đến ngày ${formatDay(period.to)}`;
  switch (args.report) {
    case 'bieu06': {
      const report = reports.bieu06(period);
      if (report.problems.length > 0) throw new CommandError('internal', `Số liệu Biểu 06 không khớp: ${report.problems.join('; ')}`);
      return { period, table: bieu06Table(report), notes: ['Đơn vị tính: số hồ sơ thủ tục hành chính.'], unitName: report.header.unitName, unitGsoCode: report.header.unitGsoCode, generatedAt: report.header.generatedAt };
    }
    case 'dailyTally': {
      const lines = reports.dayTallies(period);
      const header = reports.header();
      const notes: string[] = [];
      if (period.to === reports.today()) {
        const now = reports.overdue(0);
        notes.push(`Tại thời điểm lập báo cáo: ${now.overdue} hồ sơ quá hạn, ${now.dueSoon} hồ sơ đến hạn trong 24 giờ.`);
      }
      return { period, table: dailyTallyTable(lines), notes, unitName: header.unitName, unitGsoCode: header.unitGsoCode, generatedAt: header.generatedAt };
    }
    case 'satisfaction': {
      const report = reports.satisfaction(period);
      if (report.units.length === 0) throw nothingToExport(`Không có lượt đánh giá nào ${span}`);
      return { period, table: satisfactionTable(report), notes: ['Tỷ lệ tính trên số lượt có đánh giá (không tính lượt công dân không đánh giá).'], unitName: report.header.unitName, unitGsoCode: report.header.unitGsoCode, generatedAt: report.header.generatedAt };
    }
    case 'logBook': {
      const book = reports.logBook(period, null, 0);
      if (book.rows.length === 0) throw nothingToExport(`Không có hồ sơ nào được tiếp nhận ${span}`);
      return { period, table: logBookTable(book), notes: [], unitName: book.header.unitName, unitGsoCode: book.header.unitGsoCode, generatedAt: book.header.generatedAt };
    }
  }
}

/** Draws up the report, writes it to <dataDir>/exports/<file name> and says where it went. */
export async function exportReport(deps: ExportDeps, args: z.output<typeof reportsExportArgs>): Promise<ExportResult> {
  const drawn = draw(deps.reports, args);
  const format: ExportFormat = args.format;
  const rows = drawn.table.rows.length;
  const reportProgress = rows > PROGRESS_THRESHOLD_ROWS;
  const publish = (phase: ReportProgress['phase'], done: number) => {
    if (reportProgress) deps.events.publish('reports.progress', { report: args.report, format, phase, done, total: rows });
  };
  publish('writing', 0);

  const doc = exportDocument({
    kind: args.report,
    unitName: drawn.unitName,
    unitGsoCode: drawn.unitGsoCode,
    period: drawn.period,
    table: drawn.table,
    generatedAt: drawn.generatedAt,
    preparedBy: deps.preparedBy,
    notes: drawn.notes,
  });
  if (format === 'csv' && args.csvDialect !== undefined) writeCsvDialect(deps.settings, args.csvDialect);
  const bytes =
    format === 'csv'
      ? Buffer.from(csvText(doc, readCsvDialect(deps.settings)), 'utf8')
      : await xlsxBytes(doc, SHEET_NAMES[args.report], async (done) => {
          publish('writing', done);
          await yieldToEventLoop();
        });

  const fileName = reportFileName(args.report, drawn.unitName, drawn.period ?? { from: deps.reports.today(), to: deps.reports.today() }, format);
  const path = await writeExportFile(deps.exportsDir, fileName, bytes);
  publish('done', rows);
  return { fileName, path, bytes: bytes.length, rows, personalData: holdsPersonalData(args.report) };
}
