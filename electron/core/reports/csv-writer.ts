import { VIETNAM_OFFSET_MS } from '../../../shared/domain/dossier/vietnam-time.js';
import type { Cell, CellKind } from '../../../shared/domain/reports/report-tables.js';
import type { ExportDocument } from './export-document.js';

// CSV for spreadsheets and other programs: UTF-8 with a byte-order mark (without it Excel reads
// Vietnamese as Windows-1252 mojibake), comma-separated, CRLF, quoted as RFC 4180 says. One header
// line and the rows (and the total line); a file that lists citizens starts with the personal-data
// notice on a line of its own. Numbers are plain (no thousands separators), shares are fractions
// with a dot (0.9412), times are Vietnam time "yyyy-MM-dd HH:mm".

export const UTF8_BOM = '\uFEFF';

// A text cell that a spreadsheet would run as a formula is defused with a leading apostrophe.
const FORMULA_START = /^(?:[=@\t\r]|[+-](?![\d\s]))/u;

function quote(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function vietnamMinute(instant: string): string {
  return new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function csvCell(value: Cell, kind: CellKind): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return kind === 'percent' ? value.toFixed(4) : String(value);
  if (kind === 'instant') return vietnamMinute(value);
  return quote(FORMULA_START.test(value) ? `'${value}` : value);
}

export function csvText(doc: ExportDocument): string {
  const { columns, rows, total } = doc.table;
  const lines: string[] = [];
  if (doc.personalDataNotice !== null) lines.push(quote(doc.personalDataNotice));
  lines.push(columns.map((c) => quote(c.label)).join(','));
  for (const row of total === null ? rows : [...rows, total]) {
    lines.push(row.map((value, i) => csvCell(value, columns[i]!.kind)).join(','));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
