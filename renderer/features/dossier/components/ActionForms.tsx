import { useState } from 'react';
import type { DossierState as DossierFacts } from '../../../../shared/domain/dossier/state.js';
import { CORRECTABLE_FIELDS, type CorrectableField, type DossierEventType } from '../../../../shared/domain/dossier/events.js';
import { currentFieldValue } from '../../../../shared/domain/dossier/lifecycle.js';
import { isAwaitingCounterSupplement } from '../../../../shared/domain/dossier/reception.js';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.js';
import { formatDateTime, formatLocalDate, parseTypedDateTime } from '../../../ui/format-date.js';
import { useDossierStore } from '../store/dossier-store-context.js';
import { ActionPanel } from './ActionPanel.js';
import { FIELD_LABELS } from './labels.js';

interface FormProps {
  facts: DossierFacts;
  onDone(): void;
  onCancel(): void;
}

/** The form of each action the page can run in place (hand-back and rating have their own screen). */
export function ActionForm({ action, ...props }: FormProps & { action: DossierEventType }) {
  switch (action) {
    case 'dossier.forwarded':
      return <ForwardForm {...props} />;
    case 'result.recorded':
      return <ResultForm {...props} />;
    case 'appointment.rescheduled':
      return <RescheduleForm {...props} />;
    case 'supplement.requested':
      return <SupplementForm {...props} />;
    case 'supplement.received':
      return <ReceiveSupplementForm {...props} />;
    case 'dossier.withdrawn':
      return <ReasonForm {...props} command="dossiers.withdraw" title="Rút hồ sơ" label="Lý do rút hồ sơ" confirm="Xác nhận rút hồ sơ" />;
    case 'processing.stopped':
      return <ReasonForm {...props} command="dossiers.stop" title="Dừng xử lý hồ sơ" label="Lý do dừng xử lý" confirm="Xác nhận dừng xử lý" />;
    case 'fee.recorded':
      return <FeeForm {...props} />;
    case 'note.added':
      return <NoteForm {...props} />;
    case 'field.corrected':
      return <CorrectFieldForm {...props} />;
    case 'conflict.resolved':
      return <ResolveConflictForm {...props} />;
    default:
      return null;
  }
}

function useActionErrors() {
  return useDossierStore((state) => state.actionErrors);
}

function ForwardForm({ onDone, onCancel }: FormProps) {
  const perform = useDossierStore((state) => state.perform);
  const errors = useActionErrors();
  const [kind, setKind] = useState<'officer' | 'agency'>('officer');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const confirm = async (): Promise<void> => {
    if (await perform('dossiers.forward', { to: { kind, name }, note })) onDone();
  };
  return (
    <ActionPanel title="Chuyển hồ sơ đi xử lý" confirmLabel="Chuyển hồ sơ" onConfirm={() => void confirm()} onCancel={onCancel}>
      <div className="field-row">
        <TextField id="forward-name" label="Chuyển đến (cán bộ hoặc cơ quan)" value={name} onChange={setName} error={errors['to.name']} autoFocus required />
        <SelectField
          id="forward-kind"
          label="Loại nơi nhận"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'officer', label: 'Cán bộ chuyên môn' },
            { value: 'agency', label: 'Cơ quan, đơn vị' },
          ]}
        />
      </div>
      <TextAreaField id="forward-note" label="Ghi chú bàn giao" value={note} onChange={setNote} rows={2} error={errors.note} />
    </ActionPanel>
  );
}

function ResultForm({ onDone, onCancel }: FormProps) {
  const perform = useDossierStore((state) => state.perform);
  const errors = useActionErrors();
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState<'approved' | 'rejected'>('approved');
  const confirm = async (): Promise<void> => {
    if (await perform('dossiers.recordResult', { summary, outcome })) onDone();
  };
  return (
    <ActionPanel title="Ghi nhận kết quả giải quyết" confirmLabel="Ghi nhận kết quả" onConfirm={() => void confirm()} onCancel={onCancel}>
      <TextAreaField id="result-summary" label="Nội dung kết quả" value={summary} onChange={setSummary} rows={2} error={errors.summary} autoFocus required />
      <SelectField
        id="result-outcome"
        label="Kết quả"
        value={outcome}
        onChange={setOutcome}
        options={[
          { value: 'approved', label: 'Giải quyết (cấp kết quả)' },
          { value: 'rejected', label: 'Từ chối giải quyết (có văn bản trả lời)' },
        ]}
      />
    </ActionPanel>
  );
}

