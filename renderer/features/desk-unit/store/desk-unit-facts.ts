import type { Unit } from '../../../../shared/contract/catalogue.js';
import { isFormerUnitOn, isUnitValidOn } from '../../../../shared/domain/catalogue/unit.js';
import { formatLocalDate } from '../../../ui/format-date.js';

export const KIND_LABEL = { ward: 'Phường', commune: 'Xã', 'special-zone': 'Đặc khu' } as const;

/** What the settings screen says about the desk's unit on the desk's today. */
export interface DeskUnitFacts {
  unit: Unit;
  validityText: string;
  former: boolean;
  /** The catalogue's successors in force today: the units the desk may be moved to. */
  successors: Unit[];
  /** "Đơn vị này đã sáp nhập vào … từ 01/07/2025", for a former unit with known successors. */
  mergedNotice: string | null;
}

export function deskUnitFacts(unit: Unit, units: readonly Unit[], today: string): DeskUnitFacts {
  const range = `${formatLocalDate(unit.validFrom)} – ${unit.validTo === null ? 'nay' : formatLocalDate(unit.validTo)}`;
  const former = isFormerUnitOn(unit, today);
  const validityText = isUnitValidOn(unit, today) ? `Hiệu lực ${range}` : former ? `Đã hết hiệu lực (${range})` : `Chưa có hiệu lực (${range})`;
  const successors = former ? units.filter((u) => unit.successorIds.includes(u.id) && isUnitValidOn(u, today)) : [];
  const mergedNotice =
    successors.length === 0 ? null : `Đơn vị này đã sáp nhập vào ${successors.map((u) => u.name).join(', ')} từ ${formatLocalDate(successors[0]!.validFrom)}.`;
  return { unit, validityText, former, successors, mergedNotice };
}
