import { EARLIEST_CARD_YEAR } from './card-date.js';

// When a citizen can have been born: the one rule for a birth date, whether read from a card's QR
// code (parse-cccd-qr.ts) or typed at the desk and checked by the core against its own clock.

export type BirthDateProblem = 'before_1900' | 'in_future';

export const BIRTH_DATE_MESSAGES: Record<BirthDateProblem, string> = {
  before_1900: `Ngày sinh phải từ năm ${EARLIEST_CARD_YEAR} trở đi.`,
  in_future: 'Ngày sinh không được sau ngày hôm nay.',
};

/** Both dates yyyy-MM-dd; `today` is today's date in Vietnam (the caller's clock, never the machine's here). */
export function birthDateProblem(birthDate: string, today: string): BirthDateProblem | null {
  if (birthDate < `${EARLIEST_CARD_YEAR}-01-01`) return 'before_1900';
  return birthDate > today ? 'in_future' : null;
}
