import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFtsMatchQuery, buildFtsNamePrefixQuery, MAX_SEARCH_TOKENS, type SearchColumns } from '../../../../shared/domain/text/fts-match-query.js';

const COLUMNS: SearchColumns = { names: ['a', 'o'], numbers: ['n'], reversedNumbers: 'r' };
const build = (text: string) => buildFtsMatchQuery(text, COLUMNS);

// What the officer typed only ever appears inside quotes, as letters and digits; outside them, only the
// builder's own syntax: the column filters, ':', '^', '(', ')', 'AND', 'OR', '*'.
const QUOTED = /"[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*"\*/gu;
const OWN_SYNTAX = /^(?:\{a o n\}|\{a o\}|r|:|\^|\(|\)|AND|OR| )*$/u;
const isSafe = (query: string) => OWN_SYNTAX.test(query.replace(QUOTED, ' '));

describe('buildFtsMatchQuery', () => {
  it('folds the words and makes each one a quoted prefix term', () => {
    expect(build('Nguyễn Văn Đức')).toBe('"nguyen"* AND "van"* AND "duc"*');
    expect(build('  nguyen   VAN ')).toBe('"nguyen"* AND "van"*');
  });

  it('keeps a code together as one phrase', () => {
    expect(build('000.21.09.H49-261129-1003')).toBe('"000 21 09 h49 261129 1003"*');
  });

  it('keeps digits off the reversed numbers, where they would match the end of a number', () => {
    expect(build('h49 12')).toBe('"h49"* AND {a o n} : "12"*');
  });

  it('reads a written number also as a canonical phone (a prefix of it) and, from 4 digits, as the end of one', () => {
    expect(build('0912-345')).toBe('({a o n} : "0912 345"* OR {a o n} : "0912345"* OR r : "5432190"*)');
    expect(build('0912 345 222')).toBe('({a o n} : "0912 345 222"* OR {a o n} : "0912345222"* OR r : "2225432190"*)');
    expect(build('+84 912 345 222')).toBe('({a o n} : "84 912 345 222"* OR {a o n} : "0912345222"* OR r : "2225432190"*)');
    expect(build('0912345222')).toBe('({a o n} : "0912345222"* OR r : "2225432190"*)');
    expect(build('5444')).toBe('({a o n} : "5444"* OR r : "4445"*)');
    expect(build('444')).toBe('{a o n} : "444"*');
    // In a text with words, each number word on its own.
    expect(build('Đức 0912.345.222')).toBe('"duc"* AND ({a o n} : "0912 345 222"* OR {a o n} : "0912345222"* OR r : "2225432190"*)');
  });

  it('drops FTS5 syntax characters and keywords lose their power once quoted', () => {
    expect(build('name: "a" OR (b* NOT c) ^d +e -f {g}')).toBe(
      '"name"* AND "a"* AND "or"* AND "b"* AND "not"* AND "c"* AND "d"* AND "e"* AND "f"* AND "g"*',
    );
    expect(build('NEAR(x y, 3)')).toBe('"near x"* AND "y"* AND {a o n} : "3"*');
  });

  it('returns null when nothing searchable remains', () => {
    expect(build('')).toBeNull();
    expect(build('   \t\n')).toBeNull();
    expect(build('"*()^:-+{}')).toBeNull();
    expect(build('\u0301\u0300')).toBeNull();
  });

  it('cuts a pasted wall of text to a bounded number of tokens', () => {
    const query = build('tu '.repeat(1000));
    expect(query?.match(/tu/gu)).toHaveLength(MAX_SEARCH_TOKENS);
    const oneWord = build('a-'.repeat(1000));
    expect(oneWord?.match(/a/gu)).toHaveLength(MAX_SEARCH_TOKENS);
  });

  it('never throws and writes the input only as quoted letters and digits, whatever the input', () => {
    const syntaxHeavy = fc.string({ unit: fc.constantFrom('"', '*', '(', ')', ':', '^', '+', '-', '.', '{', '}', ' ', 'OR', 'AND', 'NOT', 'NEAR', 'ệ', 'Đ', 'a', '1', '0', '8', '4', '\u0000', '\ud800') });
    for (const arbitrary of [fc.string({ unit: 'binary' }), syntaxHeavy]) {
      fc.assert(
        fc.property(arbitrary, (text) => {
          const query = build(text);
          if (query !== null) expect(isSafe(query), query).toBe(true);
        }),
        { numRuns: 2000 },
      );
    }
  });
});

describe('buildFtsNamePrefixQuery', () => {
  it('anchors a name key at the start of a name column, its last word a prefix', () => {
    expect(buildFtsNamePrefixQuery('nguyen van d', COLUMNS)).toBe('{a o} : ^ "nguyen van d"*');
    expect(buildFtsNamePrefixQuery('', COLUMNS)).toBeNull();
  });
});
