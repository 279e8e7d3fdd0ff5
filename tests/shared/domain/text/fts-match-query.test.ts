import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFtsMatchQuery, MAX_SEARCH_TOKENS } from '../../../../shared/domain/text/fts-match-query.js';

// Only quoted phrases of letters/digits, each followed by the prefix star.
const SAFE_QUERY = /^"[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*"\*(?: "[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*"\*)*$/u;

describe('buildFtsMatchQuery', () => {
  it('folds the words and makes each one a quoted prefix term', () => {
    expect(buildFtsMatchQuery('Nguyễn Văn Đức')).toBe('"nguyen"* "van"* "duc"*');
    expect(buildFtsMatchQuery('  nguyen   VAN ')).toBe('"nguyen"* "van"*');
  });

  it('keeps a code or a dashed number together as one phrase', () => {
    expect(buildFtsMatchQuery('000.21.09.H49-261129-1003')).toBe('"000 21 09 h49 261129 1003"*');
    expect(buildFtsMatchQuery('0912-345')).toBe('"0912 345"*');
  });

  it('drops FTS5 syntax characters and keywords lose their power once quoted', () => {
    expect(buildFtsMatchQuery('name: "a" OR (b* NOT c) ^d +e -f {g}')).toBe(
      '"name"* "a"* "or"* "b"* "not"* "c"* "d"* "e"* "f"* "g"*',
    );
    expect(buildFtsMatchQuery('NEAR(x y, 3)')).toBe('"near x"* "y"* "3"*');
  });

  it('returns null when nothing searchable remains', () => {
    expect(buildFtsMatchQuery('')).toBeNull();
    expect(buildFtsMatchQuery('   \t\n')).toBeNull();
    expect(buildFtsMatchQuery('"*()^:-+{}')).toBeNull();
    expect(buildFtsMatchQuery('\u0301\u0300')).toBeNull();
  });

  it('cuts a pasted wall of text to a bounded number of tokens', () => {
    const query = buildFtsMatchQuery('tu '.repeat(1000));
    expect(query?.match(/tu/gu)).toHaveLength(MAX_SEARCH_TOKENS);
    const oneWord = buildFtsMatchQuery('a-'.repeat(1000));
    expect(oneWord?.match(/a/gu)).toHaveLength(MAX_SEARCH_TOKENS);
  });

  it('never throws and yields only quoted letter/digit prefix phrases, whatever the input', () => {
    const syntaxHeavy = fc.string({ unit: fc.constantFrom('"', '*', '(', ')', ':', '^', '+', '-', '{', '}', ' ', 'OR', 'AND', 'NOT', 'NEAR', 'ệ', 'Đ', 'a', '1', '\u0000', '\ud800') });
    for (const arbitrary of [fc.string({ unit: 'binary' }), syntaxHeavy]) {
      fc.assert(
        fc.property(arbitrary, (text) => {
          const query = buildFtsMatchQuery(text);
          if (query !== null) expect(query).toMatch(SAFE_QUERY);
        }),
        { numRuns: 2000 },
      );
    }
  });
});
