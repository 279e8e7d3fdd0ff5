import ExcelJS from 'exceljs';
import type { DailyTally } from '../../shared/domain/dossier/tally.js';
import { formatVietnamTime } from '../../shared/domain/dossier/vietnam-time.js';
import { bieu06Cells, type Bieu06Row } from '../../shared/domain/reports/bieu06.js';
import { REPORT_TITLES } from '../../shared/domain/reports/report-kinds.js';
import { periodTitle, type ReportPeriod } from '../../shared/domain/reports/report-period.js';
import { BIEU06_COLUMNS, DAILY_TALLY_COLUMNS, type TableColumn } from '../../shared/domain/reports/report-tables.js';
import { rowLabel } from './city-units.js';
import type { Bieu06View, TallyView } from './dashboard-types.js';

// The dashboard's Excel files, laid out like the desk's (electron/core/reports/xlsx-writer.ts, which
// the centre may not import): agency and motto block, title, period, the official two-level header of
// Biểu 06, numbers as numbers, the total line and the signature block. The rows come from the same
// shared helpers (bieu06Cells, the desk's column labels); only the sheet-building is repeated here.

export const CITY_NAME = 'Thành phố Hạ Long';
const AGENCY = 'UBND THÀNH PHỐ HẠ LONG';
const OFFICE = 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG';
const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const COUNT_FORMAT = '#,##0';

type Sheet = ExcelJS.Worksheet;

function line(ws: Sheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' | 'right' = 'center'): void {
  if (to > from) ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
}

interface TitleBlock {
  formNumber: string | null;
  title: string;
  periodLine: string;
  unitLine: string;
  notes: string[];
}

