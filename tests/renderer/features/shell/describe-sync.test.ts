import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import { describeSync } from '../../../../renderer/features/shell/components/describe-sync.js';

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
});
