import { HA_LONG_UNITS } from './seed/ha-long-units.js';

// The place an administrative paper is signed at ("Hạ Long, ngày …"), the same on the printed forms
// and the exported reports. A ward or commune of Hạ Long city (2020–2025) signs with the city's name,
// not its own: its desk's papers say "Hạ Long", never "Hồng Gai". A unit of the 2025 map has no city
// above it and signs with its own name ("Phường Hạ Long" → "Hạ Long", "Xã Quảng La" → "Quảng La").

const HA_LONG = 'Hạ Long';
const UNIT_KIND_PREFIX = /^(Phường|Xã|Thị trấn|Đặc khu)\s+/u;

/**
 * The place for a unit as a dossier or the desk's settings record it. The GSO code tells a Hạ Long
 * ward from a 2025 unit of the same name; without it (an old report header) the name alone decides.
 */
export function documentPlaceOf(unit: { gsoCode: string | null; name: string }): string {
  const inHaLong = HA_LONG_UNITS.some((candidate) => candidate.name === unit.name && (unit.gsoCode === null || candidate.gsoCode === unit.gsoCode));
  return inHaLong ? HA_LONG : unit.name.replace(UNIT_KIND_PREFIX, '');
}
