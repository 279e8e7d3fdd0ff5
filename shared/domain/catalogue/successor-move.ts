import { formatLocalDate } from '../calendar/vietnam-time.js';
import { isUnitValidOn, type Unit } from './unit.js';

// A desk of a unit that ended (merged on 1/7/2025) carries on as a desk of a unit that took it over.
// Only a successor the catalogue names, and one in force on the desk's day, may be chosen: anything
// else would let a desk sign another unit's dossiers. The desk checks it before moving; the same rule
// is the one a centre applies before rebinding a device.

export type SuccessorMoveProblem = 'same_unit' | 'not_successor' | 'not_yet_valid';

/** Why a desk of `from` may not become a desk of `to` on `date`, or null when it may. */
export function successorMoveProblem(from: Unit, to: Unit, date: string): SuccessorMoveProblem | null {
  if (from.id === to.id) return 'same_unit';
  if (!from.successorIds.includes(to.id)) return 'not_successor';
  if (!isUnitValidOn(to, date)) return 'not_yet_valid';
  return null;
}

/** The officer-facing reason, in Vietnamese. */
export function successorMoveMessage(problem: SuccessorMoveProblem, from: Unit, to: Unit): string {
  switch (problem) {
    case 'same_unit':
      return `Bàn làm việc đã thuộc ${to.name}; không có gì để chuyển.`;
    case 'not_successor':
      return `${to.name} (mã GSO ${to.gsoCode}) không phải đơn vị kế thừa của ${from.name} trong danh mục; chỉ được chuyển sang đơn vị đã nhận ${from.name}.`;
    case 'not_yet_valid':
      return `${to.name} chỉ có hiệu lực từ ${formatLocalDate(to.validFrom)}${to.validTo === null ? '' : ` đến ${formatLocalDate(to.validTo)}`}; chưa thể chuyển bàn làm việc sang đơn vị này vào ngày hôm nay.`;
  }
}
