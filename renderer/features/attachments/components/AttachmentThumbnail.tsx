import { useEffect, useRef, useState } from 'react';
import type { AttachmentView } from '../../../../shared/contract/attachments.js';
import { drawPage, isCancelled } from '../pdf/render-page.js';
import { KIND_LABELS, SOURCE_LABELS, formatSize } from './labels.js';
import { useStoredFile } from './use-stored-file.js';

const THUMB_WIDTH = 132;

/** The first page of a stored scan, small; a button that opens the viewer. Missing bytes say so. */
export function AttachmentThumbnail({ attachment, onOpen }: { attachment: AttachmentView; onOpen(): void }) {
  return (
    <figure className="attachment-thumb" data-testid="attachment-thumb">
      <button type="button" className="attachment-thumb__open" onClick={onOpen}>
        <span className="visually-hidden">
          Xem {attachment.fileName} ({attachment.pages} trang)
        </span>
        {attachment.blobPresent ? (
          <ThumbnailPicture sha256={attachment.blobSha256} mediaType={attachment.mediaType} />
        ) : (
          <span className="attachment-thumb__missing" role="img" aria-label="Chưa có tệp trên máy này">
            ⚠ Chưa có tệp trên máy này
          </span>
        )}
      </button>
      <figcaption className="attachment-thumb__caption">
        <span className="attachment-thumb__name" title={attachment.fileName}>
          {attachment.fileName}
        </span>
        <span className="attachment-thumb__meta">
          {attachment.pages} trang · {formatSize(attachment.sizeBytes)}
        </span>
        <span className="attachment-thumb__meta">
          {KIND_LABELS[attachment.kind]} · {SOURCE_LABELS[attachment.source]}
        </span>
      </figcaption>
    </figure>
  );
}

function ThumbnailPicture({ sha256, mediaType }: { sha256: string; mediaType: string }) {
  const file = useStoredFile(sha256, mediaType);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawFailed, setDrawFailed] = useState(false);
  useEffect(() => {
    if (file.status !== 'pdf' || canvas.current === null) return;
    const drawing = drawPage(file.pdf, 1, canvas.current, { fitWidth: THUMB_WIDTH });
    drawing.done.catch((error: unknown) => {
      if (!isCancelled(error)) setDrawFailed(true);
    });
    return () => drawing.cancel();
  }, [file]);

  if (drawFailed) {
    return (
      <span className="attachment-thumb__missing" role="img" aria-label="Không vẽ được trang đầu của tệp">
        ⚠ Không vẽ được trang đầu
      </span>
    );
  }
  switch (file.status) {
    case 'loading':
      return <span className="attachment-thumb__placeholder">Đang tải…</span>;
    case 'failed':
      return (
        <span className="attachment-thumb__missing" role="img" aria-label={file.error.message}>
          ⚠ {file.error.code === 'storage_failure' ? 'Tệp bị hỏng' : 'Không mở được tệp'}
        </span>
      );
    case 'image':
      return <img className="attachment-thumb__image" src={file.url} alt="" />;
    case 'pdf':
      return <canvas ref={canvas} className="attachment-thumb__canvas" data-testid="attachment-thumb-canvas" />;
  }
}
