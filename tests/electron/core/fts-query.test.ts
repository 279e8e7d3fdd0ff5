import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/registry.js';
import { SEARCH_COLUMNS } from '../../../electron/core/dossiers/search-repository.js';
import { buildFtsMatchQuery, buildFtsNamePrefixQuery } from '../../../shared/domain/text/fts-match-query.js';
import { nameSearchKey, reversedDigits, searchTokens } from '../../../shared/domain/text/search-key.js';

// The shared query builder against the desk's real FTS5 table (as the migrations create it): whatever
// the officer types, MATCH never fails, and the folded columns find names that FTS5's own diacritic
// removal misses (đ/Đ).
describe('FTS5 MATCH queries built from search text', () => {
  let db: Database.Database;
  const PEOPLE = [
    { name: 'Nguyễn Văn Đức', phone: '0912345222' },
    { name: 'Trần Thị B', phone: '0987000111' },
    { name: 'Đặng Thị Ánh', phone: '0912000333' },
    { name: 'Lê Đình Hoà', phone: '0203382512' },
  ];

  beforeAll(() => {
    db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const insert = db.prepare('INSERT INTO dossier_search (rowid, applicant, owner, numbers, reversed_numbers) VALUES (?, ?, ?, ?, ?)');
    PEOPLE.forEach(({ name, phone }, i) =>
      insert.run(i + 1, nameSearchKey(name), '', [...searchTokens(`000.21.09.H49-261129-100${i}`), phone].join(' '), reversedDigits(phone)),
    );
  });
  afterAll(() => db.close());

  const namesMatching = (query: string): string[] =>
    (db.prepare('SELECT rowid FROM dossier_search WHERE dossier_search MATCH ? ORDER BY rowid').pluck().all(query) as number[]).map((rowid) => PEOPLE[rowid - 1]!.name);
  const search = (text: string) => namesMatching(buildFtsMatchQuery(text, SEARCH_COLUMNS)!);

  it('finds "Nguyễn Văn Đức" from "nguyen van duc" and from prefixes', () => {
    expect(search('nguyen van duc')).toEqual(['Nguyễn Văn Đức']);
    expect(search('NGUY DU')).toEqual(['Nguyễn Văn Đức']);
    expect(search('đặng')).toEqual(['Đặng Thị Ánh']);
    expect(search('thi')).toEqual(['Trần Thị B', 'Đặng Thị Ánh']);
  });

  it('finds a name by its start only with the prefix query', () => {
    expect(namesMatching(buildFtsNamePrefixQuery('dang thi', SEARCH_COLUMNS)!)).toEqual(['Đặng Thị Ánh']);
    expect(namesMatching(buildFtsNamePrefixQuery('thi', SEARCH_COLUMNS)!)).toEqual([]);
  });

  it('finds a dossier by its code, typed whole or in part, and a phone by its tail', () => {
    expect(search('000.21.09.H49-261129-1002')).toEqual(['Đặng Thị Ánh']);
    expect(search('261129-100')).toHaveLength(PEOPLE.length);
    expect(search('0111')).toEqual(['Trần Thị B']);
    expect(search('0912 000 333')).toEqual(['Đặng Thị Ánh']);
  });

  it('never raises an FTS5 syntax error, whatever the input', () => {
    const match = db.prepare('SELECT count(*) AS n FROM dossier_search WHERE dossier_search MATCH ?');
    // A number's alternatives are bracketed: next to another word, FTS5 wants an explicit AND.
    for (const text of ['Đức 0912.345.222', '0912.345.222 Đức', '4 ^) 4.8', '1))11 NOT,}OR']) {
      expect(() => match.get(buildFtsMatchQuery(text, SEARCH_COLUMNS)), text).not.toThrow();
    }
    expect(search('duc 0912.345.222')).toEqual(['Nguyễn Văn Đức']);
    const syntaxHeavy = fc.string({
      unit: fc.constantFrom('"', "'", '*', '(', ')', ':', '^', '+', '-', '.', '{', '}', ',', ' ', 'OR', 'AND', 'NOT', 'NEAR', 'ệ', 'Đ', 'a', '1', '8', '4', '\u0000', '\ud800', '\ue000'),
    });
    for (const arbitrary of [fc.string({ unit: 'binary' }), syntaxHeavy]) {
      fc.assert(
        fc.property(arbitrary, (text) => {
          const query = buildFtsMatchQuery(text, SEARCH_COLUMNS);
          if (query !== null) expect(() => match.get(query)).not.toThrow();
          const prefix = buildFtsNamePrefixQuery(nameSearchKey(text), SEARCH_COLUMNS);
          if (prefix !== null) expect(() => match.get(prefix)).not.toThrow();
        }),
        { numRuns: 1000 },
      );
    }
  });
});
