import type { ScanState } from '../../../../shared/contract/attachments.js';
import type { AttachmentKind, AttachmentSource } from '../../../../shared/domain/dossier/events.js';
import type { DigitisationState } from '../../../../shared/domain/dossier/state.js';

export const DIGITISATION_LABELS: Readonly<Record<DigitisationState, string>> = {
  not_digitised: 'Chưa số hoá',
  digitised: 'Đã số hoá',
  reused_dossier: 'Dùng lại từ hồ sơ trước',
  reused_result: 'Dùng lại từ kết quả',
};

export const KIND_LABELS: Readonly<Record<AttachmentKind, string>> = {
  intake: 'Giấy tờ tiếp nhận',
  result: 'Kết quả giải quyết',
};

export const SOURCE_LABELS: Readonly<Record<AttachmentSource, string>> = {
  scan: 'Quét trực tiếp',
  file: 'Tệp chọn từ máy',
  inbox: 'Thư mục quét',
  reused_dossier: 'Dùng lại (hồ sơ trước)',
  reused_result: 'Dùng lại (kết quả trước)',
};

export const SCAN_STATE_LABELS: Readonly<Record<ScanState, string>> = {
  scanning: 'Đang quét',
  building: 'Đang ghép thành tệp PDF',
  done: 'Quét xong',
  failed: 'Quét không thành công',
  cancelled: 'Đã huỷ lượt quét',
};

/** "1,2 MB", "850 KB": sizes as officers read them (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
}
