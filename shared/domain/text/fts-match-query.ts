import { foldVietnamese } from './fold-vietnamese.js';

// Builds the right-hand side of `… MATCH ?` from whatever an officer typed in the search box.
// The result contains only double quotes, `*`, spaces, letters and digits, so FTS5's query
// syntax (AND/OR/NOT/NEAR, column filters, ^, parentheses, +, -, :) can never be triggered.

/** Beyond this many tokens the query is cut: longer input is a paste, not a search. */
export const MAX_SEARCH_TOKENS = 16;

/** Anything that is not a letter or a digit separates tokens, as FTS5's unicode61 tokenizer does. */
const NON_TOKEN_CHARACTERS = /[^\p{L}\p{N}]+/u;

/**
 * "Nguyễn Văn Đức" → `"nguyen"* "van"* "duc"*` (every word must match, each as a prefix).
 * A word with inner punctuation becomes one phrase: "000.21.09.H49-2611" → `"000 21 09 h49 2611"*`,
 * so a dossier code or a dashed phone number finds its own tokens in order.
 * Returns null when nothing searchable remains (the caller then lists without a text filter).
 * Match it against a column holding `foldVietnamese` of the stored text.
 */
export function buildFtsMatchQuery(searchText: string): string | null {
  const phrases: string[] = [];
  let budget = MAX_SEARCH_TOKENS;
  for (const word of foldVietnamese(searchText).split(' ')) {
    if (budget === 0) break;
    const tokens = word
      .split(NON_TOKEN_CHARACTERS)
      .filter((token) => token !== '')
      .slice(0, budget);
    if (tokens.length === 0) continue;
    budget -= tokens.length;
    phrases.push(`"${tokens.join(' ')}"*`);
  }
  return phrases.length === 0 ? null : phrases.join(' ');
}
