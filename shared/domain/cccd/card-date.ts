// Dates as the CCCD QR code writes them (ddMMyyyy) and as the app stores calendar dates (yyyy-MM-dd).
// Plain arithmetic on the Gregorian calendar: a date on a card has no time zone.

/** The QR scheme's century digit starts at 1900; an earlier date on a living citizen's card is garbage. */
export const EARLIEST_CARD_YEAR = 1900;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoIfReal(year: number, month: number, day: number): string | null {
  if (year < EARLIEST_CARD_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** '05061990' → '1990-06-05'; null if not eight digits or not a real calendar date. */
export function parseCardDate(ddMMyyyy: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/u.exec(ddMMyyyy);
  if (!m) return null;
  return isoIfReal(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** True for a real calendar date written yyyy-MM-dd (year 1900 or later). */
export function isIsoCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  return m !== null && isoIfReal(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}
