// A small reader of PDF object syntax (ISO 32000-1 §7.2–7.3), enough to follow a file's cross-reference
// sections and page tree without loading the whole document. It is deliberately strict: anything it
// does not fully understand throws `PdfUnsure`, and the caller then lets pdf-lib read the whole file.
// It never decides that a file is broken — only that it cannot be sure.

/** "Not sure": the quick reader gives up and the full parse decides. Never shown to an officer. */
export class PdfUnsure extends Error {
  constructor(why: string) {
    super(`quick PDF read unsure: ${why}`);
    this.name = 'PdfUnsure';
  }
}

export interface PdfName {
  kind: 'name';
  name: string;
}
export interface PdfRef {
  kind: 'ref';
  num: number;
  gen: number;
}
/** A string's content is never needed to count pages: only where it ends. */
export interface PdfString {
  kind: 'string';
}
export interface PdfDict {
  kind: 'dict';
  entries: Map<string, PdfValue>;
}
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfDict | PdfValue[];

export const isDict = (value: PdfValue | undefined): value is PdfDict => typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'dict';
export const isRef = (value: PdfValue | undefined): value is PdfRef => typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'ref';
export const nameOf = (value: PdfValue | undefined): string | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'name' ? value.name : null;

const MAX_DEPTH = 64;

