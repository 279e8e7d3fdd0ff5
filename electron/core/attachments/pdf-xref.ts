import { inflateSync } from 'node:zlib';
import { PdfLexer, PdfUnsure, isDict, isRef, lastIndexOfWord, nameOf, type PdfDict, type PdfRef, type PdfValue } from './pdf-syntax.js';

// The cross-reference of a PDF (ISO 32000-1 §7.5): where each object lives, read from the end of the
// file — classic tables and cross-reference streams, every incremental update's section back along
// /Prev (the newest definition of an object wins), hybrid files' /XRefStm, and objects packed in
// object streams. Only what it was asked for is read: a 2 MB scan costs a few small reads, not a parse.
// Whatever looks wrong (an offset not landing on its object, an unknown filter) throws PdfUnsure.

type XrefEntry = { type: 'free' } | { type: 'at'; offset: number; gen: number } | { type: 'packed'; stream: number };

const MAX_SECTIONS = 512;
/** A decoded stream larger than this is not something a page count needs (and may be a zip bomb). */
const MAX_DECODED_BYTES = 64 * 1024 * 1024;

export interface PdfStream {
  dict: PdfDict;
  /** The raw (still encoded) data. */
  data: Uint8Array;
}

function intOf(value: PdfValue | undefined, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new PdfUnsure(`${what} is not a non-negative integer`);
  return value;
}

export class PdfCrossReference {
  private readonly entries = new Map<number, XrefEntry>();
  private resolving = 0;
  private readonly objectStreams = new Map<number, { data: Uint8Array; offsets: Map<number, number> }>();
  /** The newest trailer (or cross-reference stream dictionary): /Root, /Encrypt. */
  readonly trailer: PdfDict;

  constructor(private readonly bytes: Uint8Array) {
    let offset: number | null = this.startXref();
    let trailer: PdfDict | null = null;
    const seen = new Set<number>();
    while (offset !== null) {
      if (seen.has(offset) || seen.size >= MAX_SECTIONS) throw new PdfUnsure('cross-reference sections loop');
      seen.add(offset);
      const section = this.readSection(offset);
      trailer ??= section;
      // A hybrid file's stream section belongs with this table, before the older sections.
      const hybrid = section.entries.get('XRefStm');
      if (hybrid !== undefined) this.readSection(intOf(hybrid, '/XRefStm'));
      const prev = section.entries.get('Prev');
      offset = prev === undefined ? null : intOf(prev, '/Prev');
    }
    if (trailer === null) throw new PdfUnsure('no trailer');
    this.trailer = trailer;
  }

  /** The object a reference names; a free or unknown object is null (§7.3.10). */
  resolve(value: PdfValue | undefined): PdfValue {
    if (value === undefined) return null;
    if (!isRef(value)) return value;
    // Only a stream's indirect /Length resolves from inside a resolve: deeper means a loop.
    if (this.resolving > 2) throw new PdfUnsure('references loop');
    this.resolving += 1;
    try {
      return this.lookUp(value);
    } finally {
      this.resolving -= 1;
    }
  }

  private lookUp(value: PdfRef): PdfValue {
    const entry = this.entries.get(value.num);
    if (entry === undefined || entry.type === 'free') return null;
    if (entry.type === 'at') {
      if (entry.gen !== value.gen) return null;
      return this.objectAt(entry.offset, value).value;
    }
    if (value.gen !== 0) return null;
    return this.packedObject(entry.stream, value.num);
  }

  private startXref(): number {
    // §7.5.5 puts it in the last 1024 bytes; some writers leave junk after %%EOF, so look a little further.
    const at = lastIndexOfWord(this.bytes, 'startxref', Math.max(0, this.bytes.length - 4096));
    if (at < 0) throw new PdfUnsure('no startxref');
    const lexer = new PdfLexer(this.bytes, at + 'startxref'.length);
    return lexer.readUnsigned();
  }

  /** Reads one section at `offset`, adds the entries not already known, and returns its trailer. */
  private readSection(offset: number): PdfDict {
    if (offset >= this.bytes.length) throw new PdfUnsure('cross-reference offset past the end');
    const lexer = new PdfLexer(this.bytes, offset);
    if (lexer.peekWord() === 'xref') return this.readTable(lexer);
    return this.readStreamSection(offset);
  }

