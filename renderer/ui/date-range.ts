import { formatLocalDate, parseTypedDate } from './format-date.js';

// A range of days typed as officers write dates, dd/MM/yyyy, in two fields ("Từ ngày", "Đến ngày"):
// the reports' period and the log book's range. A mistake is named next to the field that holds it.

export type RangeField = 'from' | 'to';

/** What two typed fields say: the days (yyyy-MM-dd, both included), or what is wrong and where. */
export type TypedRange = { ok: true; from: string; to: string } | { ok: false; errors: Partial<Record<RangeField, string>> };

/** The field to focus first when a range is refused. */
export function firstWrongField(errors: Partial<Record<RangeField, string>>): RangeField | null {
  return errors.from !== undefined ? 'from' : errors.to !== undefined ? 'to' : null;
}

/** Reads two typed dates; refuses one that is not a real day/month/year, or a range written backwards. */
export function readTypedRange(fromText: string, toText: string): TypedRange {
  const from = parseTypedDate(fromText);
  const to = parseTypedDate(toText);
  const errors: Partial<Record<RangeField, string>> = {};
  if (from === null) errors.from = 'Ngày bắt đầu phải là một ngày có thật, dạng ngày/tháng/năm, ví dụ 01/11/2026.';
  if (to === null) errors.to = 'Ngày kết thúc phải là một ngày có thật, dạng ngày/tháng/năm, ví dụ 30/11/2026.';
  if (from === null || to === null) return { ok: false, errors };
  if (from > to) {
    return { ok: false, errors: { to: `Khoảng ngày bị ngược: ngày bắt đầu ${formatLocalDate(from)} nằm sau ngày kết thúc ${formatLocalDate(to)}. Hãy đổi lại hai ngày.` } };
  }
  return { ok: true, from, to };
}
