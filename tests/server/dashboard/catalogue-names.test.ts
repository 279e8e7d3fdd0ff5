import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CentreCatalogue } from '../../../server/catalogue/centre-catalogue.js';
import { DashboardService } from '../../../server/dashboard/dashboard-service.js';
import { DASHBOARD_PROJECTION_VERSION } from '../../../server/dashboard/project-dossiers.js';
import { ensureDashboardProjection } from '../../../server/dashboard/rebuild-projection.js';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.js';
import { appendEntries } from '../../../server/sync/append-entries.js';
import { prepareEvent } from '../../../server/sync/prepare-event.js';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { FakeDevice, HONG_GAI_UNIT } from '../support/fabricate-events.js';

// A centre whose dashboard rows were written before the rows kept ids (schema 5, projection version 2:
// the desk's unit, sector and procedure names stored as sent) is migrated and rebuilt at start: the
// overdue list then names the dossier from the catalogue, whatever the stored rows or the events say.

const NOW_MS = Date.parse('2026-11-25T03:00:00Z');

describe('dashboard rows written with the names a desk sent', () => {
  it('are dropped by the migration and rebuilt from the log with the catalogue names', async () => {
    const dir = makeTempDir('centre-names-');
    try {
      const path = join(dir.path, 'centre.sqlite');
      const desk = new FakeDevice('desk-06691-1', HONG_GAI_UNIT); // Monday 23/11 09:00, due the next day
      const received = desk.receive();
      const forged = {
        ...received,
        payload: { ...received.payload, unit: { ...HONG_GAI_UNIT, name: 'Phường Giả Mạo' }, procedure: { ...received.payload.procedure, name: 'Thủ tục giả mạo' } },
      } as DossierEvent;
      const storage = new SqliteStorage(path);
      const prepared = prepareEvent(forged as unknown as Record<string, unknown>);
      if (!prepared.ok) throw new Error(prepared.message);
      await storage.transaction((tx) => appendEntries(tx, { deviceId: desk.deviceId, unitGso: HONG_GAI_UNIT.gsoCode }, [prepared.prepared], [], new Date(NOW_MS).toISOString()));
      await storage.close();

      // The database as schema 5 left it, its projection (version 2) holding the names the desk sent.
      const raw = new Database(path);
      raw.exec(
        `ALTER TABLE dash_dossiers RENAME COLUMN procedure_id TO sector_id; ALTER TABLE dash_bieu06 RENAME COLUMN procedure_id TO sector_id;
         ALTER TABLE dash_dossiers ADD COLUMN unit_name TEXT NOT NULL DEFAULT 'Phường Giả Mạo';
         ALTER TABLE dash_dossiers ADD COLUMN procedure_name TEXT NOT NULL DEFAULT 'Thủ tục giả mạo';
         ALTER TABLE dash_dossiers ADD COLUMN sector_name TEXT NOT NULL DEFAULT 'Lĩnh vực giả mạo';
         UPDATE dash_dossiers SET sector_id = 'linh-vuc-gia'; UPDATE dash_bieu06 SET sector_id = 'linh-vuc-gia';
         UPDATE counters SET value = 2 WHERE name = 'dashboard_projection';
         ALTER TABLE devices DROP COLUMN unit_id; DROP TABLE unit_agency_ids; DROP TABLE device_former_units;
         DROP TABLE device_status; DROP TABLE device_crashes; DROP TABLE device_predecessors;
         CREATE TABLE unit_agencies (unit_gso TEXT PRIMARY KEY NOT NULL, agency_id TEXT NOT NULL UNIQUE) STRICT;`,
      );
      raw.pragma('user_version = 5');
      raw.close();

      const upgraded = new SqliteStorage(path);
      try {
        expect(await upgraded.dashboard.projectionVersion()).toBe(0);
        await ensureDashboardProjection(upgraded);
        expect(await upgraded.dashboard.projectionVersion()).toBe(DASHBOARD_PROJECTION_VERSION);
        const service = new DashboardService(upgraded.dashboard, new CentreCatalogue(upgraded), () => NOW_MS);
        const overdue = await service.overdue();
        expect(overdue.rows).toEqual([
          expect.objectContaining({ code: received.payload.code, unitName: 'Phường Hồng Gai', procedureName: 'Đăng ký khai sinh', sectorName: 'Hộ tịch' }),
        ]);
        const bieu06 = await service.bieu06({ from: '2026-11-01', to: '2026-11-25' }, null);
        expect(bieu06.form.rows.find((row) => row.sectorId === 'ho-tich')?.received.total).toBe(1);
        expect(JSON.stringify([overdue, bieu06])).not.toMatch(/giả mạo|linh-vuc-gia/iu);
      } finally {
        await upgraded.close();
      }
    } finally {
      dir.remove();
    }
  });
});
