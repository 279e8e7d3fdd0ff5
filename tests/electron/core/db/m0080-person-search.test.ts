import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/registry.js';
import { m0080PersonSearch } from '../../../../electron/core/db/migrations/m0080-person-search.js';
import { NAME_SEARCH_SQL, OVERDUE_SQL } from '../../../../electron/core/dossiers/search-repository.js';

const before = MIGRATIONS.filter((m) => m.version < m0080PersonSearch.version);
const columnsOf = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
const planOf = (db: Database.Database, sql: string, params: Record<string, unknown>) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join(' | ');

describe('migration m0080 (person search)', () => {
  it('replaces the search index (no procedure column) and adds the name keys, keeping the dossiers', () => {
    const db = new Database(':memory:');
    migrate(db, before);
    db.prepare(
      `INSERT INTO dossiers (id, code, status, unit_gso, procedure_id, procedure_name, sector_id, sector_name, channel, applicant_name,
         clock_running, fees_vnd, needs_review, last_event_at, event_count)
       VALUES ('01JD0000000000000000000001', '000.15.20.H49-261123-1001', 2, '06691', 'ho-tich.dang-ky-khai-sinh', 'Đăng ký khai sinh',
         'ho-tich', 'Hộ tịch', 1, 'Nguyễn Văn Đức', 1, 0, 0, '2026-11-23T02:00:00.000Z', 1)`,
    ).run();
    db.prepare(`INSERT INTO dossier_search (rowid, code, names, id_number, phone, procedure) VALUES (1, '', 'nguyen van duc', '', '', 'dang ky khai sinh')`).run();
    expect(columnsOf(db, 'dossier_search')).toContain('procedure');

    migrate(db, MIGRATIONS.filter((m) => m.version <= m0080PersonSearch.version));
    expect(db.pragma('user_version', { simple: true })).toBe(m0080PersonSearch.version);
    expect(columnsOf(db, 'dossier_search')).toEqual(['applicant', 'owner', 'numbers', 'reversed_numbers']);
    // The old index is gone; the start-up rebuild (projection version) fills the new one from the log.
    expect(db.prepare('SELECT count(*) FROM dossier_search').pluck().get()).toBe(0);
    expect(db.prepare('SELECT applicant_name, applicant_name_key, owner_name_key FROM dossiers').get()).toEqual({
      applicant_name: 'Nguyễn Văn Đức',
      applicant_name_key: '',
      owner_name_key: null,
    });
    db.close();
  });

  it('tokenizes letters and digits only, as the query builder splits what is typed', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    db.prepare("INSERT INTO dossier_search (rowid, applicant, owner, numbers, reversed_numbers) VALUES (1, 'a\ue000b', '', '', '')").run();
    // A private-use character separates tokens (unicode61's default would keep it inside one).
    expect(db.prepare(`SELECT count(*) FROM dossier_search WHERE dossier_search MATCH '"b"'`).pluck().get()).toBe(1);
    db.close();
  });

  it('answers an exact or starting name from the name-key indexes, never a scan of the dossiers', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const range = { lo: 'nguyen van', hi: 'nguyen van\u{10FFFF}', limit: 10_001 };
    expect(planOf(db, NAME_SEARCH_SQL.applicantStartsWith, range)).toMatch(/^SEARCH dossiers USING COVERING INDEX dossiers_by_applicant_name_key \(applicant_name_key>\? AND applicant_name_key<\?\)$/);
    expect(planOf(db, NAME_SEARCH_SQL.ownerStartsWith, range)).toMatch(/^SEARCH dossiers USING COVERING INDEX dossiers_by_owner_name_key \(owner_name_key>\? AND owner_name_key<\?\)$/);
    const exact = planOf(db, NAME_SEARCH_SQL.exactName(''), { nameKey: 'nguyen van duc', window: 10_001 });
    expect(exact).toMatch(/INDEX dossiers_by_applicant_name_key \(applicant_name_key=\?\)/);
    expect(exact).toMatch(/INDEX dossiers_by_owner_name_key \(owner_name_key=\?\)/);
    expect(exact).not.toMatch(/SCAN d\b/);
    expect(planOf(db, NAME_SEARCH_SQL.countStartingWith, range)).not.toMatch(/SCAN dossiers\b/);
    db.close();
  });

  it('counts overdue dossiers, running or settled late, from two partial indexes', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    // The work list's count (search-repository.ts): without the index for settled-late dossiers it scans them all.
    const plan = planOf(db, `SELECT count(*) FROM (SELECT 1 FROM dossiers d WHERE ${OVERDUE_SQL} LIMIT 10001)`, { now: '2026-11-30T02:00:00.000Z' });
    expect(plan).toMatch(/INDEX dossiers_running_by_appointment \(appointment_at<\?\)/);
    expect(plan).toMatch(/INDEX dossiers_settled_late \(status=\?\)/);
    expect(plan).not.toMatch(/SCAN d\b/);
    db.close();
  });
});
