import { STATUS_LABELS } from '../dossier/lifecycle.js';
import type { DailyTally } from '../dossier/tally.js';
import { bieu06Cells, type Bieu06Report } from './bieu06.js';
import type { LogBook } from './log-book.js';
import type { OverdueList } from './overdue-list.js';
import type { SatisfactionLine, SatisfactionReport } from './satisfaction.js';

// Every report as one flat table (columns with Vietnamese labels and a kind, rows of plain cells):
// what the CSV files hold, what the generic XLSX sheet lays out, and what the screen shows. Biểu 06
// also has the official two-level header (electron/core/reports/xlsx-bieu06.ts); its flat labels here
// name the same 13 columns.

/** text; integer (a count); percent (a 0–1 share); money (đồng); instant (ISO, shown in Vietnam time); date (yyyy-MM-dd). */
export type CellKind = 'text' | 'integer' | 'percent' | 'money' | 'instant' | 'date';
export type Cell = string | number | null;

export interface TableColumn {
  readonly label: string;
  readonly kind: CellKind;
  /** Approximate width in characters, for the spreadsheet. */
  readonly width: number;
}

export interface FlatTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly Cell[])[];
  /** The total line ("Tổng cộng"), when the report has one. */
  readonly total: readonly Cell[] | null;
}

const col = (label: string, kind: CellKind, width = kind === 'text' ? 28 : kind === 'instant' ? 17 : 12): TableColumn => ({ label, kind, width });

export const BIEU06_COLUMNS: readonly TableColumn[] = [
  col('STT', 'integer', 6),
  col('Lĩnh vực giải quyết', 'text', 34),
  col('Tổng số hồ sơ nhận giải quyết', 'integer'),
  col('Tiếp nhận trực tuyến', 'integer'),
  col('Tiếp nhận trực tiếp, dịch vụ bưu chính công ích', 'integer'),
  col('Từ kỳ trước chuyển qua', 'integer'),
  col('Tổng số đã giải quyết', 'integer'),
  col('Trả trước hạn', 'integer'),
  col('Trả đúng thời hạn', 'integer'),
  col('Trả quá hạn', 'integer'),
  col('Tổng số đang giải quyết', 'integer'),
  col('Chưa đến hạn', 'integer'),
  col('Quá hạn', 'integer'),
];

export function bieu06Table(report: Bieu06Report): FlatTable {
  return {
    columns: BIEU06_COLUMNS,
    rows: report.rows.map((row, i) => bieu06Cells(row, i + 1)),
    total: bieu06Cells(report.total, null),
  };
}

export interface DayTallyLine {
  readonly date: string;
  readonly tally: Omit<DailyTally, 'overdue' | 'dueWithin24h'>;
}

export const DAILY_TALLY_COLUMNS: readonly TableColumn[] = [
  col('Ngày', 'date', 12),
  col('Tiếp nhận trực tiếp', 'integer'),
  col('Tiếp nhận trực tuyến', 'integer'),
  col('Tiếp nhận qua bưu chính', 'integer'),
  col('Tổng tiếp nhận', 'integer'),
  col('Có kết quả', 'integer'),
  col('Đã trả kết quả', 'integer'),
  col('Rút hồ sơ', 'integer'),
  col('Yêu cầu bổ sung', 'integer'),
  col('Phí, lệ phí (đồng)', 'money', 16),
  col('Rất hài lòng', 'integer'),
  col('Hài lòng', 'integer'),
  col('Không hài lòng', 'integer'),
];

function tallyCells(label: Cell, t: DayTallyLine['tally']): Cell[] {
  const r = t.receivedByChannel;
  return [
    label,
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
  ];
}

export function dailyTallyTable(lines: readonly DayTallyLine[]): FlatTable {
  const rows = lines.map((line) => tallyCells(line.date, line.tally));
  const total = DAILY_TALLY_COLUMNS.map((_, i) => (i === 0 ? 'Tổng cộng' : rows.reduce((sum, row) => sum + Number(row[i] ?? 0), 0)));
  return { columns: DAILY_TALLY_COLUMNS, rows, total };
}

