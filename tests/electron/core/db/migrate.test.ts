import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { migrate } from '../../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/registry.js';
import type { Migration } from '../../../../electron/core/db/migrations/types.js';
import { openDatabase } from '../../../../electron/core/db/open-database.js';

const tableNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('the registry is strictly increasing in steps of 10', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe((i + 1) * 10));
  });

  // Migrations are frozen and never fill a projection; from schema 100 each step says whether it reshapes
  // one, so the core knows to rebuild them after it (rebuild-projections.ts) and not otherwise.
  it('every migration from schema 100 on declares whether it reshapes a projection', () => {
    const undeclared = MIGRATIONS.filter((m) => m.version >= 100 && m.projections === undefined).map((m) => m.name);
    expect(undeclared).toEqual([]);
  });

  it('each migration applies on :memory: and leaves user_version at its number', () => {
    for (let n = 1; n <= MIGRATIONS.length; n += 1) {
      const db = new Database(':memory:');
      migrate(db, MIGRATIONS.slice(0, n));
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[n - 1]!.version);
      db.close();
    }
  });

  it('opens a file database in WAL mode with foreign keys on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-db-'));
    dirs.push(dir);
    const db = openDatabase({ path: join(dir, 'desk.sqlite') });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('re-opening a migrated database runs nothing again', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS).from).toBe(0);
    expect(migrate(db, MIGRATIONS)).toEqual({ from: MIGRATIONS.at(-1)!.version, to: MIGRATIONS.at(-1)!.version });
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-db-'));
    dirs.push(dir);
    const path = join(dir, 'desk.sqlite');
    const newer = new Database(path);
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.pragma('user_version = 99990');
    newer.close();

    let caught: unknown;
    try {
      openDatabase({ path });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CommandError);
    expect((caught as CommandError).code).toBe('database_too_new');

    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(99990);
    expect(tableNames(after)).toEqual(['from_the_future']);
    after.close();
  });

  it('runs all pending steps in one transaction: a failing step rolls back the earlier ones', () => {
    const failing: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.at(-1)!.version + 10, name: 'adds a table', up: (db) => db.exec('CREATE TABLE half_done (x)') },
      {
        version: MIGRATIONS.at(-1)!.version + 20,
        name: 'breaks',
        up: () => {
          throw new Error('disk full');
        },
      },
    ];
    const db = new Database(':memory:');
    expect(() => migrate(db, failing)).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('rejects a registry out of order', () => {
    const db = new Database(':memory:');
    const bad: Migration[] = [
      { version: 20, name: 'b', up: () => undefined },
      { version: 10, name: 'a', up: () => undefined },
    ];
    expect(() => migrate(db, bad)).toThrow(/not above/);
  });
});