function RescheduleForm({ facts, onDone, onCancel }: FormProps) {
  const perform = useDossierStore((state) => state.perform);
  // The core's starting point: a date its rule accepts (the next working day, in working hours), and whether the apology is late.
  const hint = useDossierStore((state) => state.detail?.reschedule ?? null);
  const errors = useActionErrors();
  const current = facts.appointmentAt;
  const [when, setWhen] = useState(() => (hint ? formatDateTime(hint.suggestedAt) : ''));
  const [reason, setReason] = useState('');
  const [approveLate, setApproveLate] = useState(false);
  const [whenError, setWhenError] = useState<string | null>(null);
  const [approveError, setApproveError] = useState<string | null>(null);
  const late = hint?.late === true;
  const confirm = async (): Promise<void> => {
    const instant = parseTypedDateTime(when);
    setWhenError(instant === null ? 'Ngày giờ hẹn mới phải có dạng ngày/tháng/năm giờ:phút, ví dụ 02/12/2026 16:00.' : null);
    setApproveError(late && !approveLate ? 'Đã quá thời hạn lập phiếu: cán bộ giám sát hãy đánh dấu đồng ý hẹn lại sau thời hạn.' : null);
    if (instant === null || (late && !approveLate)) return;
    const args = { reason, newAppointmentAt: instant, ...(late ? { approveLate: true } : {}) };
    if (await perform('dossiers.reschedule', args, { refusalField: 'newAppointmentAt' })) onDone();
  };
  return (
    <ActionPanel title="Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)" confirmLabel="Hẹn lại" onConfirm={() => void confirm()} onCancel={onCancel}>
      <p>Ngày hẹn hiện tại: {current ? formatDateTime(current) : '—'}</p>
      <TextField
        id="reschedule-when"
        label="Ngày giờ hẹn mới (ngày/tháng/năm giờ:phút)"
        placeholder="dd/mm/yyyy hh:mm"
        value={when}
        onChange={setWhen}
        hint="Trong giờ làm việc của một ngày làm việc, sau ngày hẹn hiện tại."
        warnings={late && hint ? [`Đã quá thời hạn lập phiếu xin lỗi (chậm nhất ngày ${formatLocalDate(hint.lastApologyDay)}, trước ngày hẹn trả một ngày): chỉ cán bộ giám sát được hẹn lại.`] : undefined}
        error={whenError ?? errors.newAppointmentAt}
        autoFocus
        required
      />
      <TextAreaField id="reschedule-reason" label="Lý do chậm" value={reason} onChange={setReason} rows={2} error={errors.reason} required />
      {late && (
        <div className={approveError ? 'field field--invalid' : 'field'}>
          <label className="choice">
            <input
              id="reschedule-approve-late"
              type="checkbox"
              checked={approveLate}
              onChange={(event) => setApproveLate(event.target.checked)}
              aria-describedby={approveError ? 'reschedule-approve-late-error' : undefined}
            />
            Cán bộ giám sát đồng ý hẹn lại sau thời hạn
          </label>
          {approveError && (
            <p id="reschedule-approve-late-error" className="field__error">
              {approveError}
            </p>
          )}
        </div>
      )}
    </ActionPanel>
  );
}

function SupplementForm({ onDone, onCancel }: FormProps) {
  const perform = useDossierStore((state) => state.perform);
  const errors = useActionErrors();
  const [items, setItems] = useState('');
  const [reason, setReason] = useState('');
  const confirm = async (): Promise<void> => {
    const list = items
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (await perform('dossiers.requestSupplement', { items: list, reason })) onDone();
  };
  return (
    <ActionPanel title="Yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)" confirmLabel="Lập phiếu yêu cầu bổ sung" onConfirm={() => void confirm()} onCancel={onCancel}>
      <TextAreaField id="supplement-items" label="Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)" value={items} onChange={setItems} rows={3} error={errors.items} autoFocus required />
      <TextAreaField id="supplement-reason" label="Lý do" value={reason} onChange={setReason} rows={2} error={errors.reason} required />
    </ActionPanel>
  );
}

function ReceiveSupplementForm({ facts, onDone, onCancel }: FormProps) {
  const perform = useDossierStore((state) => state.perform);
  const confirm = async (): Promise<void> => {
    if (await perform('dossiers.receiveSupplement', {})) onDone();
  };
  // Turned back at the counter: the papers complete the dossier, and this is its receipt (form 01).
  if (isAwaitingCounterSupplement(facts)) {
    return (
      <ActionPanel title="Nhận đủ giấy tờ bổ sung — tiếp nhận hồ sơ" confirmLabel="Tiếp nhận và in giấy hẹn (mẫu 01)" onConfirm={() => void confirm()} onCancel={onCancel}>
        <p>Hồ sơ được tiếp nhận từ lúc này: cấp mã hồ sơ, tính ngày hẹn trả kết quả và in giấy tiếp nhận, hẹn trả kết quả (mẫu 01).</p>
      </ActionPanel>
    );
  }
  return (
    <ActionPanel title="Nhận hồ sơ bổ sung" confirmLabel="Xác nhận đã nhận đủ giấy tờ bổ sung" onConfirm={() => void confirm()} onCancel={onCancel}>
      <p>Ngày hẹn trả được tính lại theo thời gian chờ công dân bổ sung.</p>
    </ActionPanel>
  );
}

