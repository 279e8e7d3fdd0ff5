import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lineTextProblem,
  multilineTextProblem,
  normaliseMultilineText,
  normaliseName,
} from '../../../../shared/domain/text/normalise-name.js';

/** Characters no stored text may hold: C0/C1 controls, format characters (zero-width, bidi), lone surrogates. */
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Cs}]/u;

// Strings rich in what the rule is about: decomposed Vietnamese, whitespace of every kind, controls,
// zero-width and bidi characters, line breaks.
const awkwardText = fc
  .array(
    fc.oneof(
      fc.constantFrom('Nguyễn', 'Đức', 'ư', 'Hoà', 'a', 'B', '1', ',', '.'),
      fc.constantFrom('Nguyễn'.normalize('NFD'), 'e\u0301', '\u0301', 'ơ\u0323'),
      fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '\n', '\r\n', '\r', '\u2028', '\u0085', '\v', '\f'),
      fc.constantFrom('\0', '\u0007', '\u001b', '\u007f', '\u0090', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u2066', '\u200f', '\ud800'),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

describe('normaliseName (one line)', () => {
  it('composes decomposed input to NFC and keeps the marks', () => {
    const decomposed = 'Nguyễn Văn Đức'.normalize('NFD');
    const stored = normaliseName(decomposed);
    expect(stored).toBe('Nguyễn Văn Đức');
    expect(stored.length).toBe('Nguyễn Văn Đức'.length);
  });

  it('collapses whitespace runs and trims', () => {
    expect(normaliseName('  Trần \t Thị\u00a0\u00a0B \r\n')).toBe('Trần Thị B');
  });

  it('keeps the spelling as typed (old and new tone placement stay distinct)', () => {
    expect(normaliseName('Hoà')).not.toBe(normaliseName('Hòa'));
  });

  it('drops zero-width, BOM, bidi and control characters, and a mark split off by one composes again', () => {
    expect(normaliseName('\ufeffNguyễn\u200b Văn\u2060 \u202eĐức\u202c\0')).toBe('Nguyễn Văn Đức');
    expect(normaliseName('Le\u200b\u0301')).toBe('Lé');
    expect(normaliseName('Trần\nThị  B')).toBe('Trần Thị B');
  });

  it('gives NFC, single inner spaces and nothing invisible, for any input, and is idempotent', () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const stored = normaliseName(text);
        expect(stored.normalize('NFC')).toBe(stored);
        expect(stored).not.toMatch(INVISIBLE_OR_CONTROL);
        expect(stored).not.toMatch(/[^\S ]|\s\s|^\s|\s$/u);
        expect(normaliseName(stored)).toBe(stored);
      }),
    );
  });
});

describe('normaliseMultilineText (notes, reasons)', () => {
  it('keeps line breaks as \\n, collapses spaces within lines and blank-line runs, trims', () => {
    expect(normaliseMultilineText('  Thiếu  bản sao\r\n\r\n\r\n\tGiấy   khai sinh \rHết \u2028')).toBe('Thiếu bản sao\n\nGiấy khai sinh\nHết');
    expect(normaliseMultilineText('Lý do'.normalize('NFD'))).toBe('Lý do');
  });

  it('gives NFC, only \\n for breaks, nothing invisible, for any input, and is idempotent', () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const stored = normaliseMultilineText(text);
        expect(stored.normalize('NFC')).toBe(stored);
        expect(stored.replace(/\n/gu, '')).not.toMatch(INVISIBLE_OR_CONTROL);
        for (const line of stored.split('\n')) expect(line).not.toMatch(/[^\S ]|\s\s|^\s|\s$/u);
        expect(stored).not.toMatch(/\n{3}/u);
        expect(normaliseMultilineText(stored)).toBe(stored);
      }),
    );
  });
});

describe('what typed text is refused for', () => {
  it('one line: an inner line break, a control or a bidi character; not breaks at the ends, tabs or zero-width', () => {
    expect(lineTextProblem('Trần\nThị B')).toBe('line_break');
    expect(lineTextProblem('Trần\u2028Thị B')).toBe('line_break');
    expect(lineTextProblem('Trần Thị B\0')).toBe('control');
    expect(lineTextProblem('Trần \u001bThị B')).toBe('control');
    expect(lineTextProblem('Trần \ud800Thị B')).toBe('control');
    expect(lineTextProblem('Trần \u202eB ịhT')).toBe('bidi');
    expect(lineTextProblem('Trần \u2067Thị B')).toBe('bidi');
    expect(lineTextProblem('Trần Thị B\r\n')).toBeNull();
    expect(lineTextProblem('Trần\tThị B')).toBeNull();
    expect(lineTextProblem('Trần\u200bThị B\ufeff')).toBeNull();
  });

  it('several lines: a control or a bidi character; line breaks of every platform are fine', () => {
    expect(multilineTextProblem('Dòng 1\nDòng 2\r\nDòng 3\rDòng 4')).toBeNull();
    expect(multilineTextProblem('Dòng 1\0')).toBe('control');
    expect(multilineTextProblem('Dòng 1\vDòng 2')).toBe('control');
    expect(multilineTextProblem('Dòng \u202dmột')).toBe('bidi');
  });
});
