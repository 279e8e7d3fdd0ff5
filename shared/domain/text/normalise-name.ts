// How a typed or scanned name is stored: the same letters whichever way the keyboard produced them.

/**
 * NFC (one code point per accented letter, whatever the IME or scanner sent), whitespace runs
 * collapsed to one space, trimmed. Spelling is kept as typed: "Hoà" and "Hòa" stay different —
 * the search fold, not the stored name, makes them meet.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