const isWhite = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number): boolean =>
  c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isRegular = (c: number): boolean => !isWhite(c) && !isDelimiter(c);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** A cursor over the file's bytes. `end` bounds the window (an object stream's decoded data, say). */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    readonly end = bytes.length,
  ) {}

  skipWhite(): void {
    const { bytes, end } = this;
    while (this.pos < end) {
      const c = bytes[this.pos]!;
      if (isWhite(c)) {
        this.pos += 1;
      } else if (c === 0x25) {
        // A comment runs to the end of the line.
        while (this.pos < end && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos += 1;
      } else {
        return;
      }
    }
  }

  /** The next run of regular characters (a keyword or a number), without moving past it. */
  peekWord(): string {
    this.skipWhite();
    let word = '';
    for (let at = this.pos; at < this.end && word.length < 32 && isRegular(this.bytes[at]!); at += 1) word += String.fromCharCode(this.bytes[at]!);
    return word;
  }

  /** Consumes `word` (a keyword such as "obj", "xref", "trailer") or throws PdfUnsure. */
  expectWord(word: string): void {
    if (this.peekWord() !== word) throw new PdfUnsure(`expected "${word}"`);
    this.pos += word.length;
  }

  /** A non-negative integer (offsets, object numbers, counts). */
  readUnsigned(): number {
    this.skipWhite();
    const start = this.pos;
    let value = 0;
    while (this.pos < this.end && isDigit(this.bytes[this.pos]!)) {
      value = value * 10 + this.bytes[this.pos]! - 0x30;
      this.pos += 1;
    }
    if (this.pos === start || this.pos - start > 15 || (this.pos < this.end && isRegular(this.bytes[this.pos]!))) throw new PdfUnsure('expected an integer');
    return value;
  }

  /** Any PDF value (§7.3). "n g R" becomes a reference. Streams are handled by the caller. */
  readValue(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfUnsure('nesting too deep');
    this.skipWhite();
    if (this.pos >= this.end) throw new PdfUnsure('unexpected end');
    const { bytes } = this;
    const c = bytes[this.pos]!;
    if (c === 0x2f) return this.readName();
    if (c === 0x28) return this.skipLiteralString();
    if (c === 0x5b) {
      this.pos += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhite();
        if (this.pos >= this.end) throw new PdfUnsure('unterminated array');
        if (bytes[this.pos] === 0x5d) {
          this.pos += 1;
          return items;
        }
        items.push(this.readValue(depth + 1));
      }
    }
    if (c === 0x3c) {
      if (bytes[this.pos + 1] !== 0x3c) return this.skipHexString();
      this.pos += 2;
      const entries = new Map<string, PdfValue>();
      for (;;) {
        this.skipWhite();
        if (this.pos + 1 < this.end && bytes[this.pos] === 0x3e && bytes[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return { kind: 'dict', entries };
        }
        if (bytes[this.pos] !== 0x2f) throw new PdfUnsure('dictionary key is not a name');
        const key = this.readName().name;
        entries.set(key, this.readValue(depth + 1));
      }
    }
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) return this.readNumberOrRef();
    const word = this.peekWord();
    this.pos += word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    throw new PdfUnsure(`unexpected token "${word.slice(0, 12)}"`);
  }

  private readName(): PdfName {
    this.pos += 1; // the slash
    let name = '';
    let escaped = false;
    while (this.pos < this.end && isRegular(this.bytes[this.pos]!)) {
      const c = this.bytes[this.pos]!;
      escaped ||= c === 0x23;
      name += String.fromCharCode(c);
      this.pos += 1;
    }
    // #xx escapes (§7.3.5); the names the page count needs have none, but keys must still compare right.
    if (escaped) name = name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return { kind: 'name', name };
  }

  private skipLiteralString(): PdfString {
    const { bytes, end } = this;
    let depth = 0;
    while (this.pos < end) {
      const c = bytes[this.pos]!;
      this.pos += 1;
      if (c === 0x5c) {
        this.pos += 1; // an escaped character, whatever it is
      } else if (c === 0x28) {
        depth += 1;
      } else if (c === 0x29) {
        depth -= 1;
        if (depth === 0) return { kind: 'string' };
      }
    }
    throw new PdfUnsure('unterminated string');
  }

  private skipHexString(): PdfString {
    const close = this.bytes.indexOf(0x3e, this.pos);
    if (close < 0 || close >= this.end) throw new PdfUnsure('unterminated hex string');
    this.pos = close + 1;
    return { kind: 'string' };
  }

  private readNumberOrRef(): number | PdfRef {
    const { bytes, end } = this;
    const start = this.pos;
    let at = start;
    const negative = bytes[at] === 0x2d;
    if (negative || bytes[at] === 0x2b) at += 1;
    let whole = 0;
    let digits = 0;
    while (at < end && isDigit(bytes[at]!)) {
      whole = whole * 10 + bytes[at]! - 0x30;
      at += 1;
      digits += 1;
    }
    let fraction = 0;
    let scale = 1;
    const dotted = bytes[at] === 0x2e;
    if (dotted) {
      at += 1;
      while (at < end && isDigit(bytes[at]!)) {
        fraction = fraction * 10 + bytes[at]! - 0x30;
        scale *= 10;
        at += 1;
        digits += 1;
      }
    }
    if (digits === 0 || digits > 20 || (at < end && isRegular(bytes[at]!))) throw new PdfUnsure('malformed number');
    this.pos = at;
    const value = (negative ? -1 : 1) * (whole + fraction / scale);
    if (negative || dotted || bytes[start] === 0x2b) return value;
    // "n g R": look ahead for a generation number and R, without consuming them otherwise.
    const gen = this.lookAheadGeneration();
    return gen === null ? value : { kind: 'ref', num: value, gen };
  }

  private lookAheadGeneration(): number | null {
    const { bytes, end } = this;
    const after = this.pos;
    this.skipWhite();
    let gen = 0;
    const genStart = this.pos;
    while (this.pos < end && isDigit(bytes[this.pos]!)) {
      gen = gen * 10 + bytes[this.pos]! - 0x30;
      this.pos += 1;
    }
    if (this.pos > genStart && (this.pos === end || !isRegular(bytes[this.pos]!))) {
      this.skipWhite();
      if (bytes[this.pos] === 0x52 && (this.pos + 1 >= end || !isRegular(bytes[this.pos + 1]!))) {
        this.pos += 1;
        return gen;
      }
    }
    this.pos = after;
    return null;
  }
}

/** The last occurrence of an ASCII `word` in `bytes[from, to)`, or -1. */
export function lastIndexOfWord(bytes: Uint8Array, word: string, from: number, to = bytes.length): number {
  const first = word.charCodeAt(0);
  for (let at = to - word.length; at >= from; at -= 1) {
    if (bytes[at] !== first) continue;
    let same = true;
    for (let i = 1; i < word.length && same; i += 1) same = bytes[at + i] === word.charCodeAt(i);
    if (same) return at;
  }
  return -1;
}