/** Rows 1–3 (agency | motto), then title, period, unit and notes; returns the header's first row. */
function titleBlock(ws: Sheet, width: number, block: TitleBlock): number {
  const leftEnd = Math.max(2, Math.floor(width * 0.4));
  const rightStart = width - Math.max(2, Math.floor(width * 0.5)) + 1;
  line(ws, 1, 1, leftEnd, AGENCY, { bold: true });
  line(ws, 1, rightStart, width, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  line(ws, 2, 1, leftEnd, OFFICE, { bold: true, underline: true });
  line(ws, 2, rightStart, width, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  if (block.formNumber !== null) line(ws, 3, rightStart, width, block.formNumber, { italic: true }, 'right');
  let row = 4;
  line(ws, row++, 1, width, block.title.toUpperCase(), { bold: true, size: 13 });
  line(ws, row++, 1, width, block.periodLine, { italic: true });
  line(ws, row++, 1, width, block.unitLine, {});
  for (const note of block.notes) line(ws, row++, 1, width, note, { italic: true });
  return row + 1;
}

function headerCell(ws: Sheet, row: number, col: number, text: string, toRow = row, toCol = col): void {
  if (toRow > row || toCol > col) ws.mergeCells(row, col, toRow, toCol);
  for (let r = row; r <= toRow; r += 1) for (let c = col; c <= toCol; c += 1) ws.getCell(r, c).border = BORDER;
  const cell = ws.getCell(row, col);
  cell.value = text;
  cell.font = { name: FONT, size: 11, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** The official header of Biểu 06/VPCP/KSTT (three rows of merged labels, then (1)…(13)). */
function bieu06Header(ws: Sheet, h: number, firstColumnLabel: string): number {
  headerCell(ws, h, 1, 'STT', h + 2);
  headerCell(ws, h, 2, firstColumnLabel, h + 2);
  headerCell(ws, h, 3, 'Số hồ sơ nhận giải quyết', h, 6);
  headerCell(ws, h, 7, 'Kết quả giải quyết', h, 13);
  headerCell(ws, h + 1, 3, 'Tổng số', h + 2);
  headerCell(ws, h + 1, 4, 'Trong đó: số mới tiếp nhận', h + 1, 5);
  headerCell(ws, h + 1, 6, 'Số kỳ trước chuyển qua', h + 2);
  headerCell(ws, h + 1, 7, 'Số hồ sơ đã giải quyết', h + 1, 10);
  headerCell(ws, h + 1, 11, 'Số hồ sơ đang giải quyết', h + 1, 13);
  const third = ['Trực tuyến', 'Trực tiếp, dịch vụ bưu chính công ích', null, 'Tổng số', 'Trả trước hạn', 'Trả đúng thời hạn', 'Trả quá hạn', 'Tổng số', 'Chưa đến hạn', 'Quá hạn'];
  third.forEach((label, i) => {
    if (label !== null) headerCell(ws, h + 2, 4 + i, label);
  });
  for (let c = 1; c <= 13; c += 1) {
    headerCell(ws, h + 3, c, `(${c})`);
    ws.getCell(h + 3, c).font = { name: FONT, size: 10, italic: true };
  }
  ws.getRow(h + 2).height = 45;
  return h + 4;
}

function writeRow(ws: Sheet, rowNumber: number, cells: readonly (string | number)[], bold: boolean): void {
  const row = ws.getRow(rowNumber);
  cells.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    cell.value = value;
    if (typeof value === 'number') cell.numFmt = COUNT_FORMAT;
    cell.border = BORDER;
    cell.font = { name: FONT, size: 11, bold };
    cell.alignment = { vertical: 'top', wrapText: typeof value === 'string', horizontal: typeof value === 'number' ? 'right' : 'left' };
  });
}

function footer(ws: Sheet, from: number, width: number, generatedAt: string): void {
  const leftEnd = Math.max(2, Math.floor(width * 0.4));
  const rightStart = width - Math.max(2, Math.floor(width * 0.5)) + 1;
  const local = new Date(Date.parse(generatedAt) + 7 * 3_600_000);
  const date = `ngày ${String(local.getUTCDate()).padStart(2, '0')} tháng ${String(local.getUTCMonth() + 1).padStart(2, '0')} năm ${local.getUTCFullYear()}`;
  line(ws, from, rightStart, width, `Hạ Long, ${date}`, { italic: true });
  line(ws, from + 1, 1, leftEnd, 'NGƯỜI LẬP BIỂU', { bold: true });
  line(ws, from + 1, rightStart, width, 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true });
  line(ws, from + 2, rightStart, width, '(Ký, ghi rõ họ tên, đóng dấu)', { italic: true, size: 11 });
  line(ws, from + 5, 1, width, `Lập bằng phần mềm Một cửa Hạ Long (trung tâm) lúc ${formatVietnamTime(generatedAt)}.`, { italic: true, size: 10, color: { argb: 'FF4A5565' } }, 'left');
}

function newSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly Pick<TableColumn, 'width'>[]): Sheet {
  const ws = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  columns.forEach((column, i) => (ws.getColumn(i + 1).width = column.width));
  return ws;
}

