import { errorEnvelope, type Envelope } from '../../../../shared/contract/envelope.js';
import { isEnvelope, unreachableCoreEnvelope } from '../../../backend/unreachable-core.js';

/**
 * The error envelope of a failed byte request: the answer's own envelope (the web host and the app://
 * blob route both answer one, with the Vietnamese message), or one made from the status.
 */
export async function errorOf(response: Response): Promise<Envelope<never>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isEnvelope(body) && !body.ok) return body;
  return errorEnvelope(response.status === 401 ? 'unauthorized' : 'internal', `Máy chủ bàn làm việc trả lời lỗi (HTTP ${response.status}).`);
}

export const CUT_SHORT_MESSAGE = 'Tệp bị ngắt giữa chừng khi tải (có thể tệp trên ổ đĩa đã hỏng). Hãy thử lại.';

/**
 * Reads a stored scan from a byte route (the web host's or app://desk's): the verified bytes, or an
 * envelope that says why not. Both routes cut a response whose bytes stop matching their hash.
 */
export async function fetchStoredBlob(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<Envelope<Blob>> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, cache: 'no-store' });
  } catch {
    return unreachableCoreEnvelope();
  }
  if (!response.ok) return errorOf(response);
  try {
    return { ok: true, value: await response.blob() };
  } catch {
    return errorEnvelope('storage_failure', CUT_SHORT_MESSAGE);
  }
}
