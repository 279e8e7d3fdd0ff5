import type { FastifyRequest } from 'fastify';
import type { StaffRole } from '../../shared/sync/protocol.js';
import { bearerToken, sha256Hex } from '../security/secrets.js';
import type { StaffService } from '../staff/staff-service.js';
import type { CentreStorage, DeviceRecord, StaffRecord } from '../storage/storage.js';
import { CentreHttpError, forbidden, unauthorized } from './centre-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The enrolled desk behind the bearer token (device routes only). */
    device: DeviceRecord | null;
    /** The signed-in centre staff member (staff and admin routes only). */
    staff: StaffRecord | null;
  }
}

export const REVOKED_MESSAGE =
  'Máy này đã bị trung tâm thu hồi quyền đồng bộ. Máy vẫn làm việc bình thường khi không có mạng; hãy liên hệ quản trị viên để đăng ký lại.';

/**
 * preHandler for desk routes: a known, unrevoked device token (401 `device_revoked` tells a revoked desk
 * so). A token's first use is recorded (once per token in this process): from then on its enrollment
 * can no longer be retried with the same code (EnrollmentService).
 */
export function requireDevice(storage: CentreStorage, now: () => number) {
  const noted = new Set<string>();
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    if (token === null) throw unauthorized();
    const tokenHash = sha256Hex(token);
    const device = await storage.deviceByTokenHash(tokenHash);
    if (device === null) throw unauthorized('Mã xác thực của máy không hợp lệ. Hãy đăng ký lại máy với trung tâm.');
    if (device.revokedAt !== null) throw new CentreHttpError(401, 'device_revoked', REVOKED_MESSAGE);
    if (!noted.has(tokenHash)) {
      await storage.noteTokenUsed(tokenHash, new Date(now()).toISOString());
      noted.add(tokenHash);
    }
    request.device = device;
  };
}

/** preHandler for staff routes; `role` 'admin' restricts to administrators. */
export function requireStaff(staff: StaffService, role?: StaffRole) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    if (token === null) throw unauthorized();
    const member = await staff.authenticate(token);
    if (member === null) throw unauthorized('Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy đăng nhập lại.');
    if (role === 'admin' && member.role !== 'admin') throw forbidden('Chỉ quản trị viên trung tâm được làm việc này.');
    request.staff = member;
  };
}

export function deviceOf(request: FastifyRequest): DeviceRecord {
  if (request.device === null) throw unauthorized();
  return request.device;
}

export function staffOf(request: FastifyRequest): StaffRecord {
  if (request.staff === null) throw unauthorized();
  return request.staff;
}
