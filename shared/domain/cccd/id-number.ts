import { cccdProvinceName } from './province-codes.js';

// The 12-digit personal identification number (số định danh cá nhân) printed on the CCCD.
// Its first six digits repeat facts on the card — province of birth registration, sex and century,
// year of birth — so they give a free consistency check. A mismatch is a warning, never a refusal:
// the officer holds the card and decides. Messages name the field, never the number (Decree 13/2023).

export type Sex = 'male' | 'female';

export type IdNumberWarningCode =
  | 'province_code_unknown' // digits 1–3 are not a province code
  | 'sex_digit_mismatch' // digit 4 says the other sex
  | 'century_digit_mismatch' // digit 4 says another century of birth
  | 'birth_year_digits_mismatch'; // digits 5–6 are not the last two digits of the birth year

export interface IdNumberWarning {
  code: IdNumberWarningCode;
  message: string;
}

export interface IdNumberError {
  code: 'id_number_invalid';
  message: string;
}

export type IdNumberValidation =
  | { ok: true; idNumber: string; warnings: IdNumberWarning[] }
  | { ok: false; error: IdNumberError };

/** What the digits of a well-formed ID number say about its holder. */
export interface DecodedIdNumber {
  provinceCode: string;
  /** Null when digits 1–3 are not in the province table. */
  provinceName: string | null;
  sex: Sex;
  /** Century from digit 4 plus digits 5–6, e.g. 1990. */
  birthYear: number;
}

/** Facts typed or read elsewhere to check the digits against; any may be missing. */
export interface IdNumberFacts {
  /** yyyy-MM-dd */
  birthDate?: string | null;
  sex?: Sex | null;
}

export const ID_NUMBER_INVALID_MESSAGE = 'Số định danh cá nhân (số CCCD) phải gồm đúng 12 chữ số.';

const WARNING_MESSAGES: Record<IdNumberWarningCode, string> = {
  province_code_unknown: 'Ba chữ số đầu của số định danh không phải mã tỉnh, thành phố nơi đăng ký khai sinh.',
  sex_digit_mismatch: 'Chữ số thứ tư của số định danh (giới tính) không khớp với giới tính.',
  century_digit_mismatch: 'Chữ số thứ tư của số định danh (thế kỷ sinh) không khớp với năm sinh.',
  birth_year_digits_mismatch: 'Chữ số thứ năm và thứ sáu của số định danh không khớp với năm sinh.',
};

const warning = (code: IdNumberWarningCode): IdNumberWarning => ({ code, message: WARNING_MESSAGES[code] });

/** Strips surrounding spaces and folds full-width digits (some IMEs type them) to ASCII. */
export function normaliseIdDigits(value: string): string {
  return value.normalize('NFKC').trim();
}

/**
 * Reads digits 1–6 of a 12-digit ID. Digit 4: even = male, odd = female; 0/1 → 1900s, 2/3 → 2000s,
 * 4/5 → 2100s, and so on. Returns null if the value is not exactly 12 ASCII digits.
 */
export function decodeIdNumber(idNumber: string): DecodedIdNumber | null {
  if (!/^\d{12}$/u.test(idNumber)) return null;
  const provinceCode = idNumber.slice(0, 3);
  const sexCentury = Number(idNumber[3]);
  return {
    provinceCode,
    provinceName: cccdProvinceName(provinceCode),
    sex: sexCentury % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(sexCentury / 2) * 100 + Number(idNumber.slice(4, 6)),
  };
}

/** Warnings for the digits of a well-formed ID that disagree with the given facts (or no province). */
export function crossCheckIdNumber(decoded: DecodedIdNumber, facts: IdNumberFacts): IdNumberWarning[] {
  const warnings: IdNumberWarning[] = [];
  if (decoded.provinceName === null) warnings.push(warning('province_code_unknown'));
  if (facts.sex != null && facts.sex !== decoded.sex) warnings.push(warning('sex_digit_mismatch'));
  if (facts.birthDate != null) {
    const birthYear = Number(facts.birthDate.slice(0, 4));
    if (Math.floor(birthYear / 100) !== Math.floor(decoded.birthYear / 100)) warnings.push(warning('century_digit_mismatch'));
    if (birthYear % 100 !== decoded.birthYear % 100) warnings.push(warning('birth_year_digits_mismatch'));
  }
  return warnings;
}

/**
 * Checks an ID number typed by the officer: 12 digits (after trimming and folding full-width
 * digits) or an `id_number_invalid` error; with `facts`, digit/fact disagreements come back as warnings.
 */
export function validateIdNumber(value: string, facts: IdNumberFacts = {}): IdNumberValidation {
  const idNumber = normaliseIdDigits(value);
  const decoded = decodeIdNumber(idNumber);
  if (decoded === null) return { ok: false, error: { code: 'id_number_invalid', message: ID_NUMBER_INVALID_MESSAGE } };
  return { ok: true, idNumber, warnings: crossCheckIdNumber(decoded, facts) };
}
