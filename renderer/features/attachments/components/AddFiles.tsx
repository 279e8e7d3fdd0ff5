import { useRef, useState, type DragEvent } from 'react';
import { useAttachmentsStore } from '../store/attachments-store-context.js';

const ACCEPT = 'application/pdf,image/jpeg,image/png,image/tiff,.pdf,.jpg,.jpeg,.png,.tif,.tiff';

/** "Chọn tệp…" and drag-and-drop: each file is streamed to the desk, checked by its bytes and attached. */
export function AddFiles({ targetLabel, add }: { targetLabel: string; add(files: File[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  const canTransfer = useAttachmentsStore((state) => state.canTransfer);
  const busy = useAttachmentsStore((state) => state.busy);
  const [over, setOver] = useState(false);

  if (!canTransfer) {
    return <p className="attachments__hint">Để đính kèm tệp trong ứng dụng máy tính, hãy lưu tệp vào thư mục quét bên dưới.</p>;
  }
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) add(files);
  };
  return (
    <div
      className={`attachments-drop${over ? ' attachments-drop--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="attachments-drop"
    >
      <p>
        Kéo thả tệp PDF, JPEG, PNG hoặc TIFF vào đây, hoặc{' '}
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => input.current?.click()}>
          {busy === 'upload' ? 'Đang tải lên…' : 'Chọn tệp…'}
        </button>
      </p>
      <p className="attachments__hint">Sẽ đính kèm vào: {targetLabel}. Ảnh được chuyển thành PDF khổ A4.</p>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Chọn tệp để đính kèm"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) add(files);
        }}
        data-testid="attachments-file-input"
      />
    </div>
  );
}
