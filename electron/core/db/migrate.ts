import type { Database } from 'better-sqlite3';
import { CommandError } from '../../../shared/contract/errors.js';
import type { Migration } from './migrations/types.js';

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Checks the registry is strictly increasing; a mistake here would corrupt every desk's data. */
export function assertRegistryOrdered(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migration ${m.name} has version ${m.version}, not above ${previous}`);
    }
    previous = m.version;
  }
}

/**
 * Brings the database to the newest schema. All pending steps run in one transaction, so a crash
 * part-way leaves the database at its old version; a database from a newer app is refused untouched.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  assertRegistryOrdered(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = latestVersion(migrations);
  if (from > to) {
    throw new CommandError(
      'database_too_new',
      `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn (lược đồ ${from}, phiên bản này hỗ trợ đến ${to}). Hãy cập nhật ứng dụng.`,
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to };
}
