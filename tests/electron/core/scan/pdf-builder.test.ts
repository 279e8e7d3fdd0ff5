import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, type PDFNumber } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { A4_PIXELS } from '../../../../electron/core/scan/page-image.js';
import { A4_POINTS, buildPdf, type BuildSource } from '../../../../electron/core/scan/pdf-builder.js';
import type { AttachmentMediaType } from '../../../../shared/domain/dossier/events.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { brokenPdf, multiPageTiff, pdfOf, photoJpeg, textScanPng } from '../attachments/support/papers.js';

// Images (one or many, or a feeder batch) and PDFs become ONE PDF: A4 pages, images downscaled to
// 200 dpi and compressed, so a dossier's papers stay a sensible size.

const dir = makeTempDir('desk-pdf-builder-');
afterAll(() => dir.remove());

function source(name: string, bytes: Uint8Array, mediaType: AttachmentMediaType): BuildSource {
  const path = join(dir.path, name);
  writeFileSync(path, bytes);
  return { path, fileName: name, mediaType };
}

interface ImageInfo {
  width: number;
  height: number;
  bits: number;
  filter: string;
}

function imagesOf(pdf: PDFDocument): ImageInfo[] {
  const images: ImageInfo[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const number = (key: string) => (object.dict.get(PDFName.of(key)) as PDFNumber).asNumber();
    images.push({ width: number('Width'), height: number('Height'), bits: number('BitsPerComponent'), filter: String(object.dict.get(PDFName.of('Filter'))) });
  }
  return images;
}

const portrait = { width: A4_POINTS.short, height: A4_POINTS.long };
const landscape = { width: A4_POINTS.long, height: A4_POINTS.short };

describe('buildPdf', () => {
  it('puts every page of every source in order: PNG, JPEG, a 3-page TIFF and a 2-page PDF make 7 pages', async () => {
    const built = await buildPdf([
      source('a.png', await textScanPng(150), 'image/png'),
      source('b.jpg', await photoJpeg(800, 1100), 'image/jpeg'),
      source('c.tiff', await multiPageTiff(3), 'image/tiff'),
      source('d.pdf', await pdfOf(2, 'Ban goc'), 'application/pdf'),
    ]);
    expect(built.pages).toBe(7);
    const pdf = await PDFDocument.load(built.bytes);
    expect(pdf.getPageCount()).toBe(7);
    for (const page of pdf.getPages()) expect(page.getSize()).toEqual(portrait);
  });

  it('downscales a 600 dpi colour A4 scan to fit A4 at 200 dpi and keeps the file small', async () => {
    const big = await photoJpeg(4960, 7016, 3); // A4 at 600 dpi, noisy: the worst case for size
    const built = await buildPdf([source('600dpi.jpg', big, 'image/jpeg')]);
    const [image] = imagesOf(await PDFDocument.load(built.bytes));
    expect(image!.width).toBeLessThanOrEqual(A4_PIXELS.short);
    expect(image!.height).toBeLessThanOrEqual(A4_PIXELS.long);
    expect(Math.max(image!.width, image!.height)).toBeGreaterThan(2200); // ~200 dpi, not thumbnail-sized
    expect(image!.filter).toBe('/DCTDecode');
    expect(built.bytes.length).toBeLessThan(big.length / 2);
  }, 60_000);

  it('keeps a bilevel text scan as 1-bit lossless pixels when that is smaller than JPEG', async () => {
    const built = await buildPdf([source('text.png', await textScanPng(300), 'image/png')]);
    const [image] = imagesOf(await PDFDocument.load(built.bytes));
    expect(image).toMatchObject({ bits: 1, filter: '/FlateDecode' });
    expect(built.bytes.length).toBeLessThan(60_000);
  });

  it('turns a landscape scan onto a landscape A4 page', async () => {
    const built = await buildPdf([source('wide.jpg', await photoJpeg(1400, 900, 1), 'image/jpeg')]);
    expect((await PDFDocument.load(built.bytes)).getPage(0).getSize()).toEqual(landscape);
  });

  it('gives the same bytes for the same scans (no creation date), so the blob store keeps them once', async () => {
    const png = source('same.png', await textScanPng(100), 'image/png');
    expect(Buffer.from((await buildPdf([png])).bytes).equals(Buffer.from((await buildPdf([png])).bytes))).toBe(true);
  });

  it('refuses a broken PDF among the sources with its name', async () => {
    await expect(buildPdf([source('tot.png', await textScanPng(100), 'image/png'), source('hong.pdf', brokenPdf(), 'application/pdf')])).rejects.toThrow(/"hong.pdf" không phải tệp PDF đọc được/);
  });
});