export const SATISFACTION_COLUMNS: readonly TableColumn[] = [
  col('Theo', 'text', 18),
  col('Đơn vị / cán bộ tiếp nhận', 'text', 30),
  col('Số lượt đánh giá', 'integer'),
  col('Rất hài lòng', 'integer'),
  col('Tỷ lệ rất hài lòng', 'percent'),
  col('Hài lòng', 'integer'),
  col('Tỷ lệ hài lòng', 'percent'),
  col('Không hài lòng', 'integer'),
  col('Tỷ lệ không hài lòng', 'percent'),
  col('Không đánh giá', 'integer'),
];

function satisfactionCells(group: string, line: SatisfactionLine): Cell[] {
  const c = line.counts;
  const r = line.rates;
  return [group, line.label, c.ratings, c.verySatisfied, r.verySatisfied, c.satisfied, r.satisfied, c.notSatisfied, r.notSatisfied, c.declined];
}

export function satisfactionTable(report: SatisfactionReport): FlatTable {
  return {
    columns: SATISFACTION_COLUMNS,
    rows: [...report.units.map((l) => satisfactionCells('Đơn vị', l)), ...report.officers.map((l) => satisfactionCells('Cán bộ tiếp nhận', l))],
    total: satisfactionCells('', report.total),
  };
}

export const LOG_BOOK_COLUMNS: readonly TableColumn[] = [
  col('STT', 'integer', 6),
  col('Mã hồ sơ', 'text', 26),
  col('Tên thủ tục hành chính', 'text', 40),
  col('Số bộ hồ sơ', 'integer', 8),
  col('Tên người nộp / chủ hồ sơ', 'text', 26),
  col('Địa chỉ', 'text', 32),
  col('Số điện thoại', 'text', 14),
  col('Cơ quan chủ trì giải quyết', 'text', 26),
  col('Nhận hồ sơ', 'instant'),
  col('Hẹn trả kết quả', 'instant'),
  col('Chuyển hồ sơ đến cơ quan giải quyết', 'instant'),
  col('Nhận kết quả từ cơ quan giải quyết', 'instant'),
  col('Trả kết quả cho công dân', 'instant'),
  col('Ghi chú', 'text', 36),
];

export function logBookTable(book: LogBook): FlatTable {
  return {
    columns: LOG_BOOK_COLUMNS,
    rows: book.rows.map((r, i) => [
      i + 1,
      r.code,
      r.procedureName,
      r.sets,
      r.ownerName === null ? r.applicantName : `${r.applicantName} (cho ${r.ownerName})`,
      r.address,
      r.phone,
      r.leadAgency,
      r.receivedAt,
      r.appointmentAt,
      r.forwardedAt,
      r.resultAt,
      r.handedBackAt,
      r.note,
    ]),
    total: null,
  };
}

export const OVERDUE_COLUMNS: readonly TableColumn[] = [
  col('STT', 'integer', 6),
  col('Mã hồ sơ', 'text', 26),
  col('Tên thủ tục hành chính', 'text', 40),
  col('Lĩnh vực', 'text', 22),
  col('Người nộp', 'text', 26),
  col('Số điện thoại', 'text', 14),
  col('Nhận hồ sơ', 'instant'),
  col('Hẹn trả kết quả', 'instant'),
  col('Tình trạng', 'text', 22),
  col('Trạng thái', 'text', 18),
];

const HOUR_MS = 3_600_000;

/** "Quá hạn 3 ngày" / "Quá hạn 5 giờ" / "Đến hạn trong 6 giờ". */
export function overdueWording(appointmentAt: string, asOf: string): string {
  const diff = Date.parse(asOf) - Date.parse(appointmentAt);
  if (diff > 0) {
    const hours = Math.floor(diff / HOUR_MS);
    return hours >= 24 ? `Quá hạn ${Math.floor(hours / 24)} ngày` : `Quá hạn ${Math.max(hours, 1)} giờ`;
  }
  return `Đến hạn trong ${Math.max(1, Math.ceil(-diff / HOUR_MS))} giờ`;
}

export function overdueTable(list: OverdueList): FlatTable {
  return {
    columns: OVERDUE_COLUMNS,
    rows: list.rows.map((r, i) => [
      i + 1,
      r.code,
      r.procedureName,
      r.sectorName,
      r.applicantName,
      r.phone,
      r.receivedAt,
      r.appointmentAt,
      overdueWording(r.appointmentAt, list.asOf),
      STATUS_LABELS[r.status],
    ]),
    total: null,
  };
}
