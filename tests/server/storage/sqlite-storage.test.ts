import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.js';
import type { CentreStorage } from '../../../server/storage/storage.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { concurrentWritersAndReader } from './concurrent-writers.js';
import { defineStorageSuite } from './storage-suite.js';

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
