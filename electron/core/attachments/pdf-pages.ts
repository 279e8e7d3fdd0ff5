import { EncryptedPDFError, ParseSpeeds, PDFDocument } from 'pdf-lib';
import { CommandError } from '../../../shared/contract/errors.js';
import { quickPageCount } from './pdf-page-tree.js';

// Opening a PDF once at import tells how many pages it has and proves it can be opened: an encrypted
// or broken file is refused at the desk, where the citizen is still there to hand over a good copy.
// Counting first tries the quick reader (pdf-page-tree.ts: cross-reference, catalog, page tree — the
// structure every reader needs); when it is unsure, pdf-lib loads the whole file and decides.

/**
 * pdf-lib misreads a Buffer that is a window into a larger pooled ArrayBuffer (TOOLCHAIN.md); a Buffer
 * that owns its whole ArrayBuffer (any file read from disk above a few KB) is used as is, without a copy.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? new Uint8Array(bytes.buffer as ArrayBuffer) : new Uint8Array(bytes);
}

function encryptedPdf(fileName: string): CommandError {
  return new CommandError('invalid_argument', `Tệp "${fileName}" được đặt mật khẩu hoặc mã hoá: hãy dùng bản không mã hoá để cán bộ và hệ thống mở được.`);
}

export function unreadablePdf(fileName: string): CommandError {
  return new CommandError('invalid_argument', `Tệp "${fileName}" không phải tệp PDF đọc được (tệp hỏng hoặc chưa ghi xong). Hãy quét hoặc xuất lại tệp.`);
}

/** Loads the PDF (nothing is changed or saved) and returns it; throws a Vietnamese CommandError if it cannot be used. */
export async function loadAcceptedPdf(bytes: Uint8Array, fileName: string): Promise<PDFDocument> {
  let pdf: PDFDocument;
  let pages: number;
  try {
    pdf = await PDFDocument.load(ownBytes(bytes), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest, throwOnInvalidObject: true });
    // A file pdf-lib parses leniently may still have no page tree: counting proves there is one.
    pages = pdf.getPageCount();
  } catch (error) {
    // pdf-lib's error classes lose their prototype in its ES5 build: recognise the error by its text too.
    if (error instanceof EncryptedPDFError || (error instanceof Error && /is encrypted/.test(error.message))) {
      throw encryptedPdf(fileName);
    }
    throw unreadablePdf(fileName);
  }
  if (pages < 1) throw unreadablePdf(fileName);
  return pdf;
}

/** The page count of a PDF the desk accepts; throws a Vietnamese CommandError for one it refuses. */
export async function countPdfPages(bytes: Uint8Array, fileName: string): Promise<number> {
  const quick = quickPageCount(bytes);
  if (quick.kind === 'pages') return quick.pages;
  if (quick.kind === 'encrypted') throw encryptedPdf(fileName);
  return (await loadAcceptedPdf(bytes, fileName)).getPageCount();
}
