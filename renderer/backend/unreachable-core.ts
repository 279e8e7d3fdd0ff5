import { errorEnvelope, type Envelope } from '../../shared/contract/envelope.js';
import { isErrorCode } from '../../shared/contract/errors.js';

// A transport failure is not a command failure, but the UI shows both the same way: as an envelope.
export const UNREACHABLE_CORE_MESSAGE =
  'Không kết nối được với lõi ứng dụng. Hãy kiểm tra ứng dụng còn đang chạy rồi bấm thử lại.';

export function unreachableCoreEnvelope(): Envelope<never> {
  return errorEnvelope('internal', UNREACHABLE_CORE_MESSAGE);
}

/** True when `value` has the envelope's shape with a known error code: what crosses a boundary is checked. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  if (candidate.ok !== false || typeof candidate.error !== 'object' || candidate.error === null) return false;
  const error = candidate.error as { code?: unknown; message?: unknown };
  return isErrorCode(error.code) && typeof error.message === 'string';
}
