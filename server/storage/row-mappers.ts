// Row shapes of the centre's tables and their mapping to records: the same in both adapters.
import type { StaffRole } from '../../shared/sync/protocol.js';
import type { DeviceRecord, DossierRecord, EnrollmentCodeRecord, StaffRecord } from './storage.js';

export interface DossierRow {
  id: string;
  unit_gso: string;
  code: string | null;
}
export interface DeviceRow {
  id: string;
  name: string;
  unit_id: string | null;
  unit_gso: string;
  station: number;
  enrolled_at: string;
  revoked_at: string | null;
}
export interface StaffRow {
  id: string;
  username: string;
  role: StaffRole;
  password_hash: string;
  created_at: string;
}
export interface CodeRow {
  code_hash: string;
  unit_gso: string;
  station: number;
  expires_at: string;
  created_at: string;
  created_by: string;
  used_at: string | null;
}

export const dossierOf = (row: DossierRow): DossierRecord => ({ id: row.id, unitGso: row.unit_gso, code: row.code });
export const deviceOf = (row: DeviceRow): DeviceRecord => ({
  id: row.id,
  name: row.name,
  unitId: row.unit_id,
  unitGso: row.unit_gso,
  station: row.station,
  enrolledAt: row.enrolled_at,
  revokedAt: row.revoked_at,
});
export const staffOf = (row: StaffRow): StaffRecord => ({
  id: row.id,
  username: row.username,
  role: row.role,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});
export const codeOf = (row: CodeRow): EnrollmentCodeRecord & { usedAt: string | null } => ({
  codeHash: row.code_hash,
  unitGso: row.unit_gso,
  station: row.station,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
  createdBy: row.created_by,
  usedAt: row.used_at,
});
