import { useEffect, useRef, useState } from 'react';
import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { TextAreaField } from '../../../ui/Field.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { Icon } from '../../../ui/Icon.js';
import { useDossierStore } from '../store/dossier-store-context.js';
import { ActionPanel } from './ActionPanel.js';

interface CodeConflictPanelProps {
  detail: DossierDetail;
  isSupervisor: boolean;
  /** Opens form 01: the citizen's receipt holds the old code, so it is printed again with the new one. */
  onReprintReceipt(): void;
}

/** The code a reissue replaced, from the latest `code.reissued` step of the history. */
function previousCodeOf(detail: DossierDetail): string | null {
  const reissue = detail.history.findLast((entry) => entry.type === 'code.reissued');
  return (reissue?.payload as { previousCode?: string | null } | undefined)?.previousCode ?? null;
}

/**
 * A dossier set aside because another dossier of the unit holds its code: why, in the supervisor's
 * words, and the way out — a new code (dossiers.reissueCode), then the receipt printed again, since the
 * citizen's slip carries the old code. An officer sees why and that a supervisor must act.
 */
export function CodeConflictPanel({ detail, isSupervisor, onReprintReceipt }: CodeConflictPanelProps) {
  const perform = useDossierStore((state) => state.perform);
  const clearAction = useDossierStore((state) => state.clearAction);
  const lastDone = useDossierStore((state) => state.lastDone);
  const errors = useDossierStore((state) => state.actionErrors);
  const conflict = detail.codeConflict;
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState(() => (conflict ? `Mã ${conflict.code} trùng với một hồ sơ khác của đơn vị.` : ''));
  const reprintRef = useRef<HTMLButtonElement>(null);
  const reissued = conflict === null && lastDone === 'dossiers.reissueCode';

  // Keyboard users land on the next thing to do: printing the receipt again.
  useEffect(() => {
    if (reissued) reprintRef.current?.focus();
  }, [reissued]);

  if (reissued) {
    const previous = previousCodeOf(detail);
    return (
      <section className="panel code-conflict code-conflict--done" aria-labelledby="code-conflict-title">
        <h3 id="code-conflict-title" className="panel__title">
          Đã cấp mã hồ sơ mới
        </h3>
        <p role="status" data-testid="code-reissued">
          <Icon name="check" /> Mã hồ sơ mới: <strong className="code-conflict__code">{detail.state.code}</strong>.
          {previous && ` Giấy tiếp nhận công dân đang giữ mang mã cũ ${previous}.`} Hãy in lại giấy tiếp nhận, hẹn trả kết quả (mẫu 01) và đổi cho công
          dân.
        </p>
        <button ref={reprintRef} type="button" className="button" onClick={onReprintReceipt} data-testid="code-reissued-reprint">
          In lại giấy tiếp nhận (mẫu 01)
        </button>
      </section>
    );
  }
  if (conflict === null) return null;

  const confirm = async (): Promise<void> => {
    if (await perform('dossiers.reissueCode', { reason })) setConfirming(false);
  };
  const cancel = (): void => {
    clearAction();
    setConfirming(false);
  };
  return (
    <section className="panel code-conflict" aria-labelledby="code-conflict-title" data-testid="code-conflict">
      <h3 id="code-conflict-title" className="panel__title">
        <Icon name="alert" /> Hồ sơ bị trùng mã {conflict.code}
      </h3>
      <p>{conflict.reason}</p>
      <p>
        Phát hiện lúc {formatDateTime(conflict.foundAt)}. Cho đến khi có mã mới, hồ sơ này không mang mã {conflict.code} (mã đó thuộc hồ sơ kia) và
        chưa in được giấy tờ mang mã; các hồ sơ khác vẫn đồng bộ bình thường.
      </p>
      {!isSupervisor && (
        <p className="code-conflict__who" data-testid="code-conflict-supervisor-needed">
          Cần cán bộ giám sát cấp mã mới cho hồ sơ này. Hãy báo cán bộ giám sát; chưa giao cho công dân giấy tờ nào mang mã {conflict.code}.
        </p>
      )}
      {isSupervisor && !confirming && (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Cấp mã mới
        </button>
      )}
      {isSupervisor && confirming && (
        <ActionPanel title="Cấp mã hồ sơ mới" confirmLabel="Xác nhận cấp mã mới" onConfirm={() => void confirm()} onCancel={cancel}>
          <p>
            Hồ sơ sẽ nhận mã kế tiếp của quầy này thay cho mã {conflict.code}. Sau đó hãy in lại giấy tiếp nhận (mẫu 01) và đổi cho công dân, vì giấy
            công dân đang giữ mang mã cũ.
          </p>
          <TextAreaField id="reissue-reason" label="Lý do cấp lại mã" value={reason} onChange={setReason} rows={2} error={errors.reason} autoFocus required />
        </ActionPanel>
      )}
    </section>
  );
}
