import { randomUUID } from 'node:crypto';
import { foreignAgencyMessage, otherUnitHoldingAgency } from '../../shared/domain/catalogue/agency-ownership.js';
import { unitOfGsoAt } from '../../shared/domain/catalogue/unit-of-gso.js';
import type { Unit } from '../../shared/domain/catalogue/unit.js';
import type { EnrollRequest, EnrollResponse, EnrollmentCodeResponse } from '../../shared/sync/protocol.js';
import { CENTRE_DEVICE_ID } from '../../shared/sync/protocol.js';
import { CentreHttpError, conflict } from '../http/centre-error.js';
import { enrollmentCodeHash, newEnrollmentCode, newToken, sha256Hex } from '../security/secrets.js';
import type { CentreCatalogue } from '../catalogue/centre-catalogue.js';
import type { CentreStorage, DeviceRecord } from '../storage/storage.js';

// Enrollment: an administrator issues a one-time code for a unit and station; a desk trades it for a
// device id and a bearer token bound to that unit and station. Codes expire and work once; tokens are
// stored hashed and can be revoked (the desk is then told so and keeps working offline).

export const DEFAULT_CODE_VALID_HOURS = 72;

const invalidCode = () =>
  new CentreHttpError(400, 'enrollment_code_invalid', 'Mã đăng ký không đúng, đã hết hạn hoặc đã được dùng. Hãy xin quản trị viên trung tâm cấp mã mới.');

export class EnrollmentService {
  constructor(
    private readonly storage: CentreStorage,
    private readonly now: () => number,
    /** The units as last published (an agency identifier, a unit the administrator corrected). */
    private readonly catalogue: Pick<CentreCatalogue, 'currentUnits'>,
  ) {}

  async issueCode(input: { unitGsoCode: string; station: number; validHours?: number; createdBy: string }): Promise<EnrollmentCodeResponse> {
    const code = newEnrollmentCode();
    const nowMs = this.now();
    const expiresAt = new Date(nowMs + (input.validHours ?? DEFAULT_CODE_VALID_HOURS) * 3_600_000).toISOString();
    await this.storage.insertEnrollmentCode({
      codeHash: enrollmentCodeHash(code),
      unitGso: input.unitGsoCode,
      station: input.station,
      expiresAt,
      createdAt: new Date(nowMs).toISOString(),
      createdBy: input.createdBy,
    });
    return { code, unitGsoCode: input.unitGsoCode, station: input.station, expiresAt };
  }

  async enroll(request: EnrollRequest): Promise<EnrollResponse> {
    const nowIso = new Date(this.now()).toISOString();
    const hash = enrollmentCodeHash(request.code);
    const code = await this.storage.enrollmentCode(hash);
    if (code === null || code.expiresAt <= nowIso) throw invalidCode();
    // Refuse a code for another unit before spending it: the administrator may just have mixed two up.
    if (request.unitGsoCode !== undefined && request.unitGsoCode !== code.unitGso) {
      throw new CentreHttpError(409, 'unit_mismatch', `Mã đăng ký này dành cho đơn vị ${code.unitGso}, không phải đơn vị ${request.unitGsoCode} của máy này.`);
    }
    // A desk set up for one station must not sign codes from another station's block.
    if (request.station !== undefined && request.station !== code.station) {
      throw new CentreHttpError(
        409,
        'station_mismatch',
        `Mã đăng ký này dành cho quầy số ${code.station}, nhưng máy này được cài đặt là quầy số ${request.station}. Hãy xin mã đăng ký cho quầy số ${request.station}, hoặc cài đặt lại số quầy của máy.`,
      );
    }
    const units = await this.catalogue.currentUnits();
    const unitId = this.unitIdOf(request, code.unitGso, nowIso, units);
    if (request.agencyId !== undefined) await this.bindAgency(unitId, code.unitGso, request.agencyId, units);
    if (code.usedAt !== null) return this.retry(request, hash, nowIso);
    const deviceId = request.deviceId ?? randomUUID();
    if (deviceId === CENTRE_DEVICE_ID) throw conflict('Mã thiết bị này dành riêng cho trung tâm.');
    const existing = await this.storage.device(deviceId);
    if (existing !== null && existing.unitGso !== code.unitGso) {
      throw conflict('Máy này đã đăng ký với một đơn vị khác; một máy chỉ ký hồ sơ của một đơn vị.');
    }
    // A code must not take over a desk that is still enrolled (its id is visible to the unit's other desks).
    if (existing !== null && existing.revokedAt === null) {
      throw conflict('Máy này đang được đăng ký với trung tâm. Quản trị viên cần thu hồi đăng ký cũ trước khi đăng ký lại.');
    }
    const used = await this.storage.consumeEnrollmentCode(hash, nowIso, deviceId);
    if (used === null) throw invalidCode();
    const token = newToken();
    const device: DeviceRecord = { id: deviceId, name: request.deviceName, unitId, unitGso: used.unitGso, station: used.station, enrolledAt: nowIso, revokedAt: null };
    await this.storage.upsertDevice(device, sha256Hex(token));
    return { deviceId, token, unitGsoCode: used.unitGso, station: used.station, centreTime: nowIso };
  }

