import { useEffect, useRef, useState } from 'react';
import type { AttachmentView } from '../../../../shared/contract/attachments.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { Kbd } from '../../../ui/Kbd.js';
import { drawPage, isCancelled } from '../pdf/render-page.js';
import { formatSize } from './labels.js';
import { useAttachmentsStore } from '../store/attachments-store-context.js';
import { useStoredFile, type LoadedFile } from './use-stored-file.js';

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
const FIT = 2; // index of 1 = "fit to width"

/**
 * A stored scan full size: pages of a PDF drawn by pdf.js, or the image. PageUp/PageDown turn pages,
 * + and − zoom, 0 fits the width again, Esc closes (a modal <dialog>, so focus stays inside).
 */
export function AttachmentViewer({ attachment, onClose }: { attachment: AttachmentView; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const file = useStoredFile(attachment.blobSha256, attachment.mediaType);
  const fetching = useAttachmentsStore((state) => state.fetchingScan === attachment.blobSha256);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(FIT);
  const pages = file.status === 'pdf' ? file.pdf.numPages : 1;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    closeButton.current?.focus();
    return () => element?.close();
  }, []);

  const turn = (delta: number): void => setPage((current) => Math.min(pages, Math.max(1, current + delta)));
  const zoomBy = (delta: number): void => setZoom((current) => Math.min(ZOOM_STEPS.length - 1, Math.max(0, current + delta)));

  // Keys are read at the window: a page button that becomes disabled under the focus (last page)
  // must not swallow the next PageUp. The dialog is modal, so nothing else is listening meanwhile.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const actions: Record<string, () => void> = {
        PageDown: () => turn(1),
        ArrowRight: () => turn(1),
        PageUp: () => turn(-1),
        ArrowLeft: () => turn(-1),
        Home: () => setPage(1),
        End: () => setPage(pages),
        '+': () => zoomBy(1),
        '=': () => zoomBy(1),
        '-': () => zoomBy(-1),
        '0': () => setZoom(FIT),
      };
      const action = actions[event.key];
      if (action === undefined || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <dialog
      ref={dialog}
      className="attachment-viewer"
      aria-labelledby="attachment-viewer-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid="attachment-viewer"
    >
      <div className="attachment-viewer__bar">
        <h3 id="attachment-viewer-title" className="attachment-viewer__title">
          {attachment.fileName}
          <span className="attachment-viewer__meta"> · {formatSize(attachment.sizeBytes)}</span>
        </h3>
        <div className="attachment-viewer__controls" role="group" aria-label="Điều khiển xem tệp">
          <button type="button" className="button button--secondary" onClick={() => turn(-1)} disabled={page <= 1}>
            <span aria-hidden="true">◀ </span>Trang trước <Kbd keys="PgUp" />
          </button>
          <span className="attachment-viewer__page" aria-live="polite" data-testid="viewer-page">
            Trang {page}/{pages}
          </span>
          <button type="button" className="button button--secondary" onClick={() => turn(1)} disabled={page >= pages}>
            Trang sau<span aria-hidden="true"> ▶</span> <Kbd keys="PgDn" />
          </button>
          <button type="button" className="button button--secondary" onClick={() => zoomBy(-1)} disabled={zoom === 0}>
            Thu nhỏ <Kbd keys="−" />
          </button>
          <span className="attachment-viewer__zoom" data-testid="viewer-zoom">
            {Math.round((ZOOM_STEPS[zoom] ?? 1) * 100)}%
          </span>
          <button type="button" className="button button--secondary" onClick={() => zoomBy(1)} disabled={zoom === ZOOM_STEPS.length - 1}>
            Phóng to <Kbd keys="+" />
          </button>
          <button ref={closeButton} type="button" className="button" onClick={onClose}>
            Đóng <Kbd keys="Esc" />
          </button>
        </div>
      </div>
      <div className="attachment-viewer__stage">
        <ViewerContent file={file} page={page} zoom={ZOOM_STEPS[zoom] ?? 1} fetching={fetching} />
      </div>
    </dialog>
  );
}

function ViewerContent({ file, page, zoom, fetching }: { file: LoadedFile; page: number; zoom: number; fetching: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Which drawing failed (page and zoom): another page or zoom tries again.
  const [failed, setFailed] = useState<string | null>(null);
  const drawKey = `${page}:${zoom}`;
  useEffect(() => {
    if (file.status !== 'pdf' || canvas.current === null) return;
    const stage = canvas.current.parentElement;
    // 100% fits the page to the stage's width (minus its padding), as a reader expects.
    const fitWidth = ((stage?.clientWidth ?? 900) - 32) * zoom;
    const drawing = drawPage(file.pdf, page, canvas.current, { fitWidth });
    drawing.done.catch((error: unknown) => {
      if (!isCancelled(error)) setFailed(drawKey);
    });
    return () => drawing.cancel();
  }, [file, page, zoom, drawKey]);
  const drawError = failed === drawKey;

  switch (file.status) {
    case 'loading':
      // A desk that did not have the scan yet fetches it from the centre first.
      return (
        <p role="status" data-testid="viewer-loading">
          {fetching ? 'Đang tải bản quét từ trung tâm…' : 'Đang tải tệp…'}
        </p>
      );
    case 'failed':
      return <ErrorNotice error={file.error} context="Không mở được tệp." />;
    case 'image':
      return <img src={file.url} alt="Bản quét" className="attachment-viewer__image" style={{ width: `${zoom * 100}%` }} />;
    case 'pdf':
      return drawError ? (
        <ErrorNotice error={{ code: 'storage_failure', message: 'Không vẽ được trang này (tệp có thể bị hỏng).' }} />
      ) : (
        <canvas ref={canvas} className="attachment-viewer__canvas" data-testid="viewer-canvas" aria-label={`Trang ${page}`} role="img" />
      );
  }
}
