import type { CentreErrorCode } from '../../../shared/sync/protocol.js';
import { ProxyConfigError, ProxyRefusedError } from './proxy-refused.js';

// Why a sync attempt failed, in kinds the agent acts on, with a message in plain Vietnamese for the
// status bar. Only 'revoked' stops the agent; everything else is retried with back-off.

export type SyncFailureKind =
  | 'offline' // no connection (network down, centre stopped, connection cut)
  | 'timeout' // the centre did not answer in time (a stalled link)
  | 'certificate' // the centre's TLS certificate is not trusted (or expired, or for another name)
  | 'server' // the centre or a proxy answered 5xx
  | 'protocol' // an answer that does not follow the protocol
  | 'unauthorized' // the token is unknown to the centre
  | 'revoked' // the centre revoked this desk: stop, keep working offline
  | 'refused' // a 4xx the desk cannot fix by retrying soon (e.g. an invalid enrollment code)
  | 'proxy'; // the ward's proxy refused the tunnel (407, 403) or is misconfigured: only its administrator helps

export const SYNC_FAILURE_MESSAGES: Record<Exclude<SyncFailureKind, 'refused' | 'protocol' | 'proxy'>, string> = {
  offline: 'Không kết nối được máy chủ trung tâm (mất mạng hoặc máy chủ đang tắt). Máy sẽ tự thử lại; mọi việc ở quầy vẫn làm bình thường.',
  timeout: 'Máy chủ trung tâm không trả lời kịp (đường truyền chậm hoặc bị treo). Máy sẽ tự thử lại.',
  certificate:
    'Không xác minh được chứng chỉ bảo mật (HTTPS) của máy chủ trung tâm: chứng chỉ không được tin cậy, đã hết hạn hoặc cấp cho địa chỉ khác. Hãy báo bộ phận kỹ thuật; máy vẫn làm việc bình thường và sẽ tự thử lại.',
  server: 'Máy chủ trung tâm đang gặp lỗi. Máy sẽ tự thử lại.',
  unauthorized: 'Trung tâm không nhận ra máy này (mã xác thực không hợp lệ). Hãy nhờ quản trị viên cấp mã đăng ký mới.',
  revoked: 'Trung tâm đã thu hồi quyền đồng bộ của máy này. Máy vẫn làm việc bình thường khi không đồng bộ; hãy liên hệ quản trị viên để đăng ký lại.',
};

/**
 * OpenSSL's and Node's codes for a certificate the desk cannot trust. fetch (undici) puts the TLS
 * error under `cause`; tus-js-client under `causingError` — so the chain is walked.
 */
const CERTIFICATE_ERROR_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The error and its causes (fetch nests under `cause`, tus-js-client under `causingError`). */
function* causes(error: unknown): Generator<object> {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    yield current;
    const next = current as { cause?: unknown; causingError?: unknown };
    current = next.cause ?? next.causingError;
  }
}

function hasCertificateError(error: unknown): boolean {
  for (const current of causes(error)) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CERTIFICATE_ERROR_CODES.has(code)) return true;
  }
  return false;
}

const PROXY_ADVICE = 'Hãy báo bộ phận kỹ thuật kiểm tra cấu hình proxy (HTTPS_PROXY, NO_PROXY); máy vẫn làm việc bình thường và sẽ tự thử lại.';

/** The proxy's refusal in the officer's words, with its code (HTTP status or Chromium's error) for the technician. */
export function proxyRefusedMessage(error: ProxyRefusedError): string {
  const why = error.status === 407 ? 'yêu cầu đăng nhập proxy' : 'từ chối chuyển tiếp kết nối tới máy chủ trung tâm';
  const which = error.proxyHost === null ? 'Máy chủ proxy của mạng (theo cấu hình của hệ thống)' : `Máy chủ proxy của mạng (${error.proxyHost})`;
  return `${which} ${why} (mã ${error.status ?? error.networkCode ?? 'không rõ'}). ${PROXY_ADVICE}`;
}

function proxyFailure(error: unknown): SyncFailure | null {
  for (const current of causes(error)) {
    if (current instanceof ProxyRefusedError) return new SyncFailure('proxy', proxyRefusedMessage(current), current.status);
    if (current instanceof ProxyConfigError) {
      return new SyncFailure('proxy', `Biến môi trường ${current.variable} không phải địa chỉ proxy hợp lệ. ${PROXY_ADVICE}`);
    }
  }
  return null;
}

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    readonly status: number | null = null,
    readonly centreCode: CentreErrorCode | null = null,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }

  static fromNetwork(error: unknown): SyncFailure {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError') return new SyncFailure('timeout', SYNC_FAILURE_MESSAGES.timeout);
    if (name === 'AbortError') return new SyncFailure('offline', 'Đồng bộ đã dừng.');
    const proxy = proxyFailure(error);
    if (proxy !== null) return proxy;
    // Not "offline": the line works, and only someone fixing the certificate (or its trust) helps.
    if (hasCertificateError(error)) return new SyncFailure('certificate', SYNC_FAILURE_MESSAGES.certificate);
    return new SyncFailure('offline', SYNC_FAILURE_MESSAGES.offline);
  }

  static fromStatus(status: number, code: CentreErrorCode | null, centreMessage: string | null): SyncFailure {
    if (status === 401 && code === 'device_revoked') return new SyncFailure('revoked', SYNC_FAILURE_MESSAGES.revoked, status, code);
    if (status === 401) return new SyncFailure('unauthorized', SYNC_FAILURE_MESSAGES.unauthorized, status, code);
    if (status >= 500 || status === 429 || status === 408) {
      return new SyncFailure('server', status === 429 ? 'Trung tâm đang quá tải yêu cầu; máy sẽ tự thử lại sau.' : `${SYNC_FAILURE_MESSAGES.server} (mã ${status})`, status, code);
    }
    return new SyncFailure('refused', centreMessage ?? `Trung tâm từ chối yêu cầu (mã ${status}).`, status, code);
  }

  /** Worth trying again later without anyone doing anything. */
  get retryable(): boolean {
    // A certificate is retried too: an administrator may fix it on the centre without touching the desk.
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'protocol' || this.kind === 'certificate' || this.kind === 'proxy';
  }
}

/** Any error as a SyncFailure (a bug becomes a plain, retryable message, never a stack trace). */
export function asSyncFailure(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  return new SyncFailure('protocol', 'Lỗi không mong muốn khi đồng bộ; máy sẽ tự thử lại.');
}
