// Phone numbers as the desk stores and searches them. Officers and citizens write the same number as
// "0912.345.222", "0912 345 222", "+84 912 345 222" or "84912345222"; one canonical form — the
// domestic one, with its leading 0 and digits only — lets a search typed either way find it.

/** What people put between digit groups: spaces, dots, dashes, and brackets round an area code. */
const GROUPING = /[\s.()-]/gu;

/** Vietnam's country code, as written after "+" or the international prefix "00". */
const COUNTRY_CODE = '84';

/**
 * "+84 912 345 222", "0084912345222", "84912345222", "0912.345.222" → "0912345222".
 * Separators are dropped; a Vietnamese country prefix becomes the domestic 0 (a 0 written after it,
 * as in "+84 (0) 912…", is not doubled). A bare "84…" is read as the country code only when what
 * follows has the length of a national number (9 or 10 digits), so an 8-digit local number that
 * happens to start with 84 is kept. Numbers of other countries keep their "+". Anything else (letters,
 * a stray "+") is returned separator-free for the caller's validation to refuse.
 */
export function canonicalPhone(raw: string): string {
  const compact = raw.replace(GROUPING, '');
  const international = /^(?:\+|00)(\d+)$/u.exec(compact);
  if (international) {
    const digits = international[1]!;
    return digits.startsWith(COUNTRY_CODE) ? domestic(digits.slice(COUNTRY_CODE.length)) : `+${digits}`;
  }
  if (/^84\d{9,10}$/u.test(compact)) return domestic(compact.slice(COUNTRY_CODE.length));
  return compact;
}

const domestic = (national: string): string => (national.startsWith('0') ? national : `0${national}`);
