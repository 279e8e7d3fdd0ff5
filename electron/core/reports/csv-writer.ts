import { VIETNAM_OFFSET_MS } from '../../../shared/domain/dossier/vietnam-time.js';
import { CSV_PUNCTUATION, type CsvDialect, type CsvPunctuation } from '../../../shared/domain/reports/csv-dialect.js';
import type { Cell, CellKind } from '../../../shared/domain/reports/report-tables.js';
import type { ExportDocument } from './export-document.js';

// CSV for spreadsheets and other programs: UTF-8 with a byte-order mark (without it Excel reads
// Vietnamese as Windows-1252 mojibake), CRLF, quoted as RFC 4180 says, in the desk's dialect
// (csv-dialect.ts): ';' and a decimal comma for Vietnamese Excel, ',' and a point otherwise. The file
// is the table alone — the header line, the rows, the total line — so every program parses its
// columns from the first line; the personal-data notice travels in the file's name and in the XLSX
// title block instead (a notice line above the header would be read as the header). Numbers are plain
// (no thousands separators), shares are fractions (0,9412), dates are dd/MM/yyyy and times Vietnam
// time dd/MM/yyyy HH:mm, as the desk writes them everywhere.

export const UTF8_BOM = '\uFEFF';

// A text cell that a spreadsheet would run as a formula is defused with a leading apostrophe.
const FORMULA_START = /^(?:[=@\t\r]|[+-](?![\d\s]))/u;

function quote(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** 'yyyy-MM-dd' → 'dd/MM/yyyy'. */
function dayMonthYear(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function vietnamMinute(instant: string): string {
  const local = new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString();
  return `${dayMonthYear(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

export function csvCell(value: Cell, kind: CellKind, punctuation: CsvPunctuation = CSV_PUNCTUATION['excel-vi']): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    const text = kind === 'percent' ? value.toFixed(4) : String(value);
    return text.replace('.', punctuation.decimal);
  }
  if (kind === 'instant') return vietnamMinute(value);
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(value)) return dayMonthYear(value);
  return quote(FORMULA_START.test(value) ? `'${value}` : value, punctuation.separator);
}

export function csvText(doc: ExportDocument, dialect: CsvDialect): string {
  const punctuation = CSV_PUNCTUATION[dialect];
  const { columns, rows, total } = doc.table;
  const lines: string[] = [columns.map((c) => quote(c.label, punctuation.separator)).join(punctuation.separator)];
  for (const row of total === null ? rows : [...rows, total]) {
    lines.push(row.map((value, i) => csvCell(value, columns[i]!.kind, punctuation)).join(punctuation.separator));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
