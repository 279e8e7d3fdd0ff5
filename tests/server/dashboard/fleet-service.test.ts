import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../server/dashboard/fleet-service.js';
import { clockOffsetText, fleetStateText } from '../../../server/dashboard/page/fleet-text.js';
import type { FleetLine } from '../../../server/dashboard/fleet-service.js';

// The fleet view's judgements: which version is newer (what "outdated" rests on), how a clock offset
// reads, and what the state column says of a stale or outdated desk.

const desk = (overrides: Partial<FleetLine>): FleetLine => ({
  deviceId: 'desk-a',
  name: 'Quầy 1',
  unitGsoCode: '06691',
  unitName: 'Phường Hồng Gai',
  station: 1,
  enrolledAt: '2026-11-01T02:00:00.000Z',
  revokedAt: null,
  lastSyncAt: '2026-11-25T02:00:00.000Z',
  state: 'ok',
  appVersion: '1.4.0',
  reportedAt: '2026-11-25T02:00:00.000Z',
  clockOffsetMs: 0,
  eventsWaiting: 0,
  scansWaiting: 0,
  lastError: null,
  crashCount: 0,
  stale: false,
  outdated: false,
  ...overrides,
});

describe('the fleet view', () => {
  it('compares versions part by part, numerically; a pre-release is older than its release', () => {
    expect(compareVersions('1.10.0', '1.9.3')).toBeGreaterThan(0);
    expect(compareVersions('1.4.0', '1.4.0')).toBe(0);
    expect(compareVersions('1.4', '1.4.1')).toBeLessThan(0);
    expect(compareVersions('1.4.0-beta.1', '1.4.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0', '1.99.99')).toBeGreaterThan(0);
  });

  it('says how far a desk clock is off, in Vietnamese', () => {
    expect(clockOffsetText(null)).toBe('—');
    expect(clockOffsetText(2_000)).toBe('khớp');
    expect(clockOffsetText(200_000)).toBe('nhanh 3 phút 20 giây');
    expect(clockOffsetText(-45_000)).toBe('chậm 45 giây');
    expect(clockOffsetText(-7_200_000)).toBe('chậm 120 phút');
  });

  it('names what is wrong with a desk', () => {
    const view = { staleAfterDays: 3, newestVersion: '1.5.0' };
    expect(fleetStateText(desk({}), view)).toBe('Bình thường');
    expect(fleetStateText(desk({ stale: true, outdated: true }), view)).toBe('Quá 3 ngày chưa đồng bộ; Phiên bản cũ (mới nhất: 1.5.0)');
    expect(fleetStateText(desk({ lastSyncAt: null, stale: true }), view)).toBe('Chưa đồng bộ lần nào');
    expect(fleetStateText(desk({ revokedAt: '2026-11-20T00:00:00.000Z', stale: true }), view)).toBe('Đã thu hồi');
  });
});
