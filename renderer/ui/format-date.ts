import { format, parseISO } from 'date-fns';
import { vi } from 'date-fns/locale';

// Dates on the desk are always Vietnam time, whatever zone the machine (or a test browser) is set to:
// an appointment printed on a receipt must not move with a laptop's settings. Vietnam has kept UTC+7
// without daylight saving since 1975, so a fixed offset is exact.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function instantOf(value: Date | string): Date {
  return typeof value === 'string' ? parseISO(value) : value;
}

/** The Vietnam wall-clock fields of an instant. */
function vietnamFields(instant: Date): { year: number; month: number; day: number; hours: number; minutes: number } {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
  };
}

/**
 * A local Date showing the Vietnam wall clock of `instant`, for date-fns (which reads local fields).
 * Null in the one hour a year where that wall time does not exist locally (a daylight-saving gap).
 */
function vietnamWallClock(instant: Date): Date | null {
  const f = vietnamFields(instant);
  const local = new Date(f.year, f.month, f.day, f.hours, f.minutes);
  return local.getHours() === f.hours && local.getMinutes() === f.minutes ? local : null;
}

function formatInVietnam(value: Date | string, pattern: string, fallback: (f: ReturnType<typeof vietnamFields>) => string): string {
  const instant = instantOf(value);
  if (Number.isNaN(instant.getTime())) return '—';
  const wall = vietnamWallClock(instant);
  return wall === null ? fallback(vietnamFields(instant)) : format(wall, pattern, { locale: vi });
}

/** The one date-time format of the desk, as on the official forms: dd/MM/yyyy HH:mm, Vietnam time. */
export function formatDateTime(value: Date | string): string {
  return formatInVietnam(value, 'dd/MM/yyyy HH:mm', (f) => `${pad(f.day)}/${pad(f.month + 1)}/${f.year} ${pad(f.hours)}:${pad(f.minutes)}`);
}

/** dd/MM/yyyy of an instant, Vietnam time. */
export function formatDate(value: Date | string): string {
  return formatInVietnam(value, 'dd/MM/yyyy', (f) => `${pad(f.day)}/${pad(f.month + 1)}/${f.year}`);
}

/** A calendar date stored as yyyy-MM-dd (a birth date, a filter bound) shown as dd/MM/yyyy. */
export function formatLocalDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** Today's date in Vietnam, yyyy-MM-dd. */
export function vietnamToday(now: Date = new Date()): string {
  const f = vietnamFields(now);
  return `${f.year}-${pad(f.month + 1)}-${pad(f.day)}`;
}

/** The value for an `<input type="datetime-local">` showing `instant` in Vietnam time: yyyy-MM-ddTHH:mm. */
export function toVietnamLocalInput(value: Date | string): string {
  const f = vietnamFields(instantOf(value));
  return `${f.year}-${pad(f.month + 1)}-${pad(f.day)}T${pad(f.hours)}:${pad(f.minutes)}`;
}

/** Reads a datetime-local value typed in Vietnam time; null if it is not a real date and time. */
export function fromVietnamLocalInput(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hours, minutes) - VIETNAM_OFFSET_MS;
  const instant = new Date(ms);
  // Date.UTC rolls 31/02 over to March: such input is refused, not silently moved.
  return toVietnamLocalInput(instant) === local ? instant.toISOString() : null;
}

/** The weekday of an instant in Vietnam, e.g. "Thứ Hai" (date-fns `vi`). */
export function formatWeekday(value: Date | string): string {
  return formatInVietnam(value, 'EEEE', () => '');
}

// Dates are typed as Vietnamese officers write them, dd/MM/yyyy: a browser's own date input shows the
// operating system's order (06/05/1990 is 5 June in Hanoi but June 5 in a US-set Chromium), so the desk
// does not rely on it.
const TYPED_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const TYPED_DATE_TIME = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s+(\d{1,2})[:h](\d{2})$/;

function realDate(year: number, month: number, day: number): string | null {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? iso : null;
}

/** "05/06/1990" → "1990-06-05"; null unless it is a real date written day/month/year. */
export function parseTypedDate(text: string): string | null {
  const match = TYPED_DATE.exec(text.trim());
  if (!match) return null;
  return realDate(Number(match[3]), Number(match[2]), Number(match[1]));
}

/** "01/12/2026 08:30" typed in Vietnam time → ISO instant; null unless real. */
export function parseTypedDateTime(text: string): string | null {
  const match = TYPED_DATE_TIME.exec(text.trim());
  if (!match) return null;
  const date = realDate(Number(match[3]), Number(match[2]), Number(match[1]));
  const hours = Number(match[4]);
  const minutes = Number(match[5]);
  if (date === null || hours > 23 || minutes > 59) return null;
  return fromVietnamLocalInput(`${date}T${pad(hours)}:${pad(minutes)}`);
}
