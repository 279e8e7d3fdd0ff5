import { lineTextProblem, normaliseName } from '../text/normalise-name.js';
import { foldVietnamese } from '../text/fold-vietnamese.js';
import { birthDateProblem } from './birth-date.js';
import { isIsoCalendarDate, parseCardDate } from './card-date.js';
import {
  crossCheckIdNumber,
  decodeIdNumber,
  ID_NUMBER_INVALID_MESSAGE,
  normaliseIdDigits,
  type IdNumberWarning,
  type Sex,
} from './id-number.js';

// The QR code on a chip CCCD (căn cước công dân, citizen identity card), one line:
//   <12-digit ID>|<old 9-digit ID or empty>|<full name>|<birth ddMMyyyy>|<Nam|Nữ>|<permanent address>|<issue date ddMMyyyy>
// read by a keyboard-wedge scanner (which "types" the line and Enter, through whatever IME is on) or a
// camera. The parser never throws on input and never puts a field's value into a message: the line
// and the ID are personal data (Decree 13/2023) and messages end up in logs and envelopes.

export interface CccdCard {
  idNumber: string;
  /** The old 9-digit (or 12-digit) CMND number, null when the card leaves it empty. */
  oldIdNumber: string | null;
  fullName: string;
  /** yyyy-MM-dd */
  birthDate: string;
  sex: Sex;
  /** Permanent address as frozen on the card at issue (pre-2025 unit names); '' if the code has none. */
  address: string;
  /** yyyy-MM-dd */
  issueDate: string;
}

export type CccdWarningCode =
  | IdNumberWarning['code']
  | 'old_id_number_unusual' // the old CMND number is neither 9 nor 12 digits
  | 'address_missing'; // the address field is empty: the officer types it

export interface CccdWarning {
  code: CccdWarningCode;
  message: string;
}

export type CccdErrorCode =
  | 'scanned_twice' // two lines in the field: the scanner read the card again before the field was cleared
  | 'too_few_fields'
  | 'characters_invalid' // control or bidi characters: garbage from the scanner or the IME, not the card
  | 'id_number_invalid'
  | 'full_name_missing'
  | 'birth_date_invalid'
  | 'birth_date_in_future'
  | 'sex_invalid'
  | 'issue_date_invalid'
  | 'issue_date_before_birth'
  | 'issue_date_in_future';

export interface CccdParseError {
  code: CccdErrorCode;
  message: string;
}

export type CccdParseResult = { ok: true; card: CccdCard; warnings: CccdWarning[] } | { ok: false; error: CccdParseError };

export interface ParseCccdQrOptions {
  /** Today's date in Vietnam, yyyy-MM-dd: a birth or issue date after it is refused. */
  today: string;
}

export const CCCD_QR_FIELD_COUNT = 7;

const ERROR_MESSAGES: Record<CccdErrorCode, string> = {
  scanned_twice: 'Quét lại: ô nhận được hai lần quét mã QR liền nhau. Hãy xoá ô rồi quét thẻ một lần.',
  characters_invalid: 'Quét lại: mã QR đọc được có ký tự điều khiển hoặc ký tự đảo chiều văn bản (thường do máy quét hoặc bộ gõ).',
  too_few_fields: `Mã QR trên thẻ CCCD không đủ ${CCCD_QR_FIELD_COUNT} trường thông tin; đề nghị quét lại.`,
  id_number_invalid: ID_NUMBER_INVALID_MESSAGE,
  full_name_missing: 'Mã QR trên thẻ CCCD không có họ và tên.',
  birth_date_invalid: 'Ngày sinh trong mã QR không phải ngày hợp lệ (ngày, tháng, năm dạng ddMMyyyy).',
  birth_date_in_future: 'Ngày sinh trong mã QR ở sau ngày hôm nay.',
  sex_invalid: 'Giới tính trong mã QR phải là "Nam" hoặc "Nữ".',
  issue_date_invalid: 'Ngày cấp trong mã QR không phải ngày hợp lệ (ngày, tháng, năm dạng ddMMyyyy).',
  issue_date_before_birth: 'Ngày cấp trong mã QR không sau ngày sinh.',
  issue_date_in_future: 'Ngày cấp trong mã QR ở sau ngày hôm nay.',
};

