import type { CorrectableField, DocumentForm, DossierEventType, SatisfactionLevel } from '../../../../shared/domain/dossier/events.js';

export const DOCUMENT_FORM_LABELS: Readonly<Record<DocumentForm, string>> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  copy: 'Bản sao',
};

export const CHANNEL_LABELS: Readonly<Record<1 | 2 | 3, string>> = {
  1: 'Trực tiếp',
  2: 'Trực tuyến',
  3: 'Bưu chính công ích',
};

export const RATING_LABELS: Readonly<Record<SatisfactionLevel, string>> = {
  very_satisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  not_satisfied: 'Không hài lòng',
  not_rated: 'Không đánh giá',
};

export const FIELD_LABELS: Readonly<Record<CorrectableField, string>> = {
  'applicant.fullName': 'Họ tên người nộp',
  'applicant.idNumber': 'Số CCCD người nộp',
  'applicant.birthDate': 'Ngày sinh người nộp (yyyy-MM-dd)',
  'applicant.phone': 'Số điện thoại',
  'applicant.address': 'Địa chỉ',
  'applicant.email': 'Thư điện tử',
  'owner.name': 'Tên chủ hồ sơ',
  'owner.idNumber': 'Số định danh chủ hồ sơ',
  notes: 'Ghi chú',
  sets: 'Số bộ hồ sơ',
};

/** The page's button for each action the lifecycle may allow. */
export const ACTION_BUTTONS: Readonly<Partial<Record<DossierEventType, string>>> = {
  'dossier.forwarded': 'Chuyển xử lý',
  'result.recorded': 'Ghi nhận kết quả',
  'result.handedBack': 'Trả kết quả',
  'satisfaction.rated': 'Đánh giá hài lòng',
  'appointment.rescheduled': 'Xin lỗi, hẹn lại (mẫu 04)',
  'supplement.requested': 'Yêu cầu bổ sung (mẫu 02)',
  'supplement.received': 'Nhận hồ sơ bổ sung',
  'fee.recorded': 'Thu phí, lệ phí',
  'note.added': 'Thêm ghi chú',
  'field.corrected': 'Sửa thông tin',
  'dossier.withdrawn': 'Rút hồ sơ',
  'processing.stopped': 'Dừng xử lý',
  'conflict.resolved': 'Xử lý xung đột',
};

/** "Chuyển hồ sơ" from "chuyển hồ sơ": ACTION_LABELS are written to sit inside a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** What the page says once an action went through. */
export const DONE_MESSAGES: Readonly<Partial<Record<DossierEventType, string>>> = {
  'dossier.forwarded': 'Đã chuyển hồ sơ.',
  'result.recorded': 'Đã ghi nhận kết quả.',
  'appointment.rescheduled': 'Đã hẹn lại ngày trả kết quả.',
  'supplement.requested': 'Đã lập yêu cầu bổ sung.',
  'supplement.received': 'Đã nhận hồ sơ bổ sung; ngày hẹn đã được tính lại.',
  'fee.recorded': 'Đã ghi nhận khoản thu.',
  'note.added': 'Đã lưu ghi chú.',
  'field.corrected': 'Đã sửa thông tin.',
  'dossier.withdrawn': 'Đã rút hồ sơ.',
  'processing.stopped': 'Đã dừng xử lý hồ sơ.',
  'conflict.resolved': 'Đã xử lý xung đột.',
};
