import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';

// Fabricated papers for the attachment tests: PDFs, scans (bilevel text pages, grey and colour photos)
// and multi-page TIFFs, made on the fly so nothing personal or binary lives in the repository.

/** A PDF of `pages` A4 pages, each saying which page it is (deterministic bytes). */
export async function pdfOf(pages: number, label = 'Giay to thu nghiem'): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i += 1) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawText(`${label} - trang ${i}/${pages}`, { x: 72, y: 760, size: 18, font, color: rgb(0, 0, 0) });
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** A PDF whose trailer declares encryption (pdf-lib then refuses to open it without a password). */
export async function encryptedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage();
  const encrypt = pdf.context.obj({ Filter: 'Standard', V: 1, R: 2, O: '0123', U: '4567', P: -4 });
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** Starts like a PDF but is not one. */
export function brokenPdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4000)]);
}

/** A bilevel "text" page as a scanner's PNG: black bars (lines of text) on white, `dpi` resolution A4. */
export async function textScanPng(dpi = 300): Promise<Buffer> {
  const width = Math.round(8.27 * dpi);
  const height = Math.round(11.69 * dpi);
  const pixels = Buffer.alloc(width * height, 255);
  const line = Math.round(dpi / 10);
  for (let y = dpi; y < height - dpi; y += line * 2) {
    const end = width - dpi - ((y * 7) % (width / 3));
    for (let row = y; row < y + Math.round(line / 2); row += 1) pixels.fill(0, row * width + dpi, row * width + Math.round(end));
  }
  return sharp(pixels, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

/** A grey or colour "photo" with noise (does not compress to nothing), as JPEG. */
export async function photoJpeg(width: number, height: number, channels: 1 | 3 = 3): Promise<Buffer> {
  const noise = randomBytes(width * height * channels);
  return sharp(noise, { raw: { width, height, channels } }).jpeg({ quality: 90 }).toBuffer();
}

/** A TIFF with `pages` bilevel pages (a feeder batch saved as one file). */
export async function multiPageTiff(pages: number, width = 850, height = 1100): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * pages, 255);
  for (let p = 0; p < pages; p += 1) {
    for (let y = 100; y < 200 + p * 40; y += 1) raw.fill(0, p * width * height + y * width + 80, p * width * height + y * width + width - 80);
  }
  return sharp(raw, { raw: { width, height: height * pages, channels: 1, pageHeight: height } }).tiff({ compression: 'lzw' }).toBuffer();
}

/** Bytes of a GIF: a real image type the desk does not accept. */
export const GIF_BYTES = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
