import { PdfCrossReference } from './pdf-xref.js';
import { PdfUnsure, isDict, isRef, nameOf, type PdfRef } from './pdf-syntax.js';

// Counting a PDF's pages without loading it: follow the cross-reference to the catalog and walk the
// page tree, counting its leaves as pdf-lib does (not trusting /Count alone: it must agree). A 2 MB
// scan costs a few small reads instead of a parse of every object. Whenever the file is not the plain,
// well-formed case — a damaged cross-reference, an unusual filter, a count that does not add up — the
// answer is "unsure" and the caller loads the whole document with pdf-lib, which then decides.

export type QuickPageCount = { kind: 'pages'; pages: number } | { kind: 'encrypted' } | { kind: 'unsure'; why: string };

const MAX_DEPTH = 64;
const MAX_NODES = 200_000;

function countLeaves(xref: PdfCrossReference, ref: PdfRef, seen: Set<string>, depth: number): number {
  const key = `${ref.num} ${ref.gen}`;
  if (depth > MAX_DEPTH || seen.has(key) || seen.size >= MAX_NODES) throw new PdfUnsure('page tree too deep, too large or looping');
  seen.add(key);
  const node = xref.resolve(ref);
  if (!isDict(node)) throw new PdfUnsure('page tree node is not a dictionary');
  const type = nameOf(node.entries.get('Type'));
  if (type === 'Page') return 1;
  if (type !== 'Pages') throw new PdfUnsure('page tree node of another type');
  const kids = xref.resolve(node.entries.get('Kids'));
  if (!Array.isArray(kids)) throw new PdfUnsure('/Kids is not an array');
  let leaves = 0;
  for (const kid of kids) {
    if (!isRef(kid)) throw new PdfUnsure('a kid is not a reference');
    leaves += countLeaves(xref, kid, seen, depth + 1);
  }
  return leaves;
}

export function quickPageCount(bytes: Uint8Array): QuickPageCount {
  try {
    const xref = new PdfCrossReference(bytes);
    const encrypt = xref.trailer.entries.get('Encrypt');
    if (encrypt !== undefined) {
      if (isDict(xref.resolve(encrypt))) return { kind: 'encrypted' };
      throw new PdfUnsure('/Encrypt names no dictionary');
    }
    const catalog = xref.resolve(xref.trailer.entries.get('Root'));
    if (!isDict(catalog) || nameOf(catalog.entries.get('Type')) !== 'Catalog') throw new PdfUnsure('no catalog');
    const root = catalog.entries.get('Pages');
    if (!isRef(root)) throw new PdfUnsure('/Pages is not a reference');
    const pages = countLeaves(xref, root, new Set(), 0);
    const rootNode = xref.resolve(root);
    const declared = isDict(rootNode) ? rootNode.entries.get('Count') : undefined;
    if (declared !== pages) throw new PdfUnsure('/Count disagrees with the page tree');
    if (pages < 1) throw new PdfUnsure('no pages');
    return { kind: 'pages', pages };
  } catch (error) {
    if (error instanceof PdfUnsure) return { kind: 'unsure', why: error.message };
    // A bug in the quick reader must not refuse a citizen's file: the full parse decides.
    return { kind: 'unsure', why: error instanceof Error ? error.message : String(error) };
  }
}
