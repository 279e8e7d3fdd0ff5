import { randomBytes } from 'node:crypto';
import { PDFDocument, PDFName, StandardFonts, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { countPdfPages } from '../../../../electron/core/attachments/pdf-pages.js';
import { quickPageCount } from '../../../../electron/core/attachments/pdf-page-tree.js';
import { undoPngPredictor } from '../../../../electron/core/attachments/pdf-xref.js';
import { appendUpdate, handmadePdf, handmadeXrefStreamPdf, kids, pageObjects } from './support/handmade-pdf.js';
import { encryptedPdf, pdfOf } from './support/papers.js';

// The quick page count (cross-reference → catalog → page tree, without loading the document) must give
// pdf-lib's answer whenever it answers at all, and say "unsure" — so pdf-lib decides — otherwise.

const pdfLibCount = async (bytes: Uint8Array): Promise<number> => (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();

async function pdfLibDocument(pages: number, useObjectStreams: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i += 1) pdf.addPage().drawText(`Trang ${i} (thu nghiem) \\ ) (`, { x: 60, y: 700, size: 14, font });
  return pdf.save({ useObjectStreams });
}

/** Expects the quick reader to answer `pages`, and pdf-lib to agree. */
async function expectQuick(bytes: Uint8Array, pages: number): Promise<void> {
  expect(quickPageCount(bytes)).toEqual({ kind: 'pages', pages });
  expect(await pdfLibCount(bytes)).toBe(pages);
  expect(await countPdfPages(bytes, 'giay-to.pdf')).toBe(pages);
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';

describe('quick page count — files it reads itself', () => {
  for (const useObjectStreams of [false, true]) {
    it(`counts pdf-lib documents of 1, 3 and 40 pages (${useObjectStreams ? 'object streams + cross-reference stream' : 'classic table'})`, async () => {
      for (const pages of [1, 3, 40]) await expectQuick(await pdfLibDocument(pages, useObjectStreams), pages);
    });
  }

  it('counts the leaves of a nested page tree, not the nodes', async () => {
    const bytes = handmadePdf(
      {
        1: CATALOG,
        2: '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 5 >>',
        3: `<< /Type /Pages /Parent 2 0 R /Kids [${kids(10, 2)}] /Count 2 >>`,
        4: `<< /Type /Pages /Parent 2 0 R /Kids [12 0 R 5 0 R] /Count 3 >>`,
        5: `<< /Type /Pages /Parent 4 0 R /Kids [${kids(13, 2)}] /Count 2 >>`,
        ...pageObjects(10, 2, 3),
        ...pageObjects(12, 1, 4),
        ...pageObjects(13, 2, 5),
      },
      '/Root 1 0 R',
    );
    await expectQuick(bytes, 5);
  });

  it('follows incremental updates: the newest version of the page tree counts', async () => {
    const base = handmadePdf({ 1: CATALOG, 2: `<< /Type /Pages /Kids [${kids(10, 2)}] /Count 2 >>`, ...pageObjects(10, 2, 2) }, '/Root 1 0 R');
    await expectQuick(base, 2);
    // A page added by a second save…
    const added = appendUpdate(base, { 2: `<< /Type /Pages /Kids [${kids(10, 3)}] /Count 3 >>`, ...pageObjects(12, 1, 2) }, '/Root 1 0 R', 13);
    await expectQuick(added, 3);
    // …then one removed by a third.
    const removed = appendUpdate(added, { 2: '<< /Type /Pages /Kids [11 0 R 12 0 R] /Count 2 >>' }, '/Root 1 0 R', 13);
    await expectQuick(removed, 2);
  });

  it('follows an update appended to a pdf-lib file, including one whose page tree sits in an object stream', async () => {
    for (const useObjectStreams of [false, true]) {
      const original = Buffer.from(await pdfLibDocument(2, useObjectStreams));
      const doc = await PDFDocument.load(original, { updateMetadata: false });
      const pagesRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
      const rootRef = doc.context.trailerInfo.Root as PDFRef;
      // New objects are numbered from the trailer's /Size (the object stream and cross-reference stream have numbers too).
      const size = Number([...original.toString('latin1').matchAll(/\/Size (\d+)/g)].at(-1)![1]);
      const next = size;
      const existing = doc.getPages().map((page) => `${page.ref.objectNumber} ${page.ref.generationNumber} R`);
      const updated = appendUpdate(
        original,
        {
          [pagesRef.objectNumber]: `<< /Type /Pages /Kids [${[...existing, `${next} 0 R`].join(' ')}] /Count 3 >>`,
          [next]: `<< /Type /Page /Parent ${pagesRef.objectNumber} 0 R /MediaBox [0 0 595.28 841.89] /Resources << >> >>`,
        },
        `/Root ${rootRef.objectNumber} 0 R`,
        next + 1,
      );
      await expectQuick(updated, 3);
    }
  });

  for (const predictor of [false, true]) {
    it(`reads a compressed cross-reference stream ${predictor ? 'with a PNG "Up" predictor' : 'without a predictor'}`, async () => {
      const bytes = handmadeXrefStreamPdf({ 1: CATALOG, 2: `<< /Type /Pages /Kids [${kids(10, 4)}] /Count 4 >>`, ...pageObjects(10, 4, 2) }, '/Root 1 0 R', { predictor });
      await expectQuick(bytes, 4);
    });
  }

  it('reads a 2 MB scan in well under a millisecond per call, whatever its image data', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.addPage();
    pdf.catalog.set(PDFName.of('Noise'), pdf.context.register(pdf.context.stream(randomBytes(2 * 1024 * 1024))));
    const bytes = await pdf.save({ useObjectStreams: false });
    await expectQuick(bytes, 1);
    const started = performance.now();
    for (let i = 0; i < 20; i += 1) quickPageCount(bytes);
    expect((performance.now() - started) / 20).toBeLessThan(5); // generous: a shared test machine; typically ~0.05 ms
  });

  it('undoes every PNG row filter (None, Sub, Up, Average, Paeth)', () => {
    const rows = [
      [10, 20, 30],
      [15, 25, 35],
      [200, 100, 50],
      [1, 2, 3],
      [9, 8, 7],
    ];
    const encode = (filter: number, r: number): number[] =>
      rows[r]!.map((value, i) => {
        const left = i > 0 ? rows[r]![i - 1]! : 0;
        const up = r > 0 ? rows[r - 1]![i]! : 0;
        const upLeft = r > 0 && i > 0 ? rows[r - 1]![i - 1]! : 0;
        const paeth = (): number => {
          const p = left + up - upLeft;
          const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
          return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        };
        const predicted = [0, left, up, (left + up) >> 1, paeth()][filter]!;
        return (value - predicted + 256) & 0xff;
      });
    const encoded = Uint8Array.from(rows.flatMap((_, r) => [r, ...encode(r, r)]));
    expect([...undoPngPredictor(encoded, 3)]).toEqual(rows.flat());
  });
});

describe('quick page count — unsure, so pdf-lib decides', () => {
  it('an encrypted file is recognised at once and refused with its own message', async () => {
    const bytes = await encryptedPdf();
    expect(quickPageCount(bytes)).toEqual({ kind: 'encrypted' });
    await expect(countPdfPages(bytes, 'mat-khau.pdf')).rejects.toThrow(/"mat-khau.pdf" được đặt mật khẩu hoặc mã hoá/);
  });

  it('a truncated file (a scanner still writing) is refused with a clear message', async () => {
    const whole = await pdfOf(3);
    for (const cut of [0.5, 0.8]) {
      const part = whole.subarray(0, Math.floor(whole.length * cut));
      expect(quickPageCount(part).kind).toBe('unsure');
      await expect(countPdfPages(part, 'dang-quet.pdf')).rejects.toThrow(/"dang-quet.pdf" không phải tệp PDF đọc được/);
    }
  });

  it('a file missing only its cross-reference gets the same answer as before: pdf-lib rebuilds it', async () => {
    const whole = await pdfOf(3);
    const noXref = whole.subarray(0, whole.indexOf('xref'));
    expect(quickPageCount(noXref).kind).toBe('unsure');
    expect(await countPdfPages(noXref, 'thieu-xref.pdf')).toBe(await pdfLibCount(noXref));
  });

  it('offsets that do not land on their objects (bytes inserted after writing) are not trusted', async () => {
    const whole = await pdfOf(3);
    const headerEnd = whole.indexOf('\n') + 1;
    const shifted = Buffer.concat([whole.subarray(0, headerEnd), Buffer.from('%'.padEnd(40, ' ') + '\n'), whole.subarray(headerEnd)]);
    expect(quickPageCount(shifted).kind).toBe('unsure');
    expect(await countPdfPages(shifted, 'lech.pdf')).toBe(3);
  });

  it('a /Count that disagrees with the tree is not believed: the leaves are counted by pdf-lib', async () => {
    const bytes = handmadePdf({ 1: CATALOG, 2: `<< /Type /Pages /Kids [${kids(10, 2)}] /Count 7 >>`, ...pageObjects(10, 2, 2) }, '/Root 1 0 R');
    expect(quickPageCount(bytes).kind).toBe('unsure');
    expect(await countPdfPages(bytes, 'dem-sai.pdf')).toBe(2);
  });

  it('a page tree that loops does not hang: unsure, then refused', async () => {
    const bytes = handmadePdf({ 1: CATALOG, 2: '<< /Type /Pages /Kids [2 0 R 10 0 R] /Count 1 >>', ...pageObjects(10, 1, 2) }, '/Root 1 0 R');
    expect(quickPageCount(bytes).kind).toBe('unsure');
    await expect(countPdfPages(bytes, 'vong.pdf')).rejects.toThrow(/"vong.pdf" không phải tệp PDF đọc được/);
  });

  it('a document without pages is refused', async () => {
    const bytes = handmadePdf({ 1: CATALOG, 2: '<< /Type /Pages /Kids [] /Count 0 >>' }, '/Root 1 0 R');
    expect(quickPageCount(bytes).kind).toBe('unsure');
    await expect(countPdfPages(bytes, 'trong.pdf')).rejects.toThrow(/"trong.pdf" không phải tệp PDF đọc được/);
  });

  it('random bytes after a PDF header are never counted', () => {
    for (let i = 0; i < 50; i += 1) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000 + i * 37), Buffer.from(`\nstartxref\n${i * 13}\n%%EOF\n`)]);
      expect(quickPageCount(bytes).kind).toBe('unsure');
    }
  });
});
