import ExcelJS from 'exceljs';
import { VIETNAM_OFFSET_MS } from '../../../shared/domain/dossier/vietnam-time.js';
import type { Cell, CellKind, TableColumn } from '../../../shared/domain/reports/report-tables.js';
import type { ExportDocument } from './export-document.js';

// XLSX laid out like the paper forms: agency and national-motto block, title, period and unit, the
// table under a bordered header (Biểu 06 with its official two-level merged header and column numbers
// (1)…(13)), the total line, then place, date and signatures. Counts are numbers (not text) with
// number formats, times are real dates shown in Vietnam time, so the sheet sums and sorts.

type Worksheet = ExcelJS.Worksheet;

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const ROWS_PER_CHUNK = 2000;

const NUMBER_FORMATS: Readonly<Record<CellKind, string | null>> = {
  text: null,
  integer: '#,##0',
  money: '#,##0',
  percent: '0.0%',
  instant: 'dd/mm/yyyy hh:mm',
  date: 'dd/mm/yyyy',
};

function sheetValue(value: Cell, kind: CellKind): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  // Excel has no time zones: store the Vietnam wall clock, which is what the officer reads.
  if (kind === 'instant' && value !== '') return new Date(Date.parse(value) + VIETNAM_OFFSET_MS);
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

function mergedLine(ws: Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' | 'right' = 'center'): void {
  if (to > from) ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
}

/** Rows 1–3: the agency on the left, the national motto (and the form number) on the right. */
function titleBlock(ws: Worksheet, doc: ExportDocument, width: number): number {
  const leftEnd = Math.max(2, Math.floor(width * 0.4));
  const rightStart = width - Math.max(2, Math.floor(width * 0.5)) + 1;
  mergedLine(ws, 1, 1, leftEnd, doc.agency, { bold: true });
  mergedLine(ws, 1, rightStart, width, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  mergedLine(ws, 2, 1, leftEnd, 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ', { bold: true, underline: true });
  mergedLine(ws, 2, rightStart, width, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  if (doc.formNumber !== null) mergedLine(ws, 3, rightStart, width, doc.formNumber, { italic: true }, 'right');

  let row = 4;
  mergedLine(ws, row++, 1, width, doc.title, { bold: true, size: 13 });
  mergedLine(ws, row++, 1, width, doc.periodLine, { italic: true });
  mergedLine(ws, row++, 1, width, doc.unitLine, {});
  for (const note of doc.notes) mergedLine(ws, row++, 1, width, note, { italic: true });
  if (doc.personalDataNotice !== null) mergedLine(ws, row++, 1, width, doc.personalDataNotice, { bold: true, color: { argb: 'FFA4161A' } }, 'left');
  return row + 1;
}

function headerCell(ws: Worksheet, row: number, col: number, text: string, toRow = row, toCol = col): void {
  if (toRow > row || toCol > col) ws.mergeCells(row, col, toRow, toCol);
  for (let r = row; r <= toRow; r += 1) for (let c = col; c <= toCol; c += 1) ws.getCell(r, c).border = BORDER;
  const cell = ws.getCell(row, col);
  cell.value = text;
  cell.font = { name: FONT, size: 11, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** The official header of Biểu 06/VPCP/KSTT: three rows of merged labels, then the column numbers. */
function bieu06Header(ws: Worksheet, h: number): number {
  headerCell(ws, h, 1, 'STT', h + 2);
  headerCell(ws, h, 2, 'Lĩnh vực giải quyết', h + 2);
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

function simpleHeader(ws: Worksheet, h: number, columns: readonly TableColumn[]): number {
  columns.forEach((column, i) => headerCell(ws, h, i + 1, column.label));
  ws.getRow(h).height = 45;
  return h + 1;
}

function writeRow(ws: Worksheet, rowNumber: number, cells: readonly Cell[], columns: readonly TableColumn[], bold: boolean): void {
  const row = ws.getRow(rowNumber);
  cells.forEach((value, i) => {
    const column = columns[i]!;
    const cell = row.getCell(i + 1);
    cell.value = sheetValue(value, column.kind);
    const format = typeof value === 'number' || column.kind === 'instant' || column.kind === 'date' ? NUMBER_FORMATS[column.kind] : null;
    if (format !== null) cell.numFmt = format;
    cell.border = BORDER;
    cell.font = { name: FONT, size: 11, bold };
    cell.alignment = { vertical: 'top', wrapText: column.kind === 'text', horizontal: typeof value === 'number' ? 'right' : column.kind === 'text' ? 'left' : 'center' };
  });
}

function footer(ws: Worksheet, doc: ExportDocument, from: number, width: number): void {
  const leftEnd = Math.max(2, Math.floor(width * 0.4));
  const rightStart = width - Math.max(2, Math.floor(width * 0.5)) + 1;
  mergedLine(ws, from, rightStart, width, doc.placeAndDate, { italic: true });
  mergedLine(ws, from + 1, 1, leftEnd, 'NGƯỜI LẬP BIỂU', { bold: true });
  mergedLine(ws, from + 1, rightStart, width, 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true });
  mergedLine(ws, from + 2, rightStart, width, '(Ký, ghi rõ họ tên, đóng dấu)', { italic: true, size: 11 });
  if (doc.preparedBy !== null) mergedLine(ws, from + 5, 1, leftEnd, doc.preparedBy, { bold: true });
  mergedLine(ws, from + 7, 1, width, doc.generatedLine, { italic: true, size: 10, color: { argb: 'FF4A5565' } }, 'left');
}

export interface XlsxProgress {
  (rowsWritten: number): Promise<void>;
}

/** The workbook as bytes; `progress` is awaited after every chunk of rows (it may yield to the event loop). */
export async function xlsxBytes(doc: ExportDocument, sheetName: string, progress: XlsxProgress): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Một cửa Hạ Long';
  workbook.title = doc.title;
  const { columns, rows, total } = doc.table;
  const width = columns.length;
  const ws = workbook.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  columns.forEach((column, i) => (ws.getColumn(i + 1).width = column.width));

  const headerStart = titleBlock(ws, doc, width);
  const firstDataRow = doc.kind === 'bieu06' ? bieu06Header(ws, headerStart) : simpleHeader(ws, headerStart, columns);
  ws.views = [{ state: 'frozen', ySplit: firstDataRow - 1, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = `${headerStart}:${firstDataRow - 1}`;

  let next = firstDataRow;
  for (let i = 0; i < rows.length; i += 1) {
    writeRow(ws, next++, rows[i]!, columns, false);
    if ((i + 1) % ROWS_PER_CHUNK === 0) await progress(i + 1);
  }
  if (total !== null) writeRow(ws, next++, total, columns, true);
  footer(ws, doc, next + 1, width);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
