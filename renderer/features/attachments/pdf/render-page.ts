import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

// pdf.js refuses a second render into a canvas that is still being drawn, so each drawing can be
// cancelled: the viewer cancels the last one when the page or zoom changes before it finished.

export interface PageDrawing {
  /** Resolves when drawn; rejects with `cancelled` true when cancelled (not an error to show). */
  done: Promise<void>;
  cancel(): void;
}

export class DrawingCancelled extends Error {
  readonly cancelled = true;
}

/** Draws one page (1-based) into `canvas`, `scale` CSS pixels per PDF point (or a width to fit), sharp on dense screens. */
export function drawPage(pdf: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, size: { scale: number } | { fitWidth: number }): PageDrawing {
  let cancelled = false;
  let task: RenderTask | null = null;
  const done = (async () => {
    const page = await pdf.getPage(pageNumber);
    if (cancelled) throw new DrawingCancelled('cancelled');
    const scale = 'scale' in size ? size.scale : size.fitWidth / page.getViewport({ scale: 1 }).width;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    // Drawn off-screen first, then copied: the visible canvas is never half-drawn or blank meanwhile.
    const scratch = document.createElement('canvas');
    scratch.width = Math.floor(viewport.width);
    scratch.height = Math.floor(viewport.height);
    task = page.render({ canvas: scratch, viewport });
    try {
      await task.promise;
    } catch (error) {
      if (cancelled) throw new DrawingCancelled('cancelled');
      throw error;
    }
    if (cancelled) throw new DrawingCancelled('cancelled');
    canvas.width = scratch.width;
    canvas.height = scratch.height;
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
    canvas.getContext('2d')?.drawImage(scratch, 0, 0);
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      task?.cancel();
    },
  };
}

export const isCancelled = (error: unknown): boolean => error instanceof DrawingCancelled;
