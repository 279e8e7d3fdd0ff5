import type { ErrorCode } from '../../shared/contract/errors.js';

/** A short Vietnamese title for each error code; the envelope's message carries the detail. */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  invalid_argument: 'Dữ liệu chưa hợp lệ',
  unknown_command: 'Chức năng chưa được hỗ trợ',
  unauthorized: 'Không có quyền truy cập',
  forbidden: 'Không được phép thực hiện',
  not_found: 'Không tìm thấy',
  conflict: 'Dữ liệu đã bị thay đổi',
  transition_forbidden: 'Thao tác không phù hợp với trạng thái hồ sơ',
  papers_missing: 'Chưa đủ giấy tờ bắt buộc',
  database_too_new: 'Dữ liệu thuộc phiên bản ứng dụng mới hơn',
  storage_failure: 'Lỗi lưu trữ dữ liệu',
  core_restarted: 'Lõi ứng dụng vừa khởi động lại',
  internal: 'Lỗi hệ thống',
};
