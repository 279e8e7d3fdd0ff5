// The agency's electronic identifier (mã định danh điện tử của cơ quan), the first part of every
// dossier code: `AAA.BB.CC.Hnn` — three digits, two, two, then H and the province's two digits.
// Quảng Ninh is H49, so Hạ Long ward desks look like `000.BB.CC.H49`. Chosen at first start.

export const AGENCY_IDENTIFIER_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/u;

/** The province part of Quảng Ninh's agency identifiers. */
export const QUANG_NINH_PROVINCE_PART = 'H49';

export const AGENCY_IDENTIFIER_INVALID_MESSAGE =
  'Mã định danh cơ quan phải có dạng AAA.BB.CC.Hnn (ví dụ 000.21.09.H49): ba chữ số, hai chữ số, hai chữ số, chữ H và hai chữ số.';

export function isAgencyIdentifier(value: string): boolean {
  return AGENCY_IDENTIFIER_PATTERN.test(value);
}
