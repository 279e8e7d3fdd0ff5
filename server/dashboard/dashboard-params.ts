import { CommandError } from '../../shared/contract/errors.js';
import { isLocalDate } from '../../shared/domain/dossier/vietnam-time.js';
import { checkReportPeriod, formatDay, type ReportPeriod } from '../../shared/domain/reports/report-period.js';
import { invalidRequest } from '../http/centre-error.js';
import type { CountBy } from './dashboard-types.js';

// The dashboard's inputs, checked with the desk's rules (checkReportPeriod) and refused with a message
// centre staff can act on — an empty period, a period backwards, a date in the future — never an
// empty table that looks like "nothing happened".

function refuse(error: unknown): never {
  if (error instanceof CommandError) throw invalidRequest(error.message);
  throw error;
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** A period from the query; both ends are required (the page fills defaults before asking). */
export function periodOf(from: string | undefined, to: string | undefined, today: string): ReportPeriod {
  if (blank(from) && blank(to)) throw invalidRequest('Kỳ báo cáo đang trống: hãy chọn ngày bắt đầu và ngày kết thúc.');
  if (blank(from)) throw invalidRequest('Hãy chọn ngày bắt đầu của kỳ báo cáo.');
  if (blank(to)) throw invalidRequest('Hãy chọn ngày kết thúc của kỳ báo cáo.');
  try {
    return checkReportPeriod({ from: from!.trim(), to: to!.trim() }, today);
  } catch (error) {
    return refuse(error);
  }
}

/** The day of the daily tally: today when not given; never in the future. */
export function tallyDayOf(day: string | undefined, today: string): string {
  if (day === undefined) return today;
  const value = day.trim();
  if (value === '') throw invalidRequest('Hãy chọn ngày thống kê.');
  if (!isLocalDate(value)) throw invalidRequest(`Ngày thống kê "${value}" không có thật (cần dạng yyyy-MM-dd).`);
  if (value > today) {
    throw invalidRequest(`Ngày thống kê ${formatDay(value)} ở tương lai: số liệu chỉ có đến hôm nay (${formatDay(today)}).`);
  }
  return value;
}

/** The unit Biểu 06 is drawn up for: null (the whole city) when not given. */
export function unitFilterOf(unit: string | undefined, known: ReadonlySet<string>): string | null {
  if (blank(unit)) return null;
  const value = unit!.trim();
  if (!known.has(value)) throw invalidRequest(`Không có đơn vị mang mã ${value} trong danh sách đơn vị của thành phố.`);
  return value;
}

/**
 * Whose line a former unit's dossiers count on: `countBy=present` ("theo đơn vị hiện nay") moves them to
 * the unit it became; by default (`received`) they stay with the unit that received them.
 */
export function countByOf(raw: string | undefined): CountBy {
  if (blank(raw) || raw!.trim() === 'received') return 'received';
  if (raw!.trim() === 'present') return 'present';
  throw invalidRequest(`Cách tính "${raw!.trim()}" không có: dùng countBy=received (theo đơn vị tiếp nhận) hoặc countBy=present (theo đơn vị hiện nay).`);
}
