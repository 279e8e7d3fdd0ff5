import type { Cell, CellKind } from '../../../../shared/domain/reports/report-tables.js';
import { formatDateTime, formatLocalDate } from '../../../ui/format-date.js';

const integer = new Intl.NumberFormat('vi-VN');
const share = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A report cell as the screen (and the printed page) shows it: Vietnamese digits grouping, Vietnam time. */
export function formatCell(value: Cell, kind: CellKind): string {
  if (value === null || value === '') return kind === 'text' ? '' : '—';
  if (typeof value === 'number') {
    if (kind === 'percent') return share.format(value);
    if (kind === 'money') return `${integer.format(value)} đ`;
    return integer.format(value);
  }
  if (kind === 'instant') return formatDateTime(value);
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(value)) return formatLocalDate(value);
  return value;
}

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatShare(rate: number | null): string {
  return rate === null ? '—' : share.format(rate);
}
