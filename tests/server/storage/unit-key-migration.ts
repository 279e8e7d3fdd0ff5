import { expect } from 'vitest';
import type { CentreStorage } from '../../../server/storage/storage.js';

// Schema step 7 keys devices and agency identifiers by catalogue unit id. The rows a centre held before
// it (written as schema 6 did, by GSO code) and what each must become: shared by both adapters' tests.

/** Undoes step 7 on a current database (same SQL on SQLite and PostgreSQL), then writes schema-6 rows. */
export const SCHEMA_6_ROWS_SQL = [
  // Step 9 (re-keyed desks' former ids) and step 8 (the fleet view's tables) undone first, then step 7.
  'DROP TABLE device_predecessors',
  'DROP TABLE device_status',
  'DROP TABLE device_crashes',
  'ALTER TABLE devices DROP COLUMN unit_id',
  'DROP TABLE unit_agency_ids',
  'DROP TABLE device_former_units',
  'CREATE TABLE unit_agencies (unit_gso TEXT PRIMARY KEY NOT NULL, agency_id TEXT NOT NULL UNIQUE)',
  // 06673 is old Bãi Cháy's code (to 30/6/2025) and new Bãi Cháy's (from 1/7/2025).
  `INSERT INTO devices (id, name, unit_gso, station, token_hash, enrolled_at) VALUES
     ('desk-bc-2024', 'Quầy 1', '06673', 1, 'token-1', '2024-03-01T02:00:00.000Z'),
     ('desk-bc-2026', 'Quầy 2', '06673', 2, 'token-2', '2026-11-20T02:00:00.000Z'),
     ('desk-hg', 'Quầy 1', '06691', 1, 'token-3', '2026-11-20T02:00:00.000Z'),
     ('desk-x', 'Quầy 1', '99999', 1, 'token-4', '2026-11-20T02:00:00.000Z')`,
  // New Bãi Cháy's own catalogue identifier; for 06691 one the catalogue does not list.
  `INSERT INTO unit_agencies (unit_gso, agency_id) VALUES ('06673', '000.03.25.H49'), ('06691', '000.42.20.H49')`,
];

export async function expectUnitKeysMigrated(storage: CentreStorage): Promise<void> {
  const unitOf = async (id: string) => (await storage.device(id))?.unitId;
  // The unit bearing the code on the enrolment day; a former unit's desk enrolled today keeps it.
  expect(await unitOf('desk-bc-2024')).toBe('ha-long-2020-phuong-bai-chay');
  expect(await unitOf('desk-bc-2026')).toBe('quang-ninh-2025-phuong-bai-chay');
  expect(await unitOf('desk-hg')).toBe('ha-long-2020-phuong-hong-gai');
  expect(await unitOf('desk-x')).toBeNull();
  await storage.transaction(async (tx) => {
    expect(await tx.unitAgency('quang-ninh-2025-phuong-bai-chay')).toBe('000.03.25.H49');
    expect(await tx.unitAgency('ha-long-2020-phuong-bai-chay')).toBeNull();
    expect(await tx.unitAgency('ha-long-2020-phuong-hong-gai')).toBe('000.42.20.H49');
  });
  expect(await storage.formerUnits('desk-hg')).toEqual([]);
}
