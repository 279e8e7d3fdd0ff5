import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.js';
import type { CentreStorage } from '../../../server/storage/storage.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { concurrentWritersAndReader } from './concurrent-writers.js';
import { defineStorageSuite } from './storage-suite.js';
import { expectUnitKeysMigrated, SCHEMA_6_ROWS_SQL } from './unit-key-migration.js';

const dirs = new Map<CentreStorage, () => void>();

async function open(): Promise<CentreStorage> {
  const dir = makeTempDir('centre-sqlite-');
  const storage = new SqliteStorage(join(dir.path, 'centre.sqlite'));
  dirs.set(storage, dir.remove);
  return storage;
}

async function dispose(storage: CentreStorage): Promise<void> {
  await storage.close();
  dirs.get(storage)?.();
}

describe('centre storage on SQLite', () => {
  defineStorageSuite(open, dispose);

  it('concurrent writers: a reader pulling with its cursor misses nothing', async () => {
    const storage = await open();
    try {
      const report = await concurrentWritersAndReader(storage, { writers: 6, batchesPerWriter: 6, eventsPerBatch: 5 });
      expect(report.missing).toEqual([]);
      expect(report.readerSaw).toBe(report.committed);
      expect(report.duplicatesSeen).toBe(0);
    } finally {
      await dispose(storage);
    }
  });

  it('devices enrolled before first token uses were recorded cannot have their enrollment retried', async () => {
    const dir = makeTempDir('centre-sqlite-');
    try {
      const path = join(dir.path, 'centre.sqlite');
      await new SqliteStorage(path).close();
      // The database as schema 2 left it: a device enrolled with a code, no record of its token's use.
      const Database = (await import('better-sqlite3')).default;
      const raw = new Database(path);
      raw.exec('ALTER TABLE devices DROP COLUMN token_used_at; DROP TABLE rate_limits;');
      raw.exec('DROP TABLE device_predecessors; DROP TABLE device_status; DROP TABLE device_crashes;');
      raw.exec('DROP INDEX dossiers_code_per_unit; DROP TABLE blob_units; ALTER TABLE devices DROP COLUMN unit_id; DROP TABLE unit_agency_ids; DROP TABLE device_former_units');
      raw.exec(
        `ALTER TABLE dash_dossiers RENAME COLUMN procedure_id TO sector_id; ALTER TABLE dash_bieu06 RENAME COLUMN procedure_id TO sector_id;
         ALTER TABLE dash_dossiers ADD COLUMN unit_name TEXT NOT NULL DEFAULT ''; ALTER TABLE dash_dossiers ADD COLUMN procedure_name TEXT NOT NULL DEFAULT '';
         ALTER TABLE dash_dossiers ADD COLUMN sector_name TEXT NOT NULL DEFAULT ''`,
      );
      raw.pragma('user_version = 2');
      raw
        .prepare("INSERT INTO enrollment_codes VALUES ('c1', '06691', 1, '2026-11-26T00:00:00.000Z', '2026-11-23T00:00:00.000Z', 'cli', '2026-11-23T01:00:00.000Z', 'desk-a')")
        .run();
      raw.prepare("INSERT INTO devices (id, name, unit_gso, station, token_hash, enrolled_at) VALUES ('desk-a', 'Quầy 1', '06691', 1, 'token-1', '2026-11-23T01:00:00.000Z')").run();
      raw.close();
      const storage = new SqliteStorage(path);
      try {
        const retry = { codeHash: 'c1', deviceId: 'desk-a', deviceName: 'Quầy 1', tokenHash: 'token-2', nowIso: '2026-11-23T02:00:00.000Z' };
        expect(await storage.reissueEnrollment(retry)).toBeNull();
        expect(await storage.deviceByTokenHash('token-1')).toMatchObject({ id: 'desk-a' });
      } finally {
        await storage.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('step 7 keys the devices and agency identifiers of a schema-6 database by catalogue unit', async () => {
    const dir = makeTempDir('centre-sqlite-');
    try {
      const path = join(dir.path, 'centre.sqlite');
      await new SqliteStorage(path).close();
      const Database = (await import('better-sqlite3')).default;
      const raw = new Database(path);
      for (const sql of SCHEMA_6_ROWS_SQL) raw.exec(sql);
      raw.pragma('user_version = 6');
      raw.close();
      const storage = new SqliteStorage(path);
      try {
        await expectUnitKeysMigrated(storage);
      } finally {
        await storage.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('refuses a database from a newer centre', async () => {
    const dir = makeTempDir('centre-sqlite-');
    try {
      const path = join(dir.path, 'centre.sqlite');
      await new SqliteStorage(path).close();
      const Database = (await import('better-sqlite3')).default;
      const raw = new Database(path);
      raw.pragma('user_version = 999');
      raw.close();
      expect(() => new SqliteStorage(path)).toThrow(/schema 999/);
    } finally {
      dir.remove();
    }
  });
});
