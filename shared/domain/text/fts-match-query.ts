import { canonicalPhone } from '../contact/phone-number.js';
import { foldVietnamese } from './fold-vietnamese.js';
import { MIN_TAIL_DIGITS, NON_TOKEN_CHARACTERS, reversedDigits } from './search-key.js';

// Builds the right-hand side of `… MATCH ?` from whatever an officer typed in the search box.
// What comes from the officer is only ever letters and digits inside double quotes; around them the
// builder writes nothing but its own column filters, `*`, `(`, `)`, `AND` and `OR`. So FTS5's query syntax
// (AND/OR/NOT/NEAR, ^, +, -, :, column names) can never be triggered by the input.

/** Beyond this many tokens the query is cut: longer input is a paste, not a search. */
export const MAX_SEARCH_TOKENS = 16;

/** The index's columns, named by the repository that owns the schema. */
export interface SearchColumns {
  /** People's names as `nameSearchKey` writes them. */
  names: readonly string[];
  /** Codes and numbers, as folded tokens. */
  numbers: readonly string[];
  /** Phone and ID numbers with their digits reversed (search-key.ts `reversedDigits`). */
  reversedNumbers: string;
}

/** A number as people write it: digits grouped by spaces, dots, dashes or brackets, maybe a leading +. */
const WRITTEN_NUMBER = /^\+?[\d\s.()-]*\d[\d\s.()-]*$/u;

/**
 * "Nguyễn Văn Đức" → `"nguyen"* AND "van"* AND "duc"*` (every word must match, each as a prefix).
 * A word with inner punctuation becomes one phrase: "000.21.09.H49-2611" → `"000 21 09 h49 2611"*`,
 * so a dossier code finds its own tokens in order. A number — one word of digits, or the whole text
 * when it is only a number written in groups ("0912 345 222", "+84 912…") — may also be a phone or ID
 * number in its canonical form (a prefix of it) or, from 4 digits, the end of one:
 * `({…} : "0912 345 222"* OR {…} : "0912345222"* OR reversed : "2225432190"*)`.
 * Returns null when nothing searchable remains (the caller then finds nothing).
 */
export function buildFtsMatchQuery(searchText: string, columns: SearchColumns): string | null {
  const scope = `{${[...columns.names, ...columns.numbers].join(' ')}}`;
  const folded = foldVietnamese(searchText);
  const words = WRITTEN_NUMBER.test(folded) ? [folded] : folded.split(' ');
  const terms: string[] = [];
  let budget = MAX_SEARCH_TOKENS;
  for (const word of words) {
    if (budget === 0) break;
    const tokens = word
      .split(NON_TOKEN_CHARACTERS)
      .filter((token) => token !== '')
      .slice(0, budget);
    if (tokens.length === 0) continue;
    budget -= tokens.length;
    const phrase = inTextColumns(tokens, scope);
    terms.push(WRITTEN_NUMBER.test(word) ? numberTerm(phrase, tokens, word, scope, columns.reversedNumbers) : phrase);
  }
  // Explicit AND: FTS5 takes a space for AND between phrases only, not next to a bracket.
  return terms.length === 0 ? null : terms.join(' AND ');
}

/**
 * A phrase on the text columns. A phrase with a letter cannot match the reversed digits, so it goes
 * without the column filter (which makes FTS5 read every match's positions: a third slower on common names).
 */
function inTextColumns(tokens: readonly string[], scope: string): string {
  const phrase = `"${tokens.join(' ')}"*`;
  return tokens.some((token) => /\p{L}/u.test(token)) ? phrase : `${scope} : ${phrase}`;
}

function numberTerm(phrase: string, tokens: readonly string[], word: string, scope: string, reversedColumn: string): string {
  const digits = canonicalPhone(word).replace(/\D/gu, '');
  const alternatives = [phrase];
  if (tokens.length !== 1 || tokens[0] !== digits) alternatives.push(`${scope} : "${digits}"*`);
  if (digits.length >= MIN_TAIL_DIGITS) alternatives.push(`${reversedColumn} : "${reversedDigits(digits)}"*`);
  return alternatives.length === 1 ? phrase : `(${alternatives.join(' OR ')})`;
}

/**
 * The names that begin with a name key (`nameSearchKey` of what was typed), its last word as a prefix:
 * "nguyen van d" → `{…} : ^ "nguyen van d"*` finds "Nguyễn Văn Đức" but not "Trần Nguyễn Văn Dũng".
 * Null for an empty key.
 */
export function buildFtsNamePrefixQuery(nameKey: string, columns: SearchColumns): string | null {
  const tokens = nameKey.split(NON_TOKEN_CHARACTERS).filter((token) => token !== '');
  return tokens.length === 0 ? null : `{${columns.names.join(' ')}} : ^ "${tokens.join(' ')}"*`;
}
