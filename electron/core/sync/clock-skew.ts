// The desk's clock against the centre's, measured on every answer. A wrong clock never stops sync
// (the hybrid logical clock keeps order); it is shown, since receipts print the desk's time.

/** Beyond this, the status bar warns the officer. */
export const CLOCK_SKEW_WARNING_MS = 2 * 60_000;

/** centre − desk, in ms, taking the desk's clock at the middle of the round trip. */
export function measureSkewMs(centreTimeIso: string, sentAtMs: number, receivedAtMs: number): number | null {
  const centreMs = Date.parse(centreTimeIso);
  if (!Number.isFinite(centreMs)) return null;
  return Math.round(centreMs - (sentAtMs + receivedAtMs) / 2);
}

function describeDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest === 0 ? `${hours} giờ` : `${hours} giờ ${rest} phút`;
  return `${Math.round(hours / 24)} ngày`;
}

/** A Vietnamese warning when the skew exceeds two minutes, else null. */
export function clockWarning(skewMs: number | null): string | null {
  if (skewMs === null || Math.abs(skewMs) <= CLOCK_SKEW_WARNING_MS) return null;
  const direction = skewMs < 0 ? 'nhanh' : 'chậm';
  return `Đồng hồ của máy này ${direction} hơn giờ của trung tâm khoảng ${describeDuration(skewMs)}. Hãy chỉnh lại giờ máy tính; việc đồng bộ vẫn tiếp tục.`;
}
