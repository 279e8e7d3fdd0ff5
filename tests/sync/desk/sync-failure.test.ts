import { describe, expect, it } from 'vitest';
import { SYNC_FAILURE_MESSAGES, SyncFailure } from '../../../electron/core/sync/sync-failure.js';

const withCode = (code: string): Error => Object.assign(new Error('tls'), { code });

describe('SyncFailure.fromNetwork', () => {
  it("names an untrusted certificate as such, under fetch's cause or tus's causingError", () => {
    const fetchStyle = new TypeError('fetch failed', { cause: withCode('UNABLE_TO_VERIFY_LEAF_SIGNATURE') });
    const tusStyle = Object.assign(new Error('tus: failed to upload'), { causingError: withCode('CERT_HAS_EXPIRED') });
    const deeper = new TypeError('fetch failed', { cause: new Error('connect', { cause: withCode('ERR_TLS_CERT_ALTNAME_INVALID') }) });
    for (const error of [fetchStyle, tusStyle, deeper]) {
      const failure = SyncFailure.fromNetwork(error);
      expect(failure.kind).toBe('certificate');
      expect(failure.message).toBe(SYNC_FAILURE_MESSAGES.certificate);
      expect(failure.retryable).toBe(true);
    }
  });

  it('keeps a refused connection, a timeout and an abort as before', () => {
    expect(SyncFailure.fromNetwork(new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') })).kind).toBe('offline');
    expect(SyncFailure.fromNetwork(Object.assign(new Error('t'), { name: 'TimeoutError' })).kind).toBe('timeout');
    expect(SyncFailure.fromNetwork(Object.assign(new Error('a'), { name: 'AbortError' })).message).toBe('Đồng bộ đã dừng.');
  });

  it('does not loop on a cyclic cause chain', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    const b: Error & { cause?: unknown } = new Error('b', { cause: a });
    a.cause = b;
    expect(SyncFailure.fromNetwork(a).kind).toBe('offline');
  });
});
