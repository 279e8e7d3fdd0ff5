import type { CoreStatus } from '../../../../shared/contract/events.js';

/** The banner's words for the core's process (the Electron app only): drafts live in the window, so they survive. */
export function describeCore(status: CoreStatus): string {
  switch (status.state) {
    case 'rebuilding':
      return `Đang cập nhật dữ liệu… ${status.done.toLocaleString('vi-VN')}/${status.total.toLocaleString('vi-VN')} hồ sơ. Vui lòng chờ trong giây lát.`;
    case 'restarted':
      return 'Lõi ứng dụng vừa khởi động lại sau một sự cố. Hồ sơ đang nhập dở vẫn được giữ; nếu thao tác vừa rồi báo lỗi, hãy kiểm tra lại rồi làm lại.';
    case 'stopped':
      return 'Lõi ứng dụng dừng nhiều lần nên không tự khởi động lại được. Hồ sơ đang nhập dở vẫn được giữ; hãy đóng rồi mở lại ứng dụng, nếu vẫn lỗi hãy liên hệ bộ phận hỗ trợ.';
  }
}
