import { parseDossierCode } from './dossier-code.js';
import { serialBlockOf } from './serial-block.js';
import { vietnamDateKey } from './vietnam-date.js';

// Whether a code may be issued by a desk: it must open with its unit's agency identifier and its serial
// must lie in the desk's station block (station s: s001–s999). Checked by the centre on every code an
// event issues (issued-code.ts), so no desk can take another unit's or another station's codes.
// Its date part must be the Vietnam date of the instant it was issued at: a code dated another day would
// take a serial of that day's series (a predictable code of the past or the future), and the lookup and
// the receipt would disagree on when the dossier was received.

export type CodeOwnershipProblem = 'malformed' | 'foreign_agency' | 'outside_station' | 'date_mismatch';

export function codeOwnershipProblem(
  code: string,
  owner: { agencyId: string; station: number | null },
  /** The instant the code was issued at (codeIssuedAt); absent: the date part is not checked. */
  issuedAt?: string,
): CodeOwnershipProblem | null {
  const parts = parseDossierCode(code);
  if (parts === null || parts.agencyIdentifier + '-' + parts.dateKey + '-' + String(parts.serial).padStart(4, '0') !== code) return 'malformed';
  if (parts.agencyIdentifier !== owner.agencyId) return 'foreign_agency';
  if (owner.station !== null) {
    const block = serialBlockOf(owner.station);
    if (parts.serial < block.first || parts.serial > block.last) return 'outside_station';
  }
  if (issuedAt !== undefined && parts.dateKey !== vietnamDateKey(issuedAt)) return 'date_mismatch';
  return null;
}
