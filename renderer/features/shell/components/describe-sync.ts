import type { SyncProgress, SyncStatus } from '../../../../shared/contract/events.js';
import { formatDateTime } from '../../../ui/format-date.js';

// The status bar's account of sync with the city centre, in Vietnamese: one headline (state and what
// waits to go), then the details that matter only in some states — progress, the last success when the
// headline does not already say it, the last error, the clock warning.

const count = new Intl.NumberFormat('vi-VN');

/** "12 thay đổi, 3 bản quét chờ gửi"; null when nothing waits. */
export function describeWaiting(status: SyncStatus): string | null {
  const parts: string[] = [];
  if (status.pendingEvents > 0) parts.push(`${count.format(status.pendingEvents)} thay đổi`);
  if ((status.pendingScans ?? 0) > 0) parts.push(`${count.format(status.pendingScans ?? 0)} bản quét`);
  return parts.length > 0 ? `${parts.join(', ')} chờ gửi` : null;
}

/** "2 thay đổi bị trung tâm từ chối"; null when the centre refused nothing. */
export function describeRejected(status: SyncStatus): string | null {
  const rejected = status.rejectedEvents ?? 0;
  return rejected > 0 ? `${count.format(rejected)} thay đổi bị trung tâm từ chối` : null;
}

/** The one-line headline: the state, then what waits to go (and what was refused) in brackets. */
export function describeSync(status: SyncStatus): string {
  const state = ((): string => {
    if (status.revoked) return 'trung tâm đã thu hồi quyền đồng bộ của máy này';
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
  const extra = [describeWaiting(status), describeRejected(status)].filter((part): part is string => part !== null);
  return extra.length > 0 ? `${state} (${extra.join('; ')})` : state;
}

/** The last success, for headlines that do not say it (the idle one does); null when there is none. */
export function describeLastSuccess(status: SyncStatus): string | null {
  if (status.lastSuccessAt === null || status.state === 'idle' || status.state === 'not_configured') return null;
  return `Lần đồng bộ cuối: ${formatDateTime(status.lastSuccessAt)}`;
}

/** The last error when the headline does not already carry it (it does in the 'error' state). */
export function describeLastError(status: SyncStatus): string | null {
  if (status.lastError === null || status.state === 'error' || status.state === 'not_configured') return null;
  return `Lỗi gần nhất: ${status.lastError}`;
}

const megabytes = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** What is moving now, e.g. "Đang gửi 120/300 thay đổi"; null when nothing is. */
export function describeProgress(progress: SyncProgress | null | undefined): string | null {
  if (!progress) return null;
  switch (progress.phase) {
    case 'push':
      return progress.total === null ? `Đang gửi ${count.format(progress.done)} thay đổi` : `Đang gửi ${count.format(progress.done)}/${count.format(progress.total)} thay đổi`;
    case 'pull':
      return `Đang nhận từ trung tâm: ${count.format(progress.done)} thay đổi`;
    case 'upload': {
      const mb = (bytes: number): string => megabytes.format(bytes / (1024 * 1024));
      return progress.total === null ? `Đang tải bản quét lên: ${mb(progress.done)} MB` : `Đang tải bản quét lên: ${mb(progress.done)}/${mb(progress.total)} MB`;
    }
    case 'download':
      // Scans of the unit coming back to a replaced desk, counted in scans (their sizes vary widely).
      return `Đang tải bản quét: ${count.format(progress.done)}/${count.format(progress.total ?? progress.done)}`;
  }
}

/** How far along, 0–1, when the total is known; null otherwise (the bar then shows indeterminate). */
export function progressFraction(progress: SyncProgress | null | undefined): number | null {
  if (!progress || progress.total === null || progress.total <= 0) return null;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

export type SyncTone = 'ok' | 'busy' | 'warning' | 'error' | 'off';

/** The colour the status bar gives the headline. */
export function syncTone(status: SyncStatus): SyncTone {
  if (status.revoked || status.state === 'error') return 'error';
  if (status.state === 'offline') return 'warning';
  if (status.state === 'syncing') return 'busy';
  if (status.state === 'not_configured') return 'off';
  return (status.rejectedEvents ?? 0) > 0 ? 'warning' : 'ok';
}
