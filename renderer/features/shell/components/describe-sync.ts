import type { SyncStatus } from '../../../../shared/contract/events.js';
import { formatDateTime } from '../../../ui/format-date.js';

/** The status bar's one-line account of sync with the city centre, in Vietnamese. */
export function describeSync(status: SyncStatus): string {
  const state = ((): string => {
    switch (status.state) {
      case 'not_configured':
        return 'chưa cấu hình máy chủ trung tâm';
      case 'idle':
        return status.lastSuccessAt ? `đã đồng bộ lúc ${formatDateTime(status.lastSuccessAt)}` : 'sẵn sàng';
      case 'syncing':
        return 'đang đồng bộ…';
      case 'offline':
        return 'chưa kết nối được máy chủ trung tâm';
      case 'error':
        return status.lastError ? `lỗi — ${status.lastError}` : 'lỗi';
    }
  })();
  return status.pendingEvents > 0 ? `${state} (${status.pendingEvents} thay đổi chờ gửi)` : state;
}
