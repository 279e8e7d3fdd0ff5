import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFtsMatchQuery } from '../../../shared/domain/text/fts-match-query.js';
import { foldVietnamese } from '../../../shared/domain/text/fold-vietnamese.js';

// The shared query builder against real SQLite FTS5: whatever the officer types, MATCH never fails,
// and the folded column finds names that FTS5's own diacritic removal misses (đ/Đ).
describe('FTS5 MATCH queries built from search text', () => {
  let db: Database.Database;
  const NAMES = ['Nguyễn Văn Đức', 'Trần Thị B', 'Đặng Thị Ánh', 'Lê Đình Hoà'];

  beforeAll(() => {
    db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE search USING fts5(name, folded, code, tokenize = "unicode61 remove_diacritics 2")`);
    const insert = db.prepare('INSERT INTO search (name, folded, code) VALUES (?, ?, ?)');
    NAMES.forEach((name, i) => insert.run(name, foldVietnamese(name), `000.21.09.H49-261129-100${i}`));
  });
  afterAll(() => db.close());

  const namesMatching = (query: string): string[] =>
    (db.prepare('SELECT name FROM search WHERE search MATCH ? ORDER BY rowid').all(query) as { name: string }[]).map((r) => r.name);

  it('finds "Nguyễn Văn Đức" from "nguyen van duc" and from prefixes', () => {
    expect(namesMatching(buildFtsMatchQuery('nguyen van duc')!)).toEqual(['Nguyễn Văn Đức']);
    expect(namesMatching(buildFtsMatchQuery('NGUY DU')!)).toEqual(['Nguyễn Văn Đức']);
    expect(namesMatching(buildFtsMatchQuery('đặng')!)).toEqual(['Đặng Thị Ánh']);
    expect(namesMatching(buildFtsMatchQuery('thi')!)).toEqual(['Trần Thị B', 'Đặng Thị Ánh']);
  });

  it('shows why the own fold is needed: FTS5 alone does not fold đ', () => {
    expect(namesMatching('name : "duc"')).toEqual([]);
    expect(namesMatching('folded : "duc"')).toEqual(['Nguyễn Văn Đức']);
  });

  it('finds a dossier by its code, typed whole or in part', () => {
    expect(namesMatching(buildFtsMatchQuery('000.21.09.H49-261129-1002')!)).toEqual(['Đặng Thị Ánh']);
    expect(namesMatching(buildFtsMatchQuery('261129-100')!)).toHaveLength(NAMES.length);
  });

  it('never raises an FTS5 syntax error, alone or under a column filter, whatever the input', () => {
    const match = db.prepare('SELECT count(*) AS n FROM search WHERE search MATCH ?');
    const syntaxHeavy = fc.string({
      unit: fc.constantFrom('"', "'", '*', '(', ')', ':', '^', '+', '-', '{', '}', ',', ' ', 'OR', 'AND', 'NOT', 'NEAR', 'ệ', 'Đ', 'a', '1', '\u0000', '\ud800'),
    });
    for (const arbitrary of [fc.string({ unit: 'binary' }), syntaxHeavy]) {
      fc.assert(
        fc.property(arbitrary, (text) => {
          const query = buildFtsMatchQuery(text);
          if (query === null) return;
          expect(() => match.get(query)).not.toThrow();
          expect(() => match.get(`{folded code} : (${query})`)).not.toThrow();
        }),
        { numRuns: 1000 },
      );
    }
  });
});
