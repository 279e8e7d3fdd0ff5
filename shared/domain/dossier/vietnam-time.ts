import { CommandError } from '../../contract/errors.js';

// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset gives the local date
// of an instant whatever the machine's time zone (no Intl or tz database needed in the domain).
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function instantMs(instant: string): number {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) throw new CommandError('invalid_argument', 'Thời điểm không hợp lệ.');
  return ms;
}

/** The Vietnam calendar date (yyyy-MM-dd) on which an ISO instant falls. */
export function vietnamDateOf(instant: string): string {
  return new Date(instantMs(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** "HH:mm dd/MM/yyyy" in Vietnam time, as printed on the forms. */
export function formatVietnamTime(instant: string): string {
  const iso = new Date(instantMs(instant) + VIETNAM_OFFSET_MS).toISOString();
  return `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** True for a real calendar date written yyyy-MM-dd. */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (match === null) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === value;
}
