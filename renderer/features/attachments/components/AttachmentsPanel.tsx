import { useEffect, useState } from 'react';
import type { AttachmentView } from '../../../../shared/contract/attachments.js';
import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import type { AttachmentKind } from '../../../../shared/domain/dossier/events.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { useAttachmentsStore } from '../store/attachments-store-context.js';
import { AddFiles } from './AddFiles.js';
import { AttachmentThumbnail } from './AttachmentThumbnail.js';
import { AttachmentViewer } from './AttachmentViewer.js';
import { DigitisationList } from './DigitisationList.js';
import { InboxPanel } from './InboxPanel.js';
import { KIND_LABELS } from './labels.js';
import './attachments.css';

interface Target {
  kind: AttachmentKind;
  /** null: a paper outside the checklist (or the result). */
  itemId: string | null;
}

/**
 * "Giấy tờ số hoá" on the dossier page: each received paper's digitisation, the stored scans as
 * thumbnails (opening the viewer), files picked or dropped, the scan inbox and the scanner.
 * Everything attaches to one target — a checklist paper or the result — chosen once, shown on each button.
 */
export function AttachmentsPanel({ detail }: { detail: DossierDetail }) {
  const dossierId = detail.state.id;
  const list = useAttachmentsStore((state) => (state.dossierId === dossierId ? state.list : null));
  const status = useAttachmentsStore((state) => state.status);
  const error = useAttachmentsStore((state) => state.error);
  const actionError = useAttachmentsStore((state) => state.actionError);
  const notice = useAttachmentsStore((state) => state.notice);
  const load = useAttachmentsStore((state) => state.load);
  const follow = useAttachmentsStore((state) => state.follow);
  const attachFromInbox = useAttachmentsStore((state) => state.attachFromInbox);
  const uploadFiles = useAttachmentsStore((state) => state.uploadFiles);
  const retract = useAttachmentsStore((state) => state.retract);
  const [viewing, setViewing] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Target | null>(null);

  useEffect(() => {
    void load(dossierId);
  }, [dossierId, load, detail.state.eventCount]);
  useEffect(() => follow(), [follow]);

  const canAdd = detail.allowedActions.includes('attachment.added');
  const hasResult = detail.state.resultAt !== null;
  // Until the officer chooses, files go to the first paper not yet digitised (or the result, once there is one).
  const firstMissing = list?.digitisation.find((item) => item.state === 'not_digitised')?.itemId ?? null;
  const target: Target = chosen ?? (hasResult && firstMissing === null ? { kind: 'result', itemId: null } : { kind: 'intake', itemId: firstMissing });
  const targetLabel =
    target.kind === 'result' ? KIND_LABELS.result : (list?.digitisation.find((item) => item.itemId === target.itemId)?.name ?? 'Giấy tờ khác (ngoài danh mục)');

  const live = list?.attachments.filter((a) => a.retractedAt === null) ?? [];
  const retracted = list?.attachments.filter((a) => a.retractedAt !== null) ?? [];
  const open: AttachmentView | undefined = list?.attachments.find((a) => a.attachmentId === viewing);

  return (
    <section className="panel attachments-panel" aria-labelledby="attachments-title" data-testid="attachments-panel">
      <div className="panel__header">
        <h3 id="attachments-title" className="panel__title">
          Giấy tờ số hoá
        </h3>
        {canAdd && (
          <label className="attachments__target">
            Đính kèm vào{' '}
            <select
              value={target.kind === 'result' ? '#result' : (target.itemId ?? '#other')}
              onChange={(event) => {
                const value = event.target.value;
                setChosen(value === '#result' ? { kind: 'result', itemId: null } : { kind: 'intake', itemId: value === '#other' ? null : value });
              }}
              data-testid="attachments-target"
            >
              {list?.digitisation.map((item) => (
                <option key={item.itemId} value={item.itemId}>
                  {item.name}
                </option>
              ))}
              <option value="#other">Giấy tờ khác (ngoài danh mục)</option>
              {hasResult && <option value="#result">{KIND_LABELS.result}</option>}
            </select>
          </label>
        )}
      </div>
      {status === 'loading' && list === null && <p role="status">Đang tải giấy tờ số hoá…</p>}
      {error && <ErrorNotice error={error} context="Không tải được giấy tờ số hoá." onRetry={() => void load(dossierId)} />}
      <p className="attachments__notice" role="status" data-testid="attachments-notice">
        {notice ?? ''}
      </p>
      {actionError && <ErrorNotice error={actionError} />}
      {list && (
        <>
          <DigitisationList list={list} targetItemId={target.kind === 'intake' ? target.itemId : null} onTarget={(itemId) => setChosen({ kind: 'intake', itemId })} onOpen={setViewing} />
          <h4 className="attachments__subtitle">Tệp đã đính kèm ({live.length})</h4>
          {live.length === 0 ? (
            <p className="attachments__empty">Chưa có tệp nào.</p>
          ) : (
            <ul className="attachments-grid" aria-label="Tệp đã đính kèm">
              {live.map((attachment) => (
                <li key={attachment.attachmentId}>
                  <AttachmentThumbnail attachment={attachment} onOpen={() => setViewing(attachment.attachmentId)} />
                  <RetractButton fileName={attachment.fileName} onRetract={(reason) => void retract(attachment.attachmentId, reason)} />
                </li>
              ))}
            </ul>
          )}
          {retracted.length > 0 && (
            <details className="attachments-retracted">
              <summary>Tệp đã gỡ ({retracted.length})</summary>
              <ul>
                {retracted.map((a) => (
                  <li key={a.attachmentId}>
                    {a.fileName} — {a.retractReason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {canAdd && (
        <>
          <AddFiles targetLabel={targetLabel} add={(files) => void uploadFiles(files, target.kind, target.itemId)} />
          <InboxPanel targetLabel={targetLabel} attach={(fileNames) => void attachFromInbox(fileNames, target.kind, target.itemId)} />
        </>
      )}
      {open && <AttachmentViewer key={open.attachmentId} attachment={open} onClose={() => setViewing(null)} />}
    </section>
  );
}

/** Removing a file asks why (it is a recorded fact); the file stays in the log as retracted. */
function RetractButton({ fileName, onRetract }: { fileName: string; onRetract(reason: string): void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (!asking) {
    return (
      <button type="button" className="button button--secondary attachments-grid__retract" onClick={() => setAsking(true)} aria-label={`Gỡ tệp ${fileName}`}>
        Gỡ tệp
      </button>
    );
  }
  return (
    <form
      className="attachments-grid__retract-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') return;
        onRetract(reason.trim());
        setAsking(false);
      }}
    >
      <label>
        Lý do gỡ
        <input className="field__input" value={reason} onChange={(event) => setReason(event.target.value)} autoFocus required maxLength={2000} />
      </label>
      <button type="submit" className="button button--danger">
        Gỡ
      </button>
      <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
        Thôi
      </button>
    </form>
  );
}