function bieu06Sheet(workbook: ExcelJS.Workbook, name: string, block: TitleBlock, firstColumnLabel: string, rows: readonly Bieu06Row[], total: Bieu06Row, generatedAt: string): void {
  const ws = newSheet(workbook, name, BIEU06_COLUMNS);
  const headerStart = titleBlock(ws, 13, block);
  const first = bieu06Header(ws, headerStart, firstColumnLabel);
  ws.views = [{ state: 'frozen', ySplit: first - 1, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = `${headerStart}:${first - 1}`;
  rows.forEach((row, i) => writeRow(ws, first + i, bieu06Cells(row, i + 1), false));
  writeRow(ws, first + rows.length, bieu06Cells(total, null), true);
  footer(ws, first + rows.length + 2, 13, generatedAt);
}

const periodLine = (period: ReportPeriod) => `Kỳ báo cáo: ${periodTitle(period)}`;
const UNIT_NOTE = 'Đơn vị tính: số hồ sơ thủ tục hành chính.';

/** Biểu 06 per sector for the city (or one unit), and a second sheet with each unit's total line. */
export async function bieu06Workbook(view: Bieu06View, generatedAt: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Một cửa Hạ Long';
  workbook.title = REPORT_TITLES.bieu06;
  const scope = view.unit === null ? `${CITY_NAME} (${view.units.filter((u) => !u.former).length} đơn vị cấp xã)` : view.unit.name;
  const block = (notes: string[]): TitleBlock => ({
    formNumber: 'Biểu số 06/VPCP/KSTT',
    title: REPORT_TITLES.bieu06,
    periodLine: periodLine(view.period),
    unitLine: `Đơn vị báo cáo: ${scope}`,
    notes,
  });
  bieu06Sheet(workbook, 'Bieu06', block([UNIT_NOTE]), 'Lĩnh vực giải quyết', view.form.rows, view.form.total, generatedAt);
  bieu06Sheet(
    workbook,
    'TheoDonVi',
    { ...block([UNIT_NOTE, 'Mỗi dòng là dòng tổng cộng của Biểu 06 của một đơn vị.']), unitLine: `Đơn vị báo cáo: ${CITY_NAME}` },
    'Đơn vị',
    view.units.map((u) => u.row),
    { ...view.unitsTotal, sectorName: 'Tổng cộng' },
    generatedAt,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The daily tally's columns after the date (the desk's labels), then the two "as of now" counts. */
export const TALLY_COLUMN_LABELS: readonly string[] = [
  'STT',
  'Đơn vị',
  ...DAILY_TALLY_COLUMNS.slice(1).map((c) => c.label),
  'Quá hạn (tại thời điểm lập)',
  'Đến hạn trong 24 giờ',
];

export function tallyCells(index: number | null, name: string, t: DailyTally): (string | number)[] {
  const r = t.receivedByChannel;
  return [
    index ?? '',
    name,
    r.inPerson,
    r.online,
    r.postal,
    r.inPerson + r.online + r.postal,
    t.resultsReady,
    t.handedBack,
    t.withdrawn,
    t.supplementsRequested,
    t.feesVnd,
    t.ratings.very_satisfied,
    t.ratings.satisfied,
    t.ratings.not_satisfied,
    t.overdue,
    t.dueWithin24h,
  ];
}

/** The daily tally of every unit for one day, one line per unit and the city's total. */
export async function tallyWorkbook(view: TallyView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Một cửa Hạ Long';
  workbook.title = REPORT_TITLES.dailyTally;
  const widths = [{ width: 6 }, { width: 28 }, ...DAILY_TALLY_COLUMNS.slice(1), { width: 12 }, { width: 12 }];
  const ws = newSheet(workbook, 'ThongKeNgay', widths);
  const width = TALLY_COLUMN_LABELS.length;
  const headerStart = titleBlock(ws, width, {
    formNumber: null,
    title: `${REPORT_TITLES.dailyTally} của các đơn vị`,
    periodLine: periodTitle({ from: view.day, to: view.day }),
    unitLine: `Đơn vị báo cáo: ${CITY_NAME}`,
    notes: [`Số hồ sơ quá hạn và đến hạn trong 24 giờ tính tại thời điểm ${formatVietnamTime(view.asOf)}.`],
  });
  TALLY_COLUMN_LABELS.forEach((label, i) => headerCell(ws, headerStart, i + 1, label));
  ws.getRow(headerStart).height = 45;
  const first = headerStart + 1;
  ws.views = [{ state: 'frozen', ySplit: headerStart, xSplit: 2 }];
  view.units.forEach((u, i) => writeRow(ws, first + i, tallyCells(i + 1, rowLabel(u), u.tally), false));
  writeRow(ws, first + view.units.length, tallyCells(null, 'Tổng cộng', view.total), true);
  footer(ws, first + view.units.length + 2, width, view.asOf);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
