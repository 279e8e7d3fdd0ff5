import { formatVietnamTime } from '../../../shared/domain/dossier/vietnam-time.js';
import { formatDay } from '../../../shared/domain/reports/report-period.js';

// Numbers, shares and times as Vietnamese readers write them: 1.234 (dot for thousands), 72,5 %
// (comma for decimals), 10:05 15/12/2026 (Vietnam time, whatever the server's zone).

const COUNT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export const count = (n: number): string => COUNT.format(n);

export function percent(share: number | null): string {
  if (share === null) return '—';
  return `${(share * 100).toFixed(1).replace('.', ',')} %`;
}

export const time = (iso: string | null): string => (iso === null ? '—' : formatVietnamTime(iso));
export const day = (date: string): string => formatDay(date);
