// Vietnamese folding for search: one form that the index and the query share.
// FTS5's `remove_diacritics 2` drops tone and vowel marks but keeps đ/Đ (a letter of its own), so
// "nguyen van duc" would miss "Nguyễn Văn Đức"; we fold ourselves and index the folded text.

const COMBINING_MARKS = /[\u0300-\u036f]/gu;
const WHITESPACE_RUN = /\s+/gu;

/** "Nguyễn Văn  Đức" → "nguyen van duc": marks stripped, đ/Đ → d, lower-case, spaces collapsed. */
export function foldVietnamese(text: string): string {
  return (
    text
      // Lower-case first so that a capital whose lower-case form decomposes (İ) is folded too.
      .toLowerCase()
      // NFD splits every precomposed Vietnamese vowel (ệ → e + ̣ + ̂) so the marks can be dropped;
      // decomposed input from IMEs and wedge scanners lands in the same form.
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      // đ/Đ have no decomposition: they are letters, not d + mark.
      .replace(/[đĐ]/gu, 'd')
      .replace(WHITESPACE_RUN, ' ')
      .trim()
  );
}