  private readTable(lexer: PdfLexer): PdfDict {
    lexer.expectWord('xref');
    for (;;) {
      if (lexer.peekWord() === 'trailer') break;
      const first = lexer.readUnsigned();
      const count = lexer.readUnsigned();
      for (let i = 0; i < count; i += 1) {
        const offset = lexer.readUnsigned();
        const gen = lexer.readUnsigned();
        const kind = lexer.peekWord();
        if (kind !== 'n' && kind !== 'f') throw new PdfUnsure('bad cross-reference entry');
        lexer.pos += 1;
        const num = first + i;
        // A section off by one (a writer numbering from 1 but listing object 0) shows up later: its
        // offsets land on other objects than they name, and the full parse takes over.
        if (!this.entries.has(num)) this.entries.set(num, kind === 'f' ? { type: 'free' } : { type: 'at', offset, gen });
      }
    }
    lexer.expectWord('trailer');
    const trailer = lexer.readValue();
    if (!isDict(trailer)) throw new PdfUnsure('trailer is not a dictionary');
    return trailer;
  }

  private readStreamSection(offset: number): PdfDict {
    const { value, stream } = this.objectAt(offset, null);
    if (stream === null || !isDict(value) || nameOf(value.entries.get('Type')) !== 'XRef') throw new PdfUnsure('no cross-reference at startxref');
    const data = this.decode(stream);
    const widths = value.entries.get('W');
    if (!Array.isArray(widths) || widths.length !== 3) throw new PdfUnsure('bad /W');
    const [w0, w1, w2] = widths.map((w) => intOf(w, '/W entry')) as [number, number, number];
    if (w1 === 0 || w0 > 4 || w1 > 6 || w2 > 4) throw new PdfUnsure('unusual /W');
    const size = intOf(value.entries.get('Size'), '/Size');
    const index = value.entries.get('Index') ?? [0, size];
    if (!Array.isArray(index) || index.length % 2 !== 0) throw new PdfUnsure('bad /Index');
    const rowBytes = w0 + w1 + w2;
    let at = 0;
    const field = (width: number, fallback: number): number => {
      if (width === 0) return fallback;
      let n = 0;
      for (let i = 0; i < width; i += 1) n = n * 256 + data[at + i]!;
      at += width;
      return n;
    };
    for (let pair = 0; pair < index.length; pair += 2) {
      const first = intOf(index[pair], '/Index start');
      const count = intOf(index[pair + 1], '/Index count');
      if (at + count * rowBytes > data.length) throw new PdfUnsure('cross-reference stream too short');
      for (let i = 0; i < count; i += 1) {
        const type = field(w0, 1);
        const a = field(w1, 0);
        const b = field(w2, 0);
        const num = first + i;
        if (this.entries.has(num)) continue;
        if (type === 0) this.entries.set(num, { type: 'free' });
        else if (type === 1) this.entries.set(num, { type: 'at', offset: a, gen: b });
        else if (type === 2) this.entries.set(num, { type: 'packed', stream: a }); // b: its index, a hint only
        // Other types are reserved: a reference to one resolves to null (§7.5.8.3).
      }
    }
    return value;
  }

  /** "n g obj <value> [stream … endstream]" at `offset`; checks it is the object `expected` names. */
  private objectAt(offset: number, expected: PdfRef | null): { value: PdfValue; stream: PdfStream | null } {
    if (offset >= this.bytes.length) throw new PdfUnsure('object offset past the end');
    const lexer = new PdfLexer(this.bytes, offset);
    const num = lexer.readUnsigned();
    const gen = lexer.readUnsigned();
    lexer.expectWord('obj');
    if (expected !== null && (expected.num !== num || expected.gen !== gen)) throw new PdfUnsure('offset names another object');
    const value = lexer.readValue();
    if (lexer.peekWord() !== 'stream' || !isDict(value)) return { value, stream: null };
    lexer.pos += 'stream'.length;
    // The data starts after CRLF or LF (a lone CR is tolerated, as readers do).
    if (this.bytes[lexer.pos] === 0x0d) lexer.pos += 1;
    if (this.bytes[lexer.pos] === 0x0a) lexer.pos += 1;
    const lengthValue = value.entries.get('Length');
    // An indirect /Length in a cross-reference stream's own dictionary is not allowed; elsewhere follow it.
    const length = intOf(isRef(lengthValue) && expected !== null ? this.resolve(lengthValue) : lengthValue, '/Length');
    const start = lexer.pos;
    if (start + length > this.bytes.length) throw new PdfUnsure('stream runs past the end');
    const after = new PdfLexer(this.bytes, start + length);
    after.expectWord('endstream');
    return { value, stream: { dict: value, data: this.bytes.subarray(start, start + length) } };
  }

