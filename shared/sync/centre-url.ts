import { z } from 'zod';

// Which centre addresses a desk may send citizens' personal data to (names, CCCD numbers, addresses,
// scans of their papers) together with its bearer token: only over TLS (https://). The one exception
// is a centre on this very machine (loopback: localhost, 127.0.0.0/8, ::1), where nothing crosses a
// network — a centre run beside the desk, and the tests.
//
// The host is judged on the URL as the WHATWG parser reads it (zod's url check parses with `URL`), so
// tricks like "http://127.0.0.1@example.org" or "http://localhost.example.org" name the host a request
// would really go to; 127.1 or 0x7f000001 are canonicalised to 127.0.0.1 before the check.

/** The enrollment form's message for a clear-text address to another machine. */
export const CENTRE_URL_NOT_ENCRYPTED =
  'Địa chỉ máy chủ trung tâm phải bắt đầu bằng https:// — dữ liệu cá nhân của công dân không được gửi qua mạng không mã hoá (trừ máy chủ trên chính máy này).';

/**
 * For a desk enrolled before the rule (its saved address is http:// to another machine): sync stops
 * and the status says what to do. Its token has travelled in clear, so the cure is a new enrollment —
 * the administrator revokes the old one (the centre will not re-enroll a live device) and issues a
 * code — not just a corrected address.
 */
export const ENROLLED_CENTRE_URL_NOT_ENCRYPTED =
  'Địa chỉ máy chủ trung tâm đã lưu không mã hoá (http://), nên máy đã ngừng gửi dữ liệu. Hãy nhờ quản trị viên trung tâm thu hồi đăng ký cũ và cấp mã đăng ký mới, rồi đăng ký lại với địa chỉ bắt đầu bằng https://.';

/** localhost, any 127.x.y.z (the URL parser has already canonicalised IPv4), or [::1]. */
const LOOPBACK_HOSTNAME = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/i;

// Both spelled out with "://" (the URL parser would otherwise accept "https:host" or "http:/host").
const HTTPS_URL = z.string().regex(/^https:\/\//i).pipe(z.url({ protocol: /^https$/ }));
const LOOPBACK_HTTP_URL = z.string().regex(/^http:\/\//i).pipe(z.url({ protocol: /^http$/, hostname: LOOPBACK_HOSTNAME }));

/** True if the hostname (as `URL.hostname` gives it) is this machine. */
export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAME.test(hostname);
}

/** True if a desk may send personal data to this centre address: https://, or http:// to this machine. */
export function isEncryptedOrLoopbackCentreUrl(centreUrl: string): boolean {
  const url = centreUrl.trim();
  return HTTPS_URL.safeParse(url).success || LOOPBACK_HTTP_URL.safeParse(url).success;
}
