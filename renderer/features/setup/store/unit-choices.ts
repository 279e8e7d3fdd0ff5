import type { Unit } from '../../../../shared/contract/catalogue.js';
import { isFormerUnitOn, isUnitValidOn } from '../../../../shared/domain/catalogue/unit.js';
import { foldVietnamese } from '../../../../shared/domain/text/fold-vietnamese.js';
import { formatLocalDate } from '../../../ui/format-date.js';

/** One unit as the first-start list shows it. */
export interface UnitChoice {
  unit: Unit;
  /** Valid on the desk's today. */
  validToday: boolean;
  /** Ended before today: offered only to back-enter the history it holds, and labelled so. */
  former: boolean;
  validityText: string;
}

export function describeValidity(unit: Unit, today: string): { validToday: boolean; validityText: string } {
  const validToday = isUnitValidOn(unit, today);
  const range = `${formatLocalDate(unit.validFrom)} – ${unit.validTo === null ? 'nay' : formatLocalDate(unit.validTo)}`;
  if (validToday) return { validToday, validityText: `Hiệu lực ${range}` };
  if (unit.validFrom > today) return { validToday, validityText: `Chưa có hiệu lực (${range})` };
  return { validToday, validityText: `Đã hết hiệu lực (${range})` };
}

// Today's units first, then units not yet in force, then former units (the most recently ended first);
// catalogue order within each group.
const rank = (choice: UnitChoice): number => (choice.validToday ? 0 : choice.former ? 2 : 1);

/** Units where every typed word starts a word of the name or the GSO code, ignoring diacritics. */
export function filterUnitChoices(units: readonly Unit[], query: string, today: string): UnitChoice[] {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  const matching = units
    .filter((unit) => {
      const unitWords = foldVietnamese(`${unit.name} ${unit.gsoCode}`).split(' ');
      return words.every((word) => unitWords.some((unitWord) => unitWord.startsWith(word)));
    })
    .map((unit) => ({ unit, former: isFormerUnitOn(unit, today), ...describeValidity(unit, today) }));
  return matching
    .map((choice, order) => ({ choice, order }))
    .sort((a, b) => rank(a.choice) - rank(b.choice) || (a.choice.former ? (b.choice.unit.validTo ?? '').localeCompare(a.choice.unit.validTo ?? '') : 0) || a.order - b.order)
    .map(({ choice }) => choice);
}

/** The names of the units that took over a former unit, for its label. */
export function successorNames(unit: Unit, units: readonly Unit[]): string[] {
  return unit.successorIds.flatMap((id) => units.find((u) => u.id === id)?.name ?? []);
}
