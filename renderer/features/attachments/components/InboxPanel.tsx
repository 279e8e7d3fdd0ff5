import { useEffect, useState, type KeyboardEvent } from 'react';
import type { InboxFile } from '../../../../shared/contract/attachments.js';
import { Kbd } from '../../../ui/Kbd.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { useAttachmentsStore } from '../store/attachments-store-context.js';
import { SCAN_STATE_LABELS, formatSize } from './labels.js';

interface InboxPanelProps {
  /** Where an attached file goes: its label ("Tờ khai…" or "Kết quả"), shown on the button. */
  targetLabel: string;
  attach(fileNames: string[]): void;
}

const NO_FILES: readonly InboxFile[] = [];
const attachable = (file: InboxFile): boolean => file.ready && file.mediaType !== null;

/**
 * "Thư mục quét": files the scanner dropped, waiting. The list is one focus stop; ↑/↓ choose a file,
 * Space marks several (they become one PDF, in order), Enter attaches to the open dossier.
 */
export function InboxPanel({ targetLabel, attach }: InboxPanelProps) {
  const inbox = useAttachmentsStore((state) => state.inbox);
  const inboxError = useAttachmentsStore((state) => state.inboxError);
  const busy = useAttachmentsStore((state) => state.busy);
  const scan = useAttachmentsStore((state) => state.scan);
  const refreshInbox = useAttachmentsStore((state) => state.refreshInbox);
  const startScan = useAttachmentsStore((state) => state.startScan);
  const cancelScan = useAttachmentsStore((state) => state.cancelScan);
  const files = inbox?.files ?? NO_FILES;
  const [cursor, setCursor] = useState(0);
  const [marks, setMarks] = useState<string[]>([]);

  useEffect(() => {
    void refreshInbox();
  }, [refreshInbox]);
  // The list changes under the cursor (files arrive, files leave): the cursor and marks stay on it.
  const active = Math.min(cursor, Math.max(0, files.length - 1));
  const marked = marks.filter((name) => files.some((f) => f.fileName === name));
  const setActive = (next: (current: number) => number): void => setCursor(next(active));
  const setMarked = setMarks;

  const activeFile = files[active];
  const chosen = marked.length > 0 ? marked : activeFile && attachable(activeFile) ? [activeFile.fileName] : [];

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(files.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === ' ' && activeFile && attachable(activeFile)) {
      const name = activeFile.fileName;
      setMarked((current) => (current.includes(name) ? current.filter((n) => n !== name) : [...current, name]));
    } else if (event.key === 'Enter' && chosen.length > 0 && busy === null) attach(chosen);
    else return;
    event.preventDefault();
  };

  const scanning = scan !== null && (scan.state === 'scanning' || scan.state === 'building');
  return (
    <section className="attachments-inbox" aria-labelledby="attachments-inbox-title">
      <div className="attachments-inbox__header">
        <h4 id="attachments-inbox-title" className="attachments__subtitle">
          Thư mục quét {files.length > 0 && <span className="attachments-inbox__count">({files.length} tệp chờ)</span>}
        </h4>
        <div className="attachments-inbox__scan" role="group" aria-label="Quét trực tiếp">
          <button type="button" className="button button--secondary" onClick={() => void startScan('single')} disabled={scanning}>
            Quét 1 trang
          </button>
          <button type="button" className="button button--secondary" onClick={() => void startScan('feeder')} disabled={scanning}>
            Quét khay nạp giấy
          </button>
          {scanning && (
            <button type="button" className="button button--danger" onClick={() => void cancelScan()}>
              Huỷ quét
            </button>
          )}
        </div>
      </div>
      {scan !== null && (
        <p className="attachments-inbox__scan-state" role="status" data-testid="scan-state">
          {SCAN_STATE_LABELS[scan.state]}
          {scan.pagesDone > 0 && ` — ${scan.pagesDone} trang`}
          {scan.message && `: ${scan.message}`}
          {scan.fileName && ` → ${scan.fileName}`}
        </p>
      )}
      {inbox && <p className="attachments__hint">Thư mục: {inbox.dir}</p>}
      {inboxError && (
        <p className="attachments__error" role="alert">
          Không đọc được thư mục quét: {inboxError.message}
        </p>
      )}
      {files.length === 0 ? (
        <p className="attachments__empty">Không có tệp nào đang chờ. Bản quét lưu vào thư mục trên sẽ hiện ở đây.</p>
      ) : (
        <>
          <ul
            className="attachments-inbox__list"
            role="listbox"
            aria-label="Tệp trong thư mục quét"
            aria-multiselectable="true"
            tabIndex={0}
            aria-activedescendant={activeFile ? `inbox-file-${active}` : undefined}
            onKeyDown={onKeyDown}
            data-testid="inbox-list"
          >
            {files.map((file, index) => (
              <li
                key={file.fileName}
                id={`inbox-file-${index}`}
                role="option"
                aria-selected={marked.includes(file.fileName) || (marked.length === 0 && index === active)}
                aria-disabled={!attachable(file)}
                className={`attachments-inbox__file${index === active ? ' attachments-inbox__file--active' : ''}`}
                onClick={() => setCursor(index)}
              >
                <span className="attachments-inbox__mark" aria-hidden="true">
                  {marked.includes(file.fileName) ? `${marked.indexOf(file.fileName) + 1}.` : ''}
                </span>
                <span className="attachments-inbox__name">{file.fileName}</span>
                <span className="attachments-inbox__meta">
                  {file.mediaType === null ? 'Loại tệp không nhận' : file.ready ? `${formatSize(file.sizeBytes)} · ${formatDateTime(new Date(file.modifiedAt))}` : 'Đang ghi…'}
                </span>
              </li>
            ))}
          </ul>
          <div className="attachments-inbox__actions">
            <button type="button" className="button" disabled={chosen.length === 0 || busy !== null} onClick={() => attach(chosen)} data-testid="inbox-attach">
              {busy === 'inbox' ? 'Đang đính kèm…' : `Đính kèm ${chosen.length > 1 ? `${chosen.length} tệp (ghép một PDF)` : 'tệp đã chọn'} vào: ${targetLabel}`} <Kbd keys="Enter" />
            </button>
            <span className="attachments__hint">↑/↓ chọn tệp · Dấu cách: đánh dấu nhiều tệp</span>
          </div>
        </>
      )}
    </section>
  );
}