  private packedObject(streamNum: number, num: number): PdfValue {
    let objectStream = this.objectStreams.get(streamNum);
    if (objectStream === undefined) {
      const entry = this.entries.get(streamNum);
      if (entry?.type !== 'at') throw new PdfUnsure('object stream not found');
      const { value, stream } = this.objectAt(entry.offset, { kind: 'ref', num: streamNum, gen: entry.gen });
      if (stream === null || !isDict(value) || nameOf(value.entries.get('Type')) !== 'ObjStm') throw new PdfUnsure('not an object stream');
      const data = this.decode(stream);
      const count = intOf(value.entries.get('N'), '/N');
      const first = intOf(value.entries.get('First'), '/First');
      const header = new PdfLexer(data, 0, Math.min(first, data.length));
      const offsets = new Map<number, number>();
      for (let i = 0; i < count; i += 1) {
        const objectNum = header.readUnsigned();
        offsets.set(objectNum, first + header.readUnsigned());
      }
      objectStream = { data, offsets };
      this.objectStreams.set(streamNum, objectStream);
    }
    // The stream's own header says where the object is (the cross-reference's index is only a hint).
    const at = objectStream.offsets.get(num);
    if (at === undefined || at >= objectStream.data.length) throw new PdfUnsure('object not in its object stream');
    return new PdfLexer(objectStream.data, at).readValue();
  }

  /** FlateDecode (with or without a PNG predictor) or no filter; anything else is left to the full parse. */
  private decode(stream: PdfStream): Uint8Array {
    let filter = stream.dict.entries.get('Filter');
    let parms = stream.dict.entries.get('DecodeParms');
    if (Array.isArray(filter)) {
      if (filter.length > 1) throw new PdfUnsure('filter chain');
      filter = filter[0];
      parms = Array.isArray(parms) ? parms[0] : parms;
    }
    if (filter === undefined || filter === null) return stream.data;
    if (nameOf(filter) !== 'FlateDecode') throw new PdfUnsure('unsupported filter');
    let inflated: Uint8Array;
    try {
      inflated = inflateSync(stream.data, { maxOutputLength: MAX_DECODED_BYTES });
    } catch {
      throw new PdfUnsure('flate data does not inflate');
    }
    const predictor = isDict(parms) ? (parms.entries.get('Predictor') ?? 1) : 1;
    if (predictor === 1) return inflated;
    if (typeof predictor !== 'number' || predictor < 10 || predictor > 15 || !isDict(parms)) throw new PdfUnsure('unsupported predictor');
    const colors = parms.entries.get('Colors') ?? 1;
    const bits = parms.entries.get('BitsPerComponent') ?? 8;
    if (colors !== 1 || bits !== 8) throw new PdfUnsure('unusual predictor parameters');
    return undoPngPredictor(inflated, intOf(parms.entries.get('Columns') ?? 1, '/Columns'));
  }
}

/** PNG row filters (RFC 2083 §6), one filter byte per row; cross-reference streams use them (often "Up"). */
export function undoPngPredictor(data: Uint8Array, columns: number): Uint8Array {
  if (columns < 1) throw new PdfUnsure('bad /Columns');
  const rowIn = columns + 1;
  const rows = Math.floor(data.length / rowIn);
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    const filter = data[r * rowIn]!;
    const row = r * columns;
    const above = row - columns;
    for (let i = 0; i < columns; i += 1) {
      const raw = data[r * rowIn + 1 + i]!;
      const left = i > 0 ? out[row + i - 1]! : 0;
      const up = r > 0 ? out[above + i]! : 0;
      const upLeft = r > 0 && i > 0 ? out[above + i - 1]! : 0;
      let value: number;
      if (filter === 0) value = raw;
      else if (filter === 1) value = raw + left;
      else if (filter === 2) value = raw + up;
      else if (filter === 3) value = raw + ((left + up) >> 1);
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new PdfUnsure('unknown PNG row filter');
      out[row + i] = value & 0xff;
    }
  }
  return out;
}
