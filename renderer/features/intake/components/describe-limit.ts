import type { Procedure } from '../../../../shared/contract/catalogue.js';

/** "3 ngày làm việc", "trong ngày": the statutory limit as the officer says it to the citizen. */
export function describeProcedureLimit(limit: Procedure['limit']): string {
  switch (limit.kind) {
    case 'working_days':
      return `${limit.amount} ngày làm việc`;
    case 'calendar_days':
      return `${limit.amount} ngày`;
    case 'hours':
      return `${limit.amount} giờ làm việc`;
    case 'same_day':
      return 'trong ngày';
  }
}