function ReasonForm({ command, title, label, confirm: confirmLabel, onDone, onCancel }: FormProps & { command: 'dossiers.withdraw' | 'dossiers.stop'; title: string; label: string; confirm: string }) {
  const perform = useDossierStore((state) => state.perform);
  const errors = useActionErrors();
  const [reason, setReason] = useState('');
  const confirm = async (): Promise<void> => {
    if (await perform(command, { reason })) onDone();
  };
  return (
    <ActionPanel title={title} confirmLabel={confirmLabel} onConfirm={() => void confirm()} onCancel={onCancel} danger>
      <TextAreaField id="action-reason" label={label} value={reason} onChange={setReason} rows={2} error={errors.reason} autoFocus required />
    </ActionPanel>
  );
}

function FeeForm({ onDone, onCancel }: FormProps) {
  const perform = useDossierStore((state) => state.perform);
  const errors = useActionErrors();
  const [amount, setAmount] = useState('');
  const [receiptNo, setReceiptNo] = useState('');
  const confirm = async (): Promise<void> => {
    const amountVnd = amount.trim() === '' ? Number.NaN : Number(amount.replace(/[.\s]/g, ''));
    if (await perform('dossiers.recordFee', { amountVnd, receiptNo })) onDone();
  };
  return (
    <ActionPanel title="Thu phí, lệ phí" confirmLabel="Ghi nhận khoản thu" onConfirm={() => void confirm()} onCancel={onCancel}>
      <div className="field-row">
        <TextField id="fee-amount" label="Số tiền (đồng)" inputMode="numeric" value={amount} onChange={setAmount} error={errors.amountVnd} autoFocus required />
        <TextField id="fee-receipt" label="Số biên lai" value={receiptNo} onChange={setReceiptNo} error={errors.receiptNo} />
      </div>
    </ActionPanel>
  );
}

function NoteForm({ onDone, onCancel }: FormProps) {
  const perform = useDossierStore((state) => state.perform);
  const errors = useActionErrors();
  const [text, setText] = useState('');
  const confirm = async (): Promise<void> => {
    if (await perform('dossiers.addNote', { text })) onDone();
  };
  return (
    <ActionPanel title="Thêm ghi chú" confirmLabel="Lưu ghi chú" onConfirm={() => void confirm()} onCancel={onCancel}>
      <TextAreaField id="note-text" label="Ghi chú" value={text} onChange={setText} rows={3} error={errors.text} autoFocus required />
    </ActionPanel>
  );
}

function CorrectFieldForm({ facts, onDone, onCancel }: FormProps) {
  const perform = useDossierStore((state) => state.perform);
  const errors = useActionErrors();
  const fields = CORRECTABLE_FIELDS.filter((field) => facts.owner !== null || !field.startsWith('owner.'));
  const [field, setField] = useState<CorrectableField>('applicant.fullName');
  const oldValue = currentFieldValue(facts, field) ?? null;
  const [newValue, setNewValue] = useState('');
  const [reason, setReason] = useState('');
  const confirm = async (): Promise<void> => {
    const value = field === 'sets' ? Number(newValue) : newValue;
    if (await perform('dossiers.correctField', { field, oldValue, newValue: value, reason })) onDone();
  };
  return (
    <ActionPanel title="Sửa thông tin hồ sơ" confirmLabel="Lưu thông tin đã sửa" onConfirm={() => void confirm()} onCancel={onCancel}>
      <SelectField id="correct-field" label="Thông tin cần sửa" value={field} onChange={(f) => setField(f)} options={fields.map((f) => ({ value: f, label: FIELD_LABELS[f] }))} />
      <p>
        Giá trị hiện tại: <strong>{oldValue === null || oldValue === '' ? '(trống)' : String(oldValue)}</strong>
      </p>
      <TextField id="correct-new-value" label="Giá trị mới" value={newValue} onChange={setNewValue} error={errors.newValue} autoFocus />
      <TextAreaField id="correct-reason" label="Lý do sửa" value={reason} onChange={setReason} rows={2} error={errors.reason} required />
    </ActionPanel>
  );
}

function ResolveConflictForm({ facts, onDone, onCancel }: FormProps) {
  const perform = useDossierStore((state) => state.perform);
  const errors = useActionErrors();
  const [reason, setReason] = useState('');
  const confirm = async (): Promise<void> => {
    if (await perform('dossiers.resolveConflict', { reason })) onDone();
  };
  return (
    <ActionPanel title="Xử lý xung đột dữ liệu (cán bộ giám sát)" confirmLabel="Giữ trạng thái hiện tại" onConfirm={() => void confirm()} onCancel={onCancel}>
      <ul>
        {facts.reviewReasons.map((why) => (
          <li key={why}>{why}</li>
        ))}
      </ul>
      <TextAreaField id="resolve-reason" label="Cách xử lý" value={reason} onChange={setReason} rows={2} error={errors.reason} autoFocus required />
    </ActionPanel>
  );
}
