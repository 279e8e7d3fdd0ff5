import { readFile } from 'node:fs/promises';
import {
  PDFDocument,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
} from 'pdf-lib';
import type { AttachmentMediaType } from '../../../shared/domain/dossier/events.js';
import { loadAcceptedPdf } from '../attachments/pdf-pages.js';
import { imagePageCount, preparePage, type PreparedPage } from './page-image.js';

// Several scans become ONE PDF, in order: each image page (JPEG, PNG, every page of a TIFF) on an A4
// page turned to match it, each PDF's pages copied as they are. The result opens in any reader and in
// the desk's own viewer, whatever the scanner produced.

/** A4 in PDF points (1/72 inch). */
export const A4_POINTS = { short: 595.28, long: 841.89 } as const;

export interface BuildSource {
  path: string;
  /** For messages: the name the officer sees. */
  fileName: string;
  mediaType: AttachmentMediaType;
}

export interface BuiltPdf {
  bytes: Uint8Array;
  pages: number;
}

function a4PageFor(pdf: PDFDocument, width: number, height: number): PDFPage {
  return width > height ? pdf.addPage([A4_POINTS.long, A4_POINTS.short]) : pdf.addPage([A4_POINTS.short, A4_POINTS.long]);
}

// The image fills the page as far as its proportions allow, centred.
function placement(page: PDFPage, width: number, height: number) {
  const { width: pw, height: ph } = page.getSize();
  const scale = Math.min(pw / width, ph / height);
  const w = width * scale;
  const h = height * scale;
  return { x: (pw - w) / 2, y: (ph - h) / 2, width: w, height: h };
}

async function addImagePage(pdf: PDFDocument, prepared: PreparedPage): Promise<void> {
  const page = a4PageFor(pdf, prepared.width, prepared.height);
  const where = placement(page, prepared.width, prepared.height);
  if (prepared.kind === 'jpeg') {
    // pdf-lib needs a Uint8Array that owns its bytes (TOOLCHAIN.md).
    const image = await pdf.embedJpg(new Uint8Array(prepared.bytes));
    page.drawImage(image, where);
    return;
  }
  // A 1-bit image XObject, already deflated: pdf-lib's PNG path would widen it to 8-bit RGB.
  const stream = pdf.context.stream(prepared.deflated, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: prepared.width,
    Height: prepared.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
    Filter: 'FlateDecode',
  });
  const ref = pdf.context.register(stream);
  const name = page.node.newXObject('Scan', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(where.width, 0, 0, where.height, where.x, where.y),
    drawObject(name),
    popGraphicsState(),
  );
}

async function addPdfPages(pdf: PDFDocument, source: BuildSource): Promise<void> {
  const other = await loadAcceptedPdf(await readFile(source.path), source.fileName);
  const pages = await pdf.copyPages(other, other.getPageIndices());
  for (const page of pages) pdf.addPage(page);
}

/** Builds one PDF from the sources, in order. Throws a Vietnamese CommandError for an unusable PDF source. */
export async function buildPdf(sources: readonly BuildSource[]): Promise<BuiltPdf> {
  // No creation date: the same scans give the same bytes, so the blob store keeps them once.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const source of sources) {
    if (source.mediaType === 'application/pdf') {
      await addPdfPages(pdf, source);
      continue;
    }
    const count = source.mediaType === 'image/tiff' ? await imagePageCount(source.path) : 1;
    for (let index = 0; index < count; index += 1) await addImagePage(pdf, await preparePage(source.path, index));
  }
  const bytes = await pdf.save({ useObjectStreams: true, addDefaultPage: false });
  return { bytes, pages: pdf.getPageCount() };
}
