// Loaded on demand (dynamic import from components/use-stored-file.ts): pdf.js is most of the page's weight and only
// the papers need it.
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
// The worker is a file of the build (Vite copies it and gives its URL), so it loads under the CSP's
// worker-src 'self' — no CDN, no blob: worker made from a string.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Opens a PDF from its bytes. No eval (the CSP forbids it), no fetching of fonts or maps from elsewhere. */
export function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: false, useSystemFonts: true }).promise;
}

export type { PDFDocumentProxy };
