import { CommandError } from '../../contract/errors.js';
import { formatLocalDate, type LocalDate } from '../calendar/vietnam-time.js';

// The serial of a dossier code restarts each day per unit. Desks (stations) of one unit must never
// hand out the same serial while they are all offline, so each station owns its own block:
// station s uses s001–s999 of each day (first digit = station). The lead's repository reads the
// station's last serial of the day and writes the next one in the same transaction as the dossier.

export const FIRST_STATION = 1;
export const LAST_STATION = 9;
export const SERIALS_PER_STATION_PER_DAY = 999;

export interface SerialBlock {
  /** First serial of the station's daily block, e.g. 1001 for station 1. */
  first: number;
  /** Last serial of the block, e.g. 1999 for station 1. */
  last: number;
}

export function isStation(value: number): boolean {
  return Number.isInteger(value) && value >= FIRST_STATION && value <= LAST_STATION;
}

/** The daily serials station `station` (1–9) may use. Throws a RangeError for another station number. */
export function serialBlockOf(station: number): SerialBlock {
  if (!isStation(station)) throw new RangeError(`A station number is an integer from ${FIRST_STATION} to ${LAST_STATION}`);
  return { first: station * 1000 + 1, last: station * 1000 + SERIALS_PER_STATION_PER_DAY };
}

/** The station whose block holds `serial`, or null (e.g. 0361 from another system, or x000). */
export function stationOfSerial(serial: number): number | null {
  if (!Number.isInteger(serial)) return null;
  const station = Math.floor(serial / 1000);
  return isStation(station) && serial % 1000 !== 0 ? station : null;
}

/**
 * The serial for the station's next dossier received on `day` (Vietnam date, 'yyyy-MM-dd'): the
 * first of its block when it has used none that day, else one more than the last. Throws
 * CommandError('conflict') when the station has used all 999 of that day's serials (the dossier is
 * not received; another station can take it) — the message names the day, which is not today for a
 * dossier entered afterwards from the paper log — and a RangeError when `lastUsedSerialOfDay` is not
 * in the station's block, a sign the caller read another station's serials.
 */
export function nextSerial(station: number, lastUsedSerialOfDay: number | null, day: LocalDate): number {
  const block = serialBlockOf(station);
  if (lastUsedSerialOfDay === null) return block.first;
  if (!Number.isInteger(lastUsedSerialOfDay) || lastUsedSerialOfDay < block.first || lastUsedSerialOfDay > block.last) {
    throw new RangeError(`The last used serial is outside station ${station}'s block ${block.first}–${block.last}`);
  }
  if (lastUsedSerialOfDay === block.last) {
    throw new CommandError(
      'conflict',
      `Quầy số ${station} đã dùng hết ${SERIALS_PER_STATION_PER_DAY} số thứ tự hồ sơ của ngày ${formatLocalDate(day)} ` +
        `(${block.first}–${block.last}). Đề nghị tiếp nhận tại quầy khác.`,
    );
  }
  return lastUsedSerialOfDay + 1;
}
