// How typed or scanned text is stored: the same letters whichever way the keyboard produced them, and
// nothing a reader cannot see. The one home of the rule: the contract's text arguments, the CCCD QR
// parser and the dossier fold (for events written before the rule, or by another desk) all use it.

/**
 * Characters no stored text keeps: format characters (zero-width spaces and joiners, U+2060, the BOM
 * U+FEFF, bidi marks, embeddings, overrides and isolates, soft hyphens), lone surrogates, and control
 * characters other than the whitespace ones (tab, line feed, vertical tab, form feed, carriage return,
 * next line), which become spaces or line breaks below.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}]|(?![\t\n\v\f\r\x85])\p{Cc}/gu;
/** Whitespace, as JavaScript sees it, plus NEL (U+0085), which `\s` omits. */
const WHITESPACE_RUN = /[\s\x85]+/gu;
const LINE_BREAKS = /\r\n?|[\x85\u2028\u2029]/gu;
/**
 * Text already in stored form, recognised without normalising it (the fold reads every event's text
 * through here, tens of thousands a second): printable ASCII, Latin-1 and Latin Extended letters,
 * Latin Extended Additional (the precomposed Vietnamese letters U+1EA0–1EF9) and common punctuation —
 * all unchanged by NFC — with single inner spaces only. A loop: several times faster than a regex.
 */
function isPlainlyStored(text: string): boolean {
  if (text.length === 0) return true;
  let previous = 32; // a leading space counts as a double one
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (previous === 32) return false;
    } else if (!((c > 32 && c < 0x7f) || (c >= 0xa1 && c <= 0x24f && c !== 0xad) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2010 && c <= 0x2027))) {
      return false;
    }
    previous = c;
  }
  return previous !== 32;
}

/**
 * One line of text (a name, an address, a paper's name): invisible characters dropped, NFC (one code
 * point per accented letter, whatever the IME or scanner sent), whitespace runs — line breaks
 * included — collapsed to one space, trimmed. Spelling is kept as typed: "Hoà" and "Hòa" stay
 * different — the search fold, not the stored name, makes them meet. Never fails: the contract refuses
 * line breaks and control characters before this runs (lineTextProblem); the fold repairs old text.
 */
export function normaliseName(text: string): string {
  if (isPlainlyStored(text)) return text;
  // Invisibles go before NFC, so a mark split from its letter by a zero-width space composes again.
  return text.replace(INVISIBLE, '').normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Several lines (a note, a reason, a result summary): as normaliseName within each line, line breaks
 * written "\n" whatever the platform sent (CRLF, CR, U+2028…), at most one blank line in a row, and no
 * blank line at either end.
 */
export function normaliseMultilineText(text: string): string {
  if (isPlainlyStored(text)) return text;
  const lines = text.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').normalize('NFC').split('\n');
  return lines
    .map((line) => line.replace(WHITESPACE_RUN, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** Why typed text is refused rather than repaired: the officer must see it and type it again. */
export type TextProblem = 'line_break' | 'control' | 'bidi';

/** Embeddings, overrides (U+202A–202E) and isolates (U+2066–2069): they reorder what a reader sees. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const LINE_BREAK = /[\n\v\f\r\x85\u2028\u2029]/u;
/** Control characters other than tab (a paste from a spreadsheet: it becomes a space), and lone surrogates. */
const CONTROL = /(?!\t)[\p{Cc}\p{Cs}]/u;
const CONTROL_IN_LINES = /(?![\t\n])[\p{Cc}\p{Cs}]/u;

/**
 * What stops `text` from being one line. Breaks at either end are fine (a scanner's Enter, a paste
 * ending in a new line): only an inner one splits the value. Zero-width characters are not a problem:
 * normaliseName drops them.
 */
export function lineTextProblem(text: string): TextProblem | null {
  const trimmed = text.trim();
  if (LINE_BREAK.test(trimmed)) return 'line_break';
  if (BIDI_CONTROL.test(trimmed)) return 'bidi';
  return CONTROL.test(trimmed) ? 'control' : null;
}

/** What stops `text` from being stored as several lines: a control character other than a line break or a tab. */
export function multilineTextProblem(text: string): TextProblem | null {
  if (BIDI_CONTROL.test(text)) return 'bidi';
  return CONTROL_IN_LINES.test(text.replace(LINE_BREAKS, '\n')) ? 'control' : null;
}
