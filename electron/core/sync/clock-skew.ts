import { describeDuration, MAX_CLOCK_AHEAD_MS } from '../../../shared/domain/clock/clock-bound.js';

// The desk's clock against the centre's, measured on every answer. A clock a little wrong never
// stops sync (the hybrid logical clock keeps order); it is shown, since receipts print the desk's
// time. One far ahead (beyond MAX_CLOCK_AHEAD_MS) has its changes refused by the centre: the warning
// then says so, and what to do.

/** Beyond this, the status bar warns the officer. */
export const CLOCK_SKEW_WARNING_MS = 2 * 60_000;

/** centre − desk, in ms, taking the desk's clock at the middle of the round trip. */
export function measureSkewMs(centreTimeIso: string, sentAtMs: number, receivedAtMs: number): number | null {
  const centreMs = Date.parse(centreTimeIso);
  if (!Number.isFinite(centreMs)) return null;
  return Math.round(centreMs - (sentAtMs + receivedAtMs) / 2);
}

/** A Vietnamese warning when the skew exceeds two minutes, else null. */
export function clockWarning(skewMs: number | null): string | null {
  if (skewMs === null || Math.abs(skewMs) <= CLOCK_SKEW_WARNING_MS) return null;
  if (-skewMs > MAX_CLOCK_AHEAD_MS) {
    return (
      `Đồng hồ của máy này nhanh hơn giờ của trung tâm khoảng ${describeDuration(skewMs)}, nên trung tâm không nhận các thay đổi ghi trên máy. ` +
      'Hãy chỉnh lại ngày giờ của máy tính cho đúng (bật tự động lấy giờ) rồi báo giám sát: các hồ sơ ghi với giờ sai cần được ghi lại.'
    );
  }
  const direction = skewMs < 0 ? 'nhanh' : 'chậm';
  return `Đồng hồ của máy này ${direction} hơn giờ của trung tâm khoảng ${describeDuration(skewMs)}. Hãy chỉnh lại giờ máy tính; việc đồng bộ vẫn tiếp tục.`;
}
