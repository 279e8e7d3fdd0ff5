import type { SyncState, SyncStatus } from '../../../../shared/contract/events.js';
import type { DossierSyncState } from '../../../../shared/sync/desk-commands.js';
import type { IconName } from '../../../ui/Icon.js';

// The sync feature's words, in Vietnamese as the officers read them.

const count = new Intl.NumberFormat('vi-VN');

export const SYNC_STATE_LABELS: Record<SyncState, string> = {
  not_configured: 'Chưa đăng ký với trung tâm',
  idle: 'Sẵn sàng',
  syncing: 'Đang đồng bộ…',
  offline: 'Chưa kết nối được máy chủ trung tâm',
  error: 'Có lỗi khi đồng bộ',
};

/** The badge each dossier wears: are its changes at the centre? */
export const DOSSIER_SYNC_BADGES: Record<DossierSyncState, { label: string; icon: IconName }> = {
  synced: { label: 'Đã đồng bộ', icon: 'check' },
  pending: { label: 'Chờ gửi', icon: 'clock' },
  rejected: { label: 'Bị từ chối', icon: 'alert' },
};

/** The badge's longer explanation (tooltip and accessible description). */
export function describeDossierSync(state: DossierSyncState, waitingEvents: number): string {
  switch (state) {
    case 'synced':
      return 'Mọi thay đổi của hồ sơ này đã lên máy chủ trung tâm.';
    case 'pending':
      return `${count.format(waitingEvents)} thay đổi của hồ sơ này chờ gửi lên máy chủ trung tâm.`;
    case 'rejected':
      return 'Trung tâm từ chối một thay đổi của hồ sơ này; thay đổi vẫn được giữ trên máy. Hãy báo cán bộ giám sát.';
  }
}


/** "12 thay đổi, 3 bản quét" or "Không có gì chờ gửi". */
export function describePending(status: SyncStatus): string {
  const parts: string[] = [];
  if (status.pendingEvents > 0) parts.push(`${count.format(status.pendingEvents)} thay đổi`);
  if ((status.pendingScans ?? 0) > 0) parts.push(`${count.format(status.pendingScans ?? 0)} bản quét`);
  return parts.length > 0 ? parts.join(', ') : 'Không có gì chờ gửi';
}

/** The measured clock difference in words: "máy nhanh hơn trung tâm 3 phút", "khớp với trung tâm". */
export function describeSkew(skewMs: number | null | undefined): string {
  if (skewMs === null || skewMs === undefined) return 'Chưa đo (chưa nhận được trả lời của trung tâm)';
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  if (seconds < 5) return 'Khớp với giờ của trung tâm';
  // skew = centre − desk: negative means the desk is ahead.
  const direction = skewMs < 0 ? 'nhanh' : 'chậm';
  const amount = seconds < 120 ? `${seconds} giây` : seconds < 7_200 ? `${Math.round(seconds / 60)} phút` : `${Math.round(seconds / 3_600)} giờ`;
  return `Đồng hồ máy ${direction} hơn trung tâm khoảng ${amount}`;
}
