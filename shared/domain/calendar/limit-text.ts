import type { DeadlineLimit } from './deadlines.js';

/** Thời hạn giải quyết as receipts and screens write it, e.g. '5 ngày làm việc' or 'Trong ngày'. */
export function limitText(limit: DeadlineLimit): string {
  switch (limit.kind) {
    case 'same_day':
      return 'Trong ngày';
    case 'working_days':
      return `${limit.amount} ngày làm việc`;
    case 'calendar_days':
      return `${limit.amount} ngày`;
    case 'hours':
      return `${limit.amount} giờ làm việc`;
  }
}
