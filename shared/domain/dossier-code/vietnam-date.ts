// Instants are stored as ISO-8601 UTC strings; the date a dossier was received is the date on the
// wall of the desk in Vietnam. Vietnam keeps UTC+7 all year (no daylight saving since 1975), so a
// fixed offset gives the local date whatever time zone the machine is set to.

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Date and time with an explicit offset: a bare local time would depend on the machine's zone. */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/u;

/**
 * Milliseconds since the epoch for an ISO instant with `Z` or an offset. Throws a RangeError for
 * anything else, including dates the JS parser would roll over (Feb 30 → Mar 2).
 */
export function instantToEpochMs(instant: string): number {
  const m = ISO_INSTANT.exec(instant);
  if (!m) throw new RangeError('Expected an ISO-8601 instant with Z or an offset, e.g. 2026-11-28T17:00:00Z');
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = Number(m[6] ?? '0');
  const millisecond = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
  const real =
    wall.getUTCFullYear() === year &&
    wall.getUTCMonth() === month - 1 &&
    wall.getUTCDate() === day &&
    wall.getUTCHours() === hour &&
    wall.getUTCMinutes() === minute &&
    wall.getUTCSeconds() === second;
  const offsetHours = Number(m[10] ?? '0');
  const offsetMinutes = Number(m[11] ?? '0');
  if (!real || offsetHours > 23 || offsetMinutes > 59) throw new RangeError('The instant is not a real date and time');
  const offsetMs = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return wall.getTime() - offsetMs;
}

function vietnamWallClock(instant: string): { year: number; month: number; day: number } {
  const local = new Date(instantToEpochMs(instant) + VIETNAM_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The dossier code's date part: '2026-11-28T17:00:00Z' → '261129' (already 29/11 in Vietnam). */
export function vietnamDateKey(instant: string): string {
  const { year, month, day } = vietnamWallClock(instant);
  return `${two(year % 100)}${two(month)}${two(day)}`;
}

/** The Vietnam calendar date of an instant as yyyy-MM-dd (e.g. "today" for the CCCD parser). */
export function vietnamIsoDate(instant: string): string {
  const { year, month, day } = vietnamWallClock(instant);
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

/** True for a yyMMdd key naming a real date of 2000–2099. */
export function isDateKey(key: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})$/u.exec(key);
  if (!m) return false;
  const [year, month, day] = [2000 + Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
