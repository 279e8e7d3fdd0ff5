import type { Unit } from '../../../../shared/contract/catalogue.js';
import { isUnitValidOn } from '../../../../shared/domain/catalogue/unit.js';
import { foldVietnamese } from '../../../../shared/domain/text/fold-vietnamese.js';
import { formatLocalDate } from '../../../ui/format-date.js';

/** One unit as the first-start list shows it: the latest version of each GSO code. */
export interface UnitChoice {
  unit: Unit;
  /** Valid on the desk's today (a unit merged away can still be chosen until the catalogue is updated). */
  validToday: boolean;
  validityText: string;
}

/** The latest version per GSO code, in catalogue order. */
export function latestUnits(units: readonly Unit[]): Unit[] {
  const latest = new Map<string, Unit>();
  for (const unit of units) {
    const seen = latest.get(unit.gsoCode);
    if (!seen || seen.validFrom < unit.validFrom) latest.set(unit.gsoCode, unit);
  }
  return [...latest.values()];
}

export function describeValidity(unit: Unit, today: string): { validToday: boolean; validityText: string } {
  const validToday = isUnitValidOn(unit, today);
  const range = `${formatLocalDate(unit.validFrom)} – ${unit.validTo === null ? 'nay' : formatLocalDate(unit.validTo)}`;
  if (validToday) return { validToday, validityText: `Hiệu lực ${range}` };
  if (unit.validFrom > today) return { validToday, validityText: `Chưa có hiệu lực (${range})` };
  return { validToday, validityText: `Đã hết hiệu lực (${range})` };
}

/** Units where every typed word starts a word of the name or the GSO code, ignoring diacritics. */
export function filterUnitChoices(units: readonly Unit[], query: string, today: string): UnitChoice[] {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  return latestUnits(units)
    .filter((unit) => {
      const unitWords = foldVietnamese(`${unit.name} ${unit.gsoCode}`).split(' ');
      return words.every((word) => unitWords.some((unitWord) => unitWord.startsWith(word)));
    })
    .map((unit) => ({ unit, ...describeValidity(unit, today) }));
}
