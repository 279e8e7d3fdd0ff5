import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/registry.js';
import { searchDossiers, TOTAL_CAP } from '../../../../electron/core/dossiers/search-repository.js';

// Relevance and the cap together, on more dossiers than the count goes to: the projection rows are
// written straight into a migrated database (as the projection writer would), so that 10,100 of them
// take a moment. Most are "Lê Văn An <n>"; a few old ones are the exact name or start with it.
const COUNT = TOTAL_CAP + 100;
const NOW = Date.parse('2026-11-30T02:00:00Z');

describe('dossiers.search ranking past the count cap', () => {
  const db = new Database(':memory:');
  const EXACT = [3, 5];
  const STARTING = 4; // "van an khoa"

  beforeAll(() => {
    migrate(db, MIGRATIONS);
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
       INSERT INTO dossiers (rowid, id, status, unit_gso, procedure_id, procedure_name, sector_id, sector_name, channel, applicant_name,
         clock_running, fees_vnd, needs_review, last_event_at, event_count, applicant_name_key)
       SELECT i, printf('D%06d', i), 2, '06691', 'p', 'Thủ tục', 's', 'Lĩnh vực', 1, 'Lê Văn An ' || i, 0, 0, 0, '2026-11-23T02:00:00.000Z', 1,
         'le van an ' || i FROM n`,
    ).run({ count: COUNT });
    const rename = db.prepare('UPDATE dossiers SET applicant_name = ?, applicant_name_key = ? WHERE rowid = ?');
    for (const rowid of EXACT) rename.run('Văn An', 'van an', rowid);
    rename.run('Văn An Khoa', 'van an khoa', STARTING);
    db.exec(`INSERT INTO dossier_search (rowid, applicant, owner, numbers, reversed_numbers)
             SELECT rowid, applicant_name_key, '', '', '' FROM dossiers`);
  });
  afterAll(() => db.close());

  const search = (text: string, offset = 0, limit = 50) => {
    const { rows, total } = searchDossiers(db, { text, offset, limit }, NOW);
    return { ids: rows.map((row) => Number(row.id.slice(1))), total };
  };

  it('puts the exact and starting names first, then every other match newest first, and stops counting at the cap', () => {
    const first = search('van an');
    expect(first.total).toBe(TOTAL_CAP + 1);
    expect(first.ids.slice(0, 6)).toEqual([5, 3, 4, COUNT, COUNT - 1, COUNT - 2]);

    // A page deep in the list continues the same order.
    const deep = search('van an', 9_990, 20);
    expect(deep.total).toBe(TOTAL_CAP + 1);
    expect(deep.ids).toEqual(Array.from({ length: 20 }, (_, i) => COUNT - (9_990 + i - 3)));
    // Past the cap, pages still follow the order.
    expect(search('van an', COUNT - 10, 20).ids).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 2, 1]);
  });

  it('a word starting more names than the cap fills the list from them, newest first', () => {
    const result = search('le');
    expect(result.total).toBe(TOTAL_CAP + 1);
    expect(result.ids.slice(0, 3)).toEqual([COUNT, COUNT - 1, COUNT - 2]);
  });

  it('a name matched by fewer than the cap is counted exactly', () => {
    expect(search('van an khoa')).toEqual({ ids: [STARTING], total: 1 });
    const exact = search('van an', 0, 2);
    expect(exact.ids).toEqual([5, 3]);
  });
});
