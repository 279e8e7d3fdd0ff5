import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../../../shared/domain/text/fold-vietnamese.js';

// Every Vietnamese vowel with each of the five tones (plus the toneless form), lower and upper case.
const VOWEL_ROWS: readonly [string, string][] = [
  ['aàáảãạ', 'a'],
  ['ăằắẳẵặ', 'a'],
  ['âầấẩẫậ', 'a'],
  ['eèéẻẽẹ', 'e'],
  ['êềếểễệ', 'e'],
  ['iìíỉĩị', 'i'],
  ['oòóỏõọ', 'o'],
  ['ôồốổỗộ', 'o'],
  ['ơờớởỡợ', 'o'],
  ['uùúủũụ', 'u'],
  ['ưừứửữự', 'u'],
  ['yỳýỷỹỵ', 'y'],
];

describe('foldVietnamese', () => {
  it.each(VOWEL_ROWS)('folds every tone of %s to %s, in both cases', (row, base) => {
    expect(foldVietnamese(row)).toBe(base.repeat(6));
    expect(foldVietnamese(row.toUpperCase())).toBe(base.repeat(6));
  });

  it('folds đ and Đ to d (FTS5 does not)', () => {
    expect(foldVietnamese('đĐ')).toBe('dd');
    expect(foldVietnamese('Đặng Đình Đức')).toBe('dang dinh duc');
  });

  it('folds a full name, lower-cases, collapses and trims whitespace', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldVietnamese('  NGUYỄN\tVĂN \n\u00a0 ĐỨC  ')).toBe('nguyen van duc');
    expect(foldVietnamese('Phường Hồng Gai, Thành phố Hạ Long')).toBe('phuong hong gai, thanh pho ha long');
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    const composed = 'Trần Thị Ngọc Ánh, Quảng Ninh';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(foldVietnamese(decomposed)).toBe('tran thi ngoc anh, quang ninh');
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese(composed));
  });

  it('folds tone marks typed in either order after the base letter', () => {
    // "ệ" as e + dot below + circumflex and as e + circumflex + dot below: IMEs produce both.
    expect(foldVietnamese('Nguye\u0323\u0302n')).toBe('nguyen');
    expect(foldVietnamese('Nguye\u0302\u0323n')).toBe('nguyen');
  });

  it('is idempotent, leaves no combining mark, no đ and no upper case (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const folded = foldVietnamese(text);
        expect(foldVietnamese(folded)).toBe(folded);
        expect(folded).not.toMatch(/[\u0300-\u036fđĐ]|\s\s|^\s|\s$/u);
        expect(folded.toLowerCase()).toBe(folded);
      }),
      { numRuns: 2000 },
    );
  });

  it('makes Vietnamese text and its fold-equal ASCII spelling meet', () => {
    const letters = fc.constantFrom(...VOWEL_ROWS.flatMap(([row]) => [...row, ...row.toUpperCase()]), 'đ', 'Đ', 'n', 'g', ' ');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        expect(foldVietnamese(text)).toMatch(/^[a-z ]*$/u);
        expect(foldVietnamese(text.normalize('NFD'))).toBe(foldVietnamese(text));
      }),
    );
  });
});
