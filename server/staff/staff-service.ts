import { randomUUID } from 'node:crypto';
import type { StaffRole, StaffSessionResponse } from '../../shared/sync/protocol.js';
import { conflict, unauthorized } from '../http/centre-error.js';
import { hashPassword, verifyPassword } from '../security/password-hash.js';
import { newToken, sha256Hex } from '../security/secrets.js';
import type { CentreStorage, StaffRecord } from '../storage/storage.js';

// Centre staff accounts (admin: enrollment, devices, reference data; staff: dossier actions), with
// scrypt password hashes and short-lived bearer sessions stored as SHA-256 digests.

export const STAFF_SESSION_HOURS = 12;

export class StaffService {
  constructor(
    private readonly storage: CentreStorage,
    private readonly now: () => number,
  ) {}

  async create(input: { username: string; password: string; role: StaffRole }): Promise<StaffRecord> {
    if ((await this.storage.staffByUsername(input.username)) !== null) throw conflict(`Tên đăng nhập "${input.username}" đã có.`);
    const staff: StaffRecord = {
      id: randomUUID(),
      username: input.username,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date(this.now()).toISOString(),
    };
    await this.storage.insertStaff(staff);
    return staff;
  }

  async signIn(username: string, password: string): Promise<StaffSessionResponse> {
    const staff = await this.storage.staffByUsername(username);
    // Verify against a real hash even for an unknown name, so timing does not reveal which names exist.
    const ok = await verifyPassword(password, staff?.passwordHash ?? UNKNOWN_USER_HASH);
    if (staff === null || !ok) throw unauthorized('Sai tên đăng nhập hoặc mật khẩu.');
    const token = newToken();
    const expiresAt = new Date(this.now() + STAFF_SESSION_HOURS * 3_600_000).toISOString();
    await this.storage.insertStaffSession(sha256Hex(token), staff.id, expiresAt);
    return { token, role: staff.role, expiresAt };
  }

  async authenticate(token: string): Promise<StaffRecord | null> {
    const staffId = await this.storage.staffSession(sha256Hex(token), new Date(this.now()).toISOString());
    return staffId === null ? null : this.storage.staffById(staffId);
  }
}

// A fixed hash of a random password nobody knows (same parameters as real ones).
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$Yw1Jm5wH9z3bQ0qF0bmRkR8xV0v4mJm5b0ZcX1c3t7E';
