import { describe, expect, it } from 'vitest';
import { describeDossierSync, describePending, describeSkew } from '../../../../renderer/features/sync/components/labels.js';

const base = { state: 'idle', pendingEvents: 0, lastSuccessAt: null, lastError: null } as const;

describe('sync labels', () => {
  it('says what waits to go, events and scans', () => {
    expect(describePending(base)).toBe('Không có gì chờ gửi');
    expect(describePending({ ...base, pendingEvents: 1200, pendingScans: 3 })).toBe('1.200 thay đổi, 3 bản quét');
    expect(describePending({ ...base, pendingScans: 1 })).toBe('1 bản quét');
  });

  it('reads the clock difference as the officer would say it (skew = centre − desk)', () => {
    expect(describeSkew(null)).toBe('Chưa đo (chưa nhận được trả lời của trung tâm)');
    expect(describeSkew(1_500)).toBe('Khớp với giờ của trung tâm');
    expect(describeSkew(-45_000)).toBe('Đồng hồ máy nhanh hơn trung tâm khoảng 45 giây');
    expect(describeSkew(3 * 60_000)).toBe('Đồng hồ máy chậm hơn trung tâm khoảng 3 phút');
    expect(describeSkew(-2 * 3_600_000)).toBe('Đồng hồ máy nhanh hơn trung tâm khoảng 2 giờ');
  });

  it('explains each dossier badge', () => {
    expect(describeDossierSync('pending', 2)).toBe('2 thay đổi của hồ sơ này chờ gửi lên máy chủ trung tâm.');
    expect(describeDossierSync('synced', 0)).toContain('đã lên máy chủ trung tâm');
    expect(describeDossierSync('rejected', 0)).toContain('từ chối');
  });
});