const WARNING_MESSAGES: Record<Exclude<CccdWarningCode, IdNumberWarning['code']>, string> = {
  old_id_number_unusual: 'Số CMND cũ trong mã QR không gồm 9 hoặc 12 chữ số; kiểm tra lại trên thẻ.',
  address_missing: 'Mã QR không có nơi thường trú; nhập theo thẻ.',
};

const fail = (code: CccdErrorCode): CccdParseResult => ({ ok: false, error: { code, message: ERROR_MESSAGES[code] } });

/** "Nam"/"Nữ" in any case or normal form; the fold also accepts "Nu" from an IME that dropped the mark. */
function parseSex(field: string): Sex | null {
  const folded = foldVietnamese(field);
  if (folded === 'nam') return 'male';
  if (folded === 'nu') return 'female';
  return null;
}

/**
 * A second scan appended to the first: after a line break (a scanner that sends CR LF, or a paste of
 * two lines), or straight after the first card's issue date (eight digits then a 12-digit ID).
 */
function looksLikeTwoScans(line: string, fields: readonly string[]): boolean {
  if (/[\r\n\u2028\u2029]/u.test(line)) return true;
  return fields.length >= 2 * CCCD_QR_FIELD_COUNT - 1 && /^\d{20}$/u.test(fields[CCCD_QR_FIELD_COUNT - 1] ?? '');
}

/** Parses one scanned CCCD QR line. `options.today` must be a yyyy-MM-dd date (else a RangeError). */
export function parseCccdQr(qrText: string, options: ParseCccdQrOptions): CccdParseResult {
  if (!isIsoCalendarDate(options.today)) throw new RangeError('parseCccdQr: options.today must be a yyyy-MM-dd date');

  // NFC first: a wedge scanner typing through an IME, or a camera library, may deliver decomposed marks.
  // trim() also drops the Enter (CR/LF) the scanner sends and a stray BOM.
  const line = qrText.normalize('NFC').trim();
  const fields = line.split('|');
  if (looksLikeTwoScans(line, fields)) return fail('scanned_twice');
  if (fields.length < CCCD_QR_FIELD_COUNT) return fail('too_few_fields');
  // Later card generations append fields; only the first seven are defined.
  const [idField = '', oldIdField = '', nameField = '', birthField = '', sexField = '', addressField = '', issueField = ''] = fields;

  const idNumber = normaliseIdDigits(idField);
  const decoded = decodeIdNumber(idNumber);
  if (decoded === null) return fail('id_number_invalid');

  if (lineTextProblem(nameField) !== null || lineTextProblem(addressField) !== null) return fail('characters_invalid');
  const fullName = normaliseName(nameField);
  if (fullName === '') return fail('full_name_missing');

  const birthDate = parseCardDate(normaliseIdDigits(birthField));
  if (birthDate === null) return fail('birth_date_invalid');
  const birthProblem = birthDateProblem(birthDate, options.today);
  if (birthProblem !== null) return fail(birthProblem === 'in_future' ? 'birth_date_in_future' : 'birth_date_invalid');

  const sex = parseSex(sexField);
  if (sex === null) return fail('sex_invalid');

  const issueDate = parseCardDate(normaliseIdDigits(issueField));
  if (issueDate === null) return fail('issue_date_invalid');
  if (issueDate <= birthDate) return fail('issue_date_before_birth');
  if (issueDate > options.today) return fail('issue_date_in_future');

  const warnings: CccdWarning[] = [...crossCheckIdNumber(decoded, { birthDate, sex })];

  const oldId = normaliseIdDigits(oldIdField);
  if (oldId !== '' && !/^(?:\d{9}|\d{12})$/u.test(oldId)) {
    warnings.push({ code: 'old_id_number_unusual', message: WARNING_MESSAGES.old_id_number_unusual });
  }

  // Addresses follow the same storage rule as names: NFC, single spaces, trimmed.
  const address = normaliseName(addressField);
  if (address === '') warnings.push({ code: 'address_missing', message: WARNING_MESSAGES.address_missing });

  return {
    ok: true,
    card: { idNumber, oldIdNumber: oldId === '' ? null : oldId, fullName, birthDate, sex, address, issueDate },
    warnings,
  };
}
