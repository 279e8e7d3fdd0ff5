import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import {
  describeLastError,
  describeLastSuccess,
  describeProgress,
  describeSync,
  progressFraction,
  syncTone,
} from '../../../../renderer/features/shell/components/describe-sync.js';

const base: SyncStatus = { state: 'not_configured', pendingEvents: 0, lastSuccessAt: null, lastError: null };

describe('describeSync', () => {
  it('says when no centre is configured', () => {
    expect(describeSync(base)).toBe('chưa cấu hình máy chủ trung tâm');
  });

  it('shows the last success as dd/MM/yyyy HH:mm in Vietnam time, whatever the machine zone', () => {
    const at = '2025-01-05T00:03:00.000Z'; // 07:03 in Hạ Long
    expect(describeSync({ ...base, state: 'idle', lastSuccessAt: at })).toBe('đã đồng bộ lúc 05/01/2025 07:03');
  });

  it('counts what is waiting to go', () => {
    expect(describeSync({ ...base, state: 'offline', pendingEvents: 12 })).toBe(
      'chưa kết nối được máy chủ trung tâm (12 thay đổi chờ gửi)',
    );
  });

  it('carries the reason of a failure', () => {
    expect(describeSync({ ...base, state: 'error', lastError: 'Chứng chỉ máy chủ không hợp lệ' })).toBe(
      'lỗi — Chứng chỉ máy chủ không hợp lệ',
    );
  });

  it('counts scans and refused changes beside the waiting events', () => {
    expect(describeSync({ ...base, state: 'idle', lastSuccessAt: '2025-01-05T00:03:00.000Z', pendingEvents: 1200, pendingScans: 2, rejectedEvents: 1 })).toBe(
      'đã đồng bộ lúc 05/01/2025 07:03 (1.200 thay đổi, 2 bản quét chờ gửi; 1 thay đổi bị trung tâm từ chối)',
    );
    expect(describeSync({ ...base, state: 'syncing', pendingScans: 3 })).toBe('đang đồng bộ… (3 bản quét chờ gửi)');
  });

  it('says plainly that the centre revoked the desk', () => {
    expect(describeSync({ ...base, state: 'error', revoked: true, lastError: 'Trung tâm đã thu hồi…' })).toBe('trung tâm đã thu hồi quyền đồng bộ của máy này');
    expect(syncTone({ ...base, state: 'error', revoked: true })).toBe('error');
  });

  it('adds the last success and the last error only where the headline lacks them', () => {
    const at = '2025-01-05T00:03:00.000Z';
    const offline = { ...base, state: 'offline', lastSuccessAt: at, lastError: 'Không kết nối được máy chủ trung tâm.' } as const;
    expect(describeLastSuccess(offline)).toBe('Lần đồng bộ cuối: 05/01/2025 07:03');
    expect(describeLastError(offline)).toBe('Lỗi gần nhất: Không kết nối được máy chủ trung tâm.');
    expect(describeLastSuccess({ ...offline, state: 'idle' })).toBeNull();
    expect(describeLastError({ ...offline, state: 'error' })).toBeNull();
    expect(syncTone(offline)).toBe('warning');
  });

  it('describes progress per phase, with a fraction only when the total is known', () => {
    expect(describeProgress(null)).toBeNull();
    expect(describeProgress({ phase: 'push', done: 120, total: 300 })).toBe('Đang gửi 120/300 thay đổi');
    expect(describeProgress({ phase: 'pull', done: 2000, total: null })).toBe('Đang nhận từ trung tâm: 2.000 thay đổi');
    expect(describeProgress({ phase: 'upload', done: 5 * 1024 * 1024, total: 20 * 1024 * 1024 })).toBe('Đang tải bản quét lên: 5,0/20,0 MB');
    // Scans coming back to a replaced desk, counted in scans.
    expect(describeProgress({ phase: 'download', done: 12, total: 340 })).toBe('Đang tải bản quét: 12/340');
    expect(progressFraction({ phase: 'push', done: 120, total: 300 })).toBeCloseTo(0.4);
    expect(progressFraction({ phase: 'pull', done: 10, total: null })).toBeNull();
  });
});
