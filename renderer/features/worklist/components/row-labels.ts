import type { DossierRow } from '../../../../shared/contract/dossiers.js';
import type { IconName } from '../../../ui/Icon.js';

/** The deadline column's words: shown with colour and an icon, never colour alone. */
export function deadlineLabel(row: Pick<DossierRow, 'overdue' | 'dueSoon' | 'needsReview' | 'setAsideCode'>): {
  icon: IconName | null;
  text: string;
  tone: 'overdue' | 'due-soon' | 'review' | 'none';
} {
  // Set aside for a taken code: the row says what a supervisor must do, not only that someone should look.
  if (row.setAsideCode !== null) return { icon: 'alert', text: 'Trùng mã, chờ cấp mã mới', tone: 'review' };
  if (row.needsReview) return { icon: 'alert', text: 'Cần xem lại', tone: 'review' };
  if (row.overdue) return { icon: 'warning', text: 'Quá hạn', tone: 'overdue' };
  if (row.dueSoon) return { icon: 'clock', text: 'Sắp đến hạn', tone: 'due-soon' };
  return { icon: null, text: '', tone: 'none' };
}

export const CHANNEL_SHORT: Readonly<Record<1 | 2 | 3, string>> = { 1: 'Trực tiếp', 2: 'Trực tuyến', 3: 'BCCI' };
