import { deflateSync } from 'node:zlib';

// PDFs written by hand, byte by byte, for the page-count tests: the shapes pdf-lib never writes
// (nested page trees, incremental updates, cross-reference streams with a PNG predictor, loops) with
// offsets that are exactly right — or deliberately wrong.

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

/** Object bodies by number, e.g. { 1: '<< /Type /Catalog /Pages 2 0 R >>' }. */
export type PdfObjects = Record<number, string>;

function writeObjects(parts: Buffer[], start: number, objects: PdfObjects): Map<number, number> {
  const offsets = new Map<number, number>();
  let at = start;
  for (const [num, body] of Object.entries(objects)) {
    const chunk = latin1(`${num} 0 obj\n${body}\nendobj\n`);
    offsets.set(Number(num), at);
    parts.push(chunk);
    at += chunk.length;
  }
  return offsets;
}

function tableFor(offsets: Map<number, number>, withFreeHead: boolean): string {
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let table = 'xref\n';
  if (withFreeHead) table += '0 1\n0000000000 65535 f\r\n';
  for (const num of nums) table += `${num} 1\n${String(offsets.get(num)).padStart(10, '0')} 00000 n\r\n`;
  return table;
}

/** A complete PDF with a classic cross-reference table. */
export function handmadePdf(objects: PdfObjects, trailer: string): Buffer {
  const parts = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  const offsets = writeObjects(parts, parts[0]!.length, objects);
  const xrefAt = parts.reduce((n, p) => n + p.length, 0);
  const size = Math.max(...offsets.keys()) + 1;
  parts.push(latin1(`${tableFor(offsets, true)}trailer\n<< /Size ${size} ${trailer} >>\nstartxref\n${xrefAt}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** The offset `startxref` of a PDF points at. */
export function startXrefOf(pdf: Buffer): number {
  const text = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (match === null) throw new Error('no startxref');
  return Number(match[1]);
}

/** An incremental update (ISO 32000-1 §7.5.6): new or changed objects, a new section, /Prev to the old one. */
export function appendUpdate(base: Buffer, objects: PdfObjects, trailer: string, size: number): Buffer {
  const parts = [base];
  const offsets = writeObjects(parts, base.length, objects);
  const xrefAt = parts.reduce((n, p) => n + p.length, 0);
  parts.push(latin1(`${tableFor(offsets, false)}trailer\n<< /Size ${size} /Prev ${startXrefOf(base)} ${trailer} >>\nstartxref\n${xrefAt}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A PDF whose cross-reference is a compressed stream (/W [1 4 2]), optionally PNG "Up"-predicted as Acrobat writes them. */
export function handmadeXrefStreamPdf(objects: PdfObjects, trailer: string, options: { predictor: boolean }): Buffer {
  const parts = [latin1('%PDF-1.7\n')];
  const offsets = writeObjects(parts, parts[0]!.length, objects);
  const xrefNum = Math.max(...offsets.keys()) + 1;
  const xrefAt = parts.reduce((n, p) => n + p.length, 0);
  offsets.set(xrefNum, xrefAt);
  const rows: Buffer[] = [];
  for (let num = 0; num <= xrefNum; num += 1) {
    const row = Buffer.alloc(7);
    const offset = offsets.get(num);
    if (offset === undefined) {
      row.writeUInt8(0, 0);
      row.writeUInt16BE(num === 0 ? 65535 : 0, 5);
    } else {
      row.writeUInt8(1, 0);
      row.writeUInt32BE(offset, 1);
    }
    rows.push(row);
  }
  let data: Buffer;
  let parms = '';
  if (options.predictor) {
    // PNG filter type 2 ("Up") on every row: each byte minus the byte above it.
    const encoded: Buffer[] = [];
    rows.forEach((row, r) => {
      const above = r > 0 ? rows[r - 1]! : Buffer.alloc(7);
      encoded.push(Buffer.from([2, ...row.map((b, i) => (b - above[i]! + 256) & 0xff)]));
    });
    data = deflateSync(Buffer.concat(encoded));
    parms = ' /DecodeParms << /Columns 7 /Predictor 12 >>';
  } else {
    data = deflateSync(Buffer.concat(rows));
  }
  parts.push(
    latin1(`${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /W [1 4 2] /Filter /FlateDecode${parms} /Length ${data.length} ${trailer} >>\nstream\n`),
    data,
    latin1(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`),
  );
  return Buffer.concat(parts);
}

/** Page objects 10, 11, … under parent `parent`, for building trees. */
export function pageObjects(first: number, count: number, parent: number): PdfObjects {
  const objects: PdfObjects = {};
  for (let i = 0; i < count; i += 1) objects[first + i] = `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595.28 841.89] /Resources << >> >>`;
  return objects;
}

export const kids = (first: number, count: number): string => Array.from({ length: count }, (_, i) => `${first + i} 0 R`).join(' ');
