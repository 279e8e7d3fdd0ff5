import type { FleetLine, FleetView } from '../fleet-service.js';

// The fleet's words, shared by the page and the workbook so both say the same thing.

/** "nhanh 3 phút 20 giây" / "chậm 45 giây" / "khớp"; '—' before the desk first reported. */
export function clockOffsetText(offsetMs: number | null): string {
  if (offsetMs === null) return '—';
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  if (seconds < 5) return 'khớp';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const amount = minutes === 0 ? `${rest} giây` : rest === 0 ? `${minutes} phút` : `${minutes} phút ${rest} giây`;
  return `${offsetMs > 0 ? 'nhanh' : 'chậm'} ${amount}`;
}

/** What is wrong with a desk, in a few words ('Bình thường' when nothing). */
export function fleetStateText(desk: FleetLine, view: Pick<FleetView, 'staleAfterDays' | 'newestVersion'>): string {
  if (desk.revokedAt !== null) return 'Đã thu hồi';
  const problems: string[] = [];
  if (desk.lastSyncAt === null) problems.push('Chưa đồng bộ lần nào');
  else if (desk.stale) problems.push(`Quá ${view.staleAfterDays} ngày chưa đồng bộ`);
  if (desk.outdated) problems.push(`Phiên bản cũ (mới nhất: ${view.newestVersion ?? '—'})`);
  return problems.length === 0 ? 'Bình thường' : problems.join('; ');
}
