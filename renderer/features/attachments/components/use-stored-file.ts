import { useEffect, useState } from 'react';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import type { PDFDocumentProxy } from '../pdf/pdfjs.js';
import { useAttachmentsStore } from '../store/attachments-store-context.js';

export type LoadedFile =
  | { status: 'loading' }
  | { status: 'failed'; error: CommandErrorData }
  | { status: 'pdf'; pdf: PDFDocumentProxy; url: string }
  | { status: 'image'; url: string };

/**
 * The verified bytes of a stored scan, opened for display: a PDF through pdf.js, an image as its
 * object URL. A missing or damaged file comes back as an error to show, never as an empty picture.
 */
export function useStoredFile(sha256: string, mediaType: string): LoadedFile {
  const storedFile = useAttachmentsStore((state) => state.storedFile);
  // Keyed by the file, so another file shows "loading" until its own bytes are in.
  const key = `${sha256}:${mediaType}`;
  const [loaded, setLoaded] = useState<{ key: string; file: LoadedFile } | null>(null);
  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    const setFile = (file: LoadedFile): void => setLoaded({ key, file });
    void (async () => {
      const stored = await storedFile(sha256);
      if (!live) return;
      if (!stored.ok) return setFile({ status: 'failed', error: stored.error });
      if (mediaType !== 'application/pdf') return setFile({ status: 'image', url: stored.value.url });
      try {
        const bytes = await stored.value.blob.arrayBuffer();
        const { openPdf } = await import('../pdf/pdfjs.js');
        opened = await openPdf(bytes);
        if (live) setFile({ status: 'pdf', pdf: opened, url: stored.value.url });
        else void opened.destroy();
      } catch {
        if (live) setFile({ status: 'failed', error: { code: 'storage_failure', message: 'Không mở được tệp PDF này (tệp có thể bị hỏng).' } });
      }
    })();
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [key, sha256, mediaType, storedFile]);
  return loaded?.key === key ? loaded.file : { status: 'loading' };
}
