import { foldVietnamese } from './fold-vietnamese.js';

// What the dossier search index holds, in the one form that the index and the query share.

/**
 * Anything that is not a letter or a digit separates tokens — as the index's FTS5 tokenizer
 * (unicode61 with categories 'L* N*') splits the stored text.
 */
export const NON_TOKEN_CHARACTERS = /[^\p{L}\p{N}]+/u;

/** "Nguyễn Văn-Đức" → ["nguyen", "van", "duc"]: folded (no marks, đ → d, lower case), split into tokens. */
export function searchTokens(text: string): string[] {
  return foldVietnamese(text)
    .split(NON_TOKEN_CHARACTERS)
    .filter((token) => token !== '');
}

/**
 * "Nguyễn  Văn-Đức" → "nguyen van duc": a person's name as the index holds it and as relevance compares
 * it (an exact match is an equal key; a prefix match is a key starting with the typed key).
 */
export function nameSearchKey(text: string): string {
  return searchTokens(text).join(' ');
}

/** Fewer digits than this are too common to single out a person by the end of a number. */
export const MIN_TAIL_DIGITS = 4;

/**
 * "0912345444" → "4445432190". Indexed for phones and ID numbers, so that a prefix search on the
 * reversed digits finds a number by its last digits (citizens often quote only the tail).
 */
export function reversedDigits(digits: string): string {
  return [...digits].reverse().join('');
}

/**
 * True when every word typed starts a word of the text, diacritics ignored: "dang k sinh" matches
 * "Đăng ký khai sinh". For short pick lists filtered as the officer types (units, procedures).
 */
export function startsWordsOf(text: string, typed: string): boolean {
  const words = searchTokens(text);
  return searchTokens(typed).every((start) => words.some((word) => word.startsWith(start)));
}
