import { useRef, useState, type DragEvent } from 'react';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { useAttachmentsStore } from '../store/attachments-store-context.js';
import { pickFilesWithDialog } from '../transfer/electron-file-transfer.js';

const ACCEPT = 'application/pdf,image/jpeg,image/png,image/tiff,.pdf,.jpg,.jpeg,.png,.tif,.tiff';

/**
 * "Chọn tệp…" and drag-and-drop: each file is checked by its bytes and attached. In the browser the
 * file input picks and the bytes are uploaded; in the Electron window the main process's own dialog
 * picks and files go by path (transfer/electron-file-transfer.ts). Drops work the same in both.
 */
export function AddFiles({ targetLabel, add }: { targetLabel: string; add(files: File[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  const canTransfer = useAttachmentsStore((state) => state.canTransfer);
  const busy = useAttachmentsStore((state) => state.busy);
  const [over, setOver] = useState(false);
  const [pickError, setPickError] = useState<CommandErrorData | null>(null);

  if (!canTransfer) {
    return <p className="attachments__hint">Để đính kèm tệp trong ứng dụng máy tính, hãy lưu tệp vào thư mục quét bên dưới.</p>;
  }
  const choose = (): void => {
    setPickError(null);
    const bridge = window.desk;
    if (bridge === undefined) {
      input.current?.click();
      return;
    }
    void pickFilesWithDialog(bridge).then((picked) => {
      if (!picked.ok) setPickError(picked.error);
      else if (picked.value.length > 0) add(picked.value); // none: the officer cancelled
    });
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setOver(false);
    setPickError(null);
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
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={choose} data-testid="attachments-choose">
          {busy === 'upload' ? 'Đang tải lên…' : 'Chọn tệp…'}
        </button>
      </p>
      <p className="attachments__hint">Sẽ đính kèm vào: {targetLabel}. Ảnh được chuyển thành PDF khổ A4.</p>
      {pickError && <ErrorNotice error={pickError} context="Không mở được hộp thoại chọn tệp." />}
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