  /**
   * The same desk asking again with the code it already used: the connection broke after the centre
   * used the code but before the desk read its token. The desk gets a new token (the unread one stops
   * working) while the code is valid, provided no token of that enrollment was ever presented — so a
   * code written on paper does not let anyone else take over a desk that is already syncing. Any other
   * device, or a later attempt, is refused as a used code.
   */
  private async retry(request: EnrollRequest, codeHash: string, nowIso: string): Promise<EnrollResponse> {
    if (request.deviceId === undefined) throw invalidCode();
    const token = newToken();
    const used = await this.storage.reissueEnrollment({ codeHash, deviceId: request.deviceId, deviceName: request.deviceName, tokenHash: sha256Hex(token), nowIso });
    if (used === null) throw invalidCode();
    return { deviceId: request.deviceId, token, unitGsoCode: used.unitGso, station: used.station, centreTime: nowIso };
  }

  /**
   * The unit's agency identifier opens every dossier code its desks issue, so the centre refuses codes
   * under any other. The catalogue's identifiers are placeholders an administrator corrects at each
   * desk's first start, so the centre takes the unit's from its first enrolled desk (its code was issued
   * by a centre administrator) and holds every later desk of the unit to it; no two units share one.
   * An identifier the catalogue gives to another unit is never taken, even by a unit's first desk.
   */
  private async bindAgency(unitId: string, unitGso: string, agencyId: string, units: readonly Unit[]): Promise<void> {
    const catalogueOwner = otherUnitHoldingAgency(agencyId, (unit) => unit.id === unitId, units);
    if (catalogueOwner !== null) throw new CentreHttpError(409, 'agency_mismatch', foreignAgencyMessage(agencyId, catalogueOwner));
    const held = await this.storage.transaction(async (tx) => ((await tx.claimUnitAgency(unitId, agencyId)) ? agencyId : await tx.unitAgency(unitId)));
    if (held === agencyId) return;
    throw new CentreHttpError(
      409,
      'agency_mismatch',
      held === null
        ? `Mã định danh cơ quan ${agencyId} của máy này đã thuộc một đơn vị khác. Hãy kiểm tra lại mã định danh trong cài đặt của máy.`
        : `Đơn vị ${unitGso} dùng mã định danh cơ quan ${held}, nhưng máy này được cài đặt ${agencyId}. Hãy sửa mã định danh trong cài đặt của máy cho khớp.`,
    );
  }

  /**
   * The catalogue unit the desk serves: the one it names (it must bear the code's GSO code: successors
   * reuse codes, so the code alone cannot tell old Bãi Cháy from new), else the one bearing the code
   * today. A code the catalogue does not know stands for itself.
   */
  private unitIdOf(request: EnrollRequest, unitGso: string, nowIso: string, units: readonly Unit[]): string {
    if (request.unitId !== undefined) {
      const named = units.find((unit) => unit.id === request.unitId);
      if (named === undefined || named.gsoCode !== unitGso) {
        throw new CentreHttpError(409, 'unit_mismatch', `Mã đăng ký này dành cho đơn vị mã GSO ${unitGso}, không phải đơn vị "${request.unitId}" của máy này.`);
      }
      return named.id;
    }
    return unitOfGsoAt(unitGso, nowIso, units)?.id ?? `gso:${unitGso}`;
  }

  revoke(deviceId: string): Promise<boolean> {
    return this.storage.revokeDevice(deviceId, new Date(this.now()).toISOString());
  }
}
