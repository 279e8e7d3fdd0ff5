import { AGENCY_IDENTIFIER_PATTERN } from './agency-identifier.js';
import { isDateKey } from './vietnam-date.js';

// The dossier code (mã hồ sơ) printed on the receipt: `<agency identifier>-<yyMMdd>-<NNNN>`,
// e.g. `000.21.09.H49-261129-1003` — the unit's identifier, the Vietnam date of receipt and the serial of
// that day. Serials from this app follow the station blocks (serial-block.ts); codes from other systems
// (e.g. `…-0361`) still parse, so any serial 0001–9999 is accepted here.

export interface DossierCodeParts {
  /** `AAA.BB.CC.Hnn` */
  agencyIdentifier: string;
  /** yyMMdd, the Vietnam date of receipt (vietnamDateKey). */
  dateKey: string;
  /** 1–9999, printed with four digits. */
  serial: number;
}

const DOSSIER_CODE = /^(\d{3}\.\d{2}\.\d{2}\.H\d{2})-(\d{6})-(\d{4})$/u;

const isSerial = (serial: number): boolean => Number.isInteger(serial) && serial >= 1 && serial <= 9999;

/** Writes the code. Throws a RangeError if a part is malformed (the caller built it wrongly). */
export function formatDossierCode(parts: DossierCodeParts): string {
  if (!AGENCY_IDENTIFIER_PATTERN.test(parts.agencyIdentifier)) throw new RangeError('The agency identifier is not AAA.BB.CC.Hnn');
  if (!isDateKey(parts.dateKey)) throw new RangeError('The date key is not a real yyMMdd date');
  if (!isSerial(parts.serial)) throw new RangeError('The serial is not an integer from 1 to 9999');
  return `${parts.agencyIdentifier}-${parts.dateKey}-${String(parts.serial).padStart(4, '0')}`;
}

/** Reads a code typed or scanned (surrounding spaces and a lower-case h tolerated), or null. */
export function parseDossierCode(text: string): DossierCodeParts | null {
  const m = DOSSIER_CODE.exec(text.trim().replace(/h(?=\d{2}-)/u, 'H'));
  if (!m) return null;
  const [, agencyIdentifier = '', dateKey = '', serialText = ''] = m;
  const serial = Number(serialText);
  if (!isDateKey(dateKey) || !isSerial(serial)) return null;
  return { agencyIdentifier, dateKey, serial };
}
