import { CommandError } from '../../contract/errors.js';
import { addDaysToLocalDate, daysBetweenLocalDates, formatLocalDate, isLocalDate } from '../calendar/vietnam-time.js';

// A reporting period (kỳ báo cáo): two Vietnam calendar dates, both included. Reports compare dates,
// never times (DOMAIN.md, "Reports"), so a period is days, not instants.

export interface ReportPeriod {
  /** First day, yyyy-MM-dd (Vietnam date). */
  readonly from: string;
  /** Last day, yyyy-MM-dd, included. */
  readonly to: string;
}

/** The longest period a report may span: two years (a yearly Biểu 06 with room to compare). */
export const MAX_PERIOD_DAYS = 731;

/** dd/MM/yyyy, as dates are written on the forms (the calendar's formatter, under the reports' name). */
export const formatDay = formatLocalDate;

/**
 * Refuses a period that cannot give a true report, with a message the supervisor can act on:
 * a date that does not exist, a period written backwards, one that ends after today (there is no
 * data for tomorrow, and a report "as of" a future day would present guesses as facts), or one too long.
 */
export function checkReportPeriod(period: ReportPeriod, today: string): ReportPeriod {
  const { from, to } = period;
  if (!isLocalDate(from)) throw new CommandError('invalid_argument', `Ngày bắt đầu kỳ báo cáo "${from}" không có thật (cần dạng yyyy-MM-dd).`);
  if (!isLocalDate(to)) throw new CommandError('invalid_argument', `Ngày kết thúc kỳ báo cáo "${to}" không có thật (cần dạng yyyy-MM-dd).`);
  if (from > to) {
    throw new CommandError(
      'invalid_argument',
      `Kỳ báo cáo bị ngược: ngày bắt đầu ${formatDay(from)} nằm sau ngày kết thúc ${formatDay(to)}. Hãy đổi lại hai ngày.`,
    );
  }
  if (to > today) {
    throw new CommandError(
      'invalid_argument',
      `Ngày kết thúc kỳ báo cáo ${formatDay(to)} ở tương lai: số liệu chỉ có đến hôm nay (${formatDay(today)}). Hãy chọn ngày kết thúc không muộn hơn hôm nay.`,
    );
  }
  if (daysBetweenLocalDates(from, to) + 1 > MAX_PERIOD_DAYS) {
    throw new CommandError('invalid_argument', `Kỳ báo cáo dài quá ${MAX_PERIOD_DAYS} ngày: hãy chia thành các kỳ ngắn hơn.`);
  }
  return period;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The calendar quarter (1–4) of a yyyy-MM-dd date. */
export function quarterOf(date: string): 1 | 2 | 3 | 4 {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): ReportPeriod {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { from: `${year}-${pad2(firstMonth)}-01`, to: lastDayOfMonth(year, firstMonth + 2) };
}

export type QuickPeriod = 'today' | 'thisMonth' | 'thisQuarter' | 'lastQuarter';

export const QUICK_PERIOD_LABELS: Readonly<Record<QuickPeriod, string>> = {
  today: 'Hôm nay',
  thisMonth: 'Tháng này',
  thisQuarter: 'Quý này',
  lastQuarter: 'Quý trước',
};

/** The quick picks of the report screen; the current month and quarter end today, never in the future. */
export function quickPeriod(kind: QuickPeriod, today: string): ReportPeriod {
  const year = Number(today.slice(0, 4));
  const quarter = quarterOf(today);
  switch (kind) {
    case 'today':
      return { from: today, to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'thisQuarter':
      return { from: quarterPeriod(year, quarter).from, to: today };
    case 'lastQuarter':
      return quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, (quarter - 1) as 1 | 2 | 3);
  }
}

type PeriodShape =
  | { kind: 'day'; date: string }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'year'; year: number }
  | { kind: 'range' };

function shapeOf({ from, to }: ReportPeriod): PeriodShape {
  if (from === to) return { kind: 'day', date: from };
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  if (from.slice(8) !== '01' || to.slice(0, 4) !== from.slice(0, 4)) return { kind: 'range' };
  if (to === lastDayOfMonth(year, month) && month === Number(to.slice(5, 7))) return { kind: 'month', year, month };
  const quarter = quarterOf(from);
  const q = quarterPeriod(year, quarter);
  if (q.from === from && q.to === to) return { kind: 'quarter', year, quarter };
  if (from === `${year}-01-01` && to === `${year}-12-31`) return { kind: 'year', year };
  return { kind: 'range' };
}

/** The period as it goes into a file name: 2026-11-23, 2026-11, 2026-Q4, 2026, or 2026-10-01_2026-11-23. */
export function periodFileLabel(period: ReportPeriod): string {
  const shape = shapeOf(period);
  switch (shape.kind) {
    case 'day':
      return shape.date;
    case 'month':
      return `${shape.year}-${pad2(shape.month)}`;
    case 'quarter':
      return `${shape.year}-Q${shape.quarter}`;
    case 'year':
      return String(shape.year);
    case 'range':
      return `${period.from}_${period.to}`;
  }
}

/** The period as written under a report's title: "Quý IV năm 2026 (từ ngày 01/10/2026 đến ngày 31/12/2026)". */
export function periodTitle(period: ReportPeriod): string {
  const shape = shapeOf(period);
  const span = `từ ngày ${formatDay(period.from)} đến ngày ${formatDay(period.to)}`;
  switch (shape.kind) {
    case 'day':
      return `Ngày ${formatDay(shape.date)}`;
    case 'month':
      return `Tháng ${pad2(shape.month)} năm ${shape.year} (${span})`;
    case 'quarter':
      return `Quý ${ROMAN_QUARTERS[shape.quarter - 1]} năm ${shape.year} (${span})`;
    case 'year':
      return `Năm ${shape.year} (${span})`;
    case 'range':
      return `Từ ngày ${formatDay(period.from)} đến ngày ${formatDay(period.to)}`;
  }
}

/** Every date of the period, in order. */
export function daysOf(period: ReportPeriod): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDaysToLocalDate(day, 1)) days.push(day);
  return days;
}
