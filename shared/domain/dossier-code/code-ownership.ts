import { parseDossierCode } from './dossier-code.js';
import { serialBlockOf } from './serial-block.js';

// Whether a code may be issued by a desk: it must open with its unit's agency identifier and its serial
// must lie in the desk's station block (station s: s001–s999). Checked by the centre on every code an
// event issues (issued-code.ts), so no desk can take another unit's or another station's codes.

export type CodeOwnershipProblem = 'malformed' | 'foreign_agency' | 'outside_station';

export function codeOwnershipProblem(code: string, owner: { agencyId: string; station: number | null }): CodeOwnershipProblem | null {
  const parts = parseDossierCode(code);
  if (parts === null || parts.agencyIdentifier + '-' + parts.dateKey + '-' + String(parts.serial).padStart(4, '0') !== code) return 'malformed';
  if (parts.agencyIdentifier !== owner.agencyId) return 'foreign_agency';
  if (owner.station !== null) {
    const block = serialBlockOf(owner.station);
    if (parts.serial < block.first || parts.serial > block.last) return 'outside_station';
  }
  return null;
}
