import { otherUnitHoldingAgency } from '../../shared/domain/catalogue/agency-ownership.js';
import type { Unit } from '../../shared/domain/catalogue/unit.js';
import { codeOwnershipProblem } from '../../shared/domain/dossier-code/code-ownership.js';
import { parseDossierCode } from '../../shared/domain/dossier-code/dossier-code.js';
import { formatLocalDate } from '../../shared/domain/calendar/vietnam-time.js';
import { serialBlockOf } from '../../shared/domain/dossier-code/serial-block.js';
import { vietnamIsoDate } from '../../shared/domain/dossier-code/vietnam-date.js';
import type { PushRejectionCode } from '../../shared/sync/protocol.js';
import type { AppendTx } from '../storage/storage.js';

// The centre's checks of a dossier code an event issues (issued-code.ts says which events do): it opens
// with the unit's agency identifier, its serial lies in the sending desk's station block, its date part
// is the Vietnam date it was issued on, and no other dossier of the unit holds it. Without them a desk of
// another unit could push a dossier under a unit's next predictable code, and the public lookup would
// show the forgery. An agency identifier the catalogue gives to another unit is refused outright: two
// units' desks using one identifier would issue the same codes, and a unit whose identifier was never
// recorded must not take another's.

/** Codes claimed earlier in the same request: `${unit} ${code}` → dossier id. */
export type CodeClaims = Map<string, string>;

/**
 * A catalogue unit whose codes the sender may issue in a dossier of the unit's GSO code: a device's
 * own unit (`until` null), or one it served before moving to a successor (only codes issued up to the
 * move). GSO codes are reused by successors, so the unit is named by its catalogue id.
 */
export interface IssuingUnit {
  unitId: string;
  until: string | null;
}

/** Who issues: the dossier's GSO code, the catalogue units the sender may issue for in it (the first takes an unrecorded identifier), and its station. */
export interface CodeOwner {
  unitGso: string;
  units: readonly IssuingUnit[];
  station: number | null;
  /** The units as last published: whose agency identifier a code's prefix is. */
  catalogue: readonly Unit[];
}

export interface CodeRefusal {
  code: Extract<PushRejectionCode, 'code_taken' | 'code_foreign_agency' | 'code_outside_station' | 'code_date_mismatch' | 'invalid_event'>;
  message: string;
}

/**
 * The identifier of the unit among `units` that holds `wanted`; else, when the first unit has none
 * recorded, `wanted` if it can claim it; else the first recorded one (for the message), or null.
 */
async function agencyOfIssue(tx: AppendTx, units: readonly IssuingUnit[], wanted: string): Promise<string | null> {
  let first: string | null = null;
  for (const unit of units) {
    const held = await tx.unitAgency(unit.unitId);
    if (held === wanted) return held;
    first ??= held;
  }
  const claimant = units[0];
  if (claimant === undefined) return first;
  // Read again: a concurrent writer (another centre process, or another push on PostgreSQL's READ
  // COMMITTED) may have recorded the claimant's identifier since the loop read it as unset.
  const now = await tx.unitAgency(claimant.unitId);
  if (now === wanted) return wanted;
  if (now === null && (await tx.claimUnitAgency(claimant.unitId, wanted))) return wanted;
  return first ?? now;
}

/**
 * Why the dossier may not be given `code`, or null. The unit's agency identifier is the one its first
 * enrollment recorded; a unit enrolled before identifiers were recorded gets the one its first code
 * opens with (unless another unit holds it). With `claims`, the code is also checked free and
 * reserved for the dossier in `claimed`.
 */
export async function checkIssuedCode(
  tx: AppendTx,
  claimed: CodeClaims,
  owner: CodeOwner,
  dossierId: string,
  issue: { code: string; issuedAt: string },
  claims: boolean,
): Promise<CodeRefusal | null> {
  const { code, issuedAt } = issue;
  const parts = parseDossierCode(code);
  if (parts === null) return { code: 'invalid_event', message: `Mã hồ sơ ${code} không đúng dạng <mã định danh>-<yyMMdd>-<NNNN>.` };
  // A former unit's identifier counts only for codes issued before the device moved on.
  const units = owner.units.filter((unit) => unit.until === null || issuedAt <= unit.until);
  const catalogueOwner = otherUnitHoldingAgency(parts.agencyIdentifier, (unit) => units.some((own) => own.unitId === unit.id), owner.catalogue);
  if (catalogueOwner !== null) {
    return {
      code: 'code_foreign_agency',
      message: `Mã định danh ${parts.agencyIdentifier} trong mã hồ sơ ${code} là của ${catalogueOwner.name} (mã GSO ${catalogueOwner.gsoCode}), không phải của đơn vị.`,
    };
  }
  const agencyId = await agencyOfIssue(tx, units, parts.agencyIdentifier);
  const problem = codeOwnershipProblem(code, { agencyId: agencyId ?? '', station: owner.station }, issuedAt);
  if (problem === 'malformed') return { code: 'invalid_event', message: `Mã hồ sơ ${code} không đúng dạng <mã định danh>-<yyMMdd>-<NNNN>.` };
  if (problem === 'foreign_agency') {
    return {
      code: 'code_foreign_agency',
      message:
        agencyId === null
          ? `Mã định danh ${parts.agencyIdentifier} trong mã hồ sơ ${code} là của một đơn vị khác.`
          : `Mã hồ sơ ${code} không mang mã định danh ${agencyId} của đơn vị.`,
    };
  }
  if (problem === 'outside_station' && owner.station !== null) {
    const block = serialBlockOf(owner.station);
    return {
      code: 'code_outside_station',
      message: `Số thứ tự trong mã hồ sơ ${code} không thuộc dải của quầy số ${owner.station} (${block.first}–${block.last}) mà máy này được đăng ký.`,
    };
  }
  if (problem === 'date_mismatch') {
    const key = parts.dateKey;
    const coded = formatLocalDate(`20${key.slice(0, 2)}-${key.slice(2, 4)}-${key.slice(4)}`);
    return {
      code: 'code_date_mismatch',
      message: `Ngày trong mã hồ sơ ${code} (${coded}) không khớp với ngày tiếp nhận ${formatLocalDate(vietnamIsoDate(issuedAt))} (giờ Việt Nam).`,
    };
  }
  if (!claims) return null;
  const key = `${owner.unitGso} ${code}`;
  const holder = claimed.get(key) ?? (await tx.dossierHoldingCode(owner.unitGso, code));
  if (holder !== null && holder !== dossierId) {
    return { code: 'code_taken', message: `Mã hồ sơ ${code} đã thuộc một hồ sơ khác của đơn vị. Giám sát viên cần cấp lại mã cho hồ sơ này.` };
  }
  claimed.set(key, dossierId);
  return null;
}
