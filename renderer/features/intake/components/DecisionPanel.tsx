import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { TextAreaField } from '../../../ui/Field.js';
import { Kbd } from '../../../ui/Kbd.js';
import { SHORTCUT_LABELS } from '../../../ui/shortcuts.js';
import { useIntakeStore } from '../store/intake-store-context.js';
import type { IntakeDecision } from '../store/intake-draft.js';

const DECISIONS: { value: IntakeDecision; label: string; button: string }[] = [
  { value: 'accept', label: 'Tiếp nhận — cấp giấy tiếp nhận, hẹn trả (mẫu 01)', button: 'Tiếp nhận và in giấy hẹn' },
  // Not a receipt (Decree 61/2018, art. 15): no code, counted nowhere until the citizen brings the papers.
  { value: 'supplement', label: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02) — chưa tiếp nhận, chưa cấp mã', button: 'Lập phiếu yêu cầu bổ sung' },
  { value: 'refuse', label: 'Từ chối tiếp nhận (mẫu 03)', button: 'Từ chối và in phiếu từ chối' },
];

/** One of the three outcomes of an intake, with what each needs, and the one button that submits it. */
export function DecisionPanel({ onSubmit }: { onSubmit(): void }) {
  const decision = useIntakeStore((state) => state.draft.decision);
  const supplementItems = useIntakeStore((state) => state.draft.supplementItems);
  const supplementReason = useIntakeStore((state) => state.draft.supplementReason);
  const refuseReason = useIntakeStore((state) => state.draft.refuseReason);
  const errors = useIntakeStore((state) => state.fieldErrors);
  const submitError = useIntakeStore((state) => state.submitError);
  const submitting = useIntakeStore((state) => state.submitting);
  const openDecision = useIntakeStore((state) => state.openDecision);
  const setText = useIntakeStore((state) => state.setDecisionText);
  const current = DECISIONS.find((d) => d.value === decision) ?? DECISIONS[0]!;
  const errorCount = Object.keys(errors).length;

  return (
    <section className="decision" aria-labelledby="decision-title">
      <h3 id="decision-title" className="decision__title">
        Kết quả tiếp nhận
      </h3>
      <fieldset className="fieldset decision__choices">
        <legend className="visually-hidden">Chọn kết quả tiếp nhận</legend>
        {DECISIONS.map((d) => (
          <label key={d.value} className="choice choice--block">
            <input type="radio" name="intake-decision" checked={decision === d.value} onChange={() => openDecision(d.value)} />
            {d.label}
          </label>
        ))}
      </fieldset>
      {decision === 'supplement' && (
        <div className="decision__details">
          <TextAreaField
            id="intake-supplement-items"
            label="Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)"
            value={supplementItems}
            onChange={(v) => setText('supplementItems', v)}
            rows={4}
            error={errors['supplement.items'] ?? errors.supplement}
            required
          />
          <TextAreaField id="intake-supplement-reason" label="Lý do" value={supplementReason} onChange={(v) => setText('supplementReason', v)} rows={2} error={errors['supplement.reason']} required />
        </div>
      )}
      {decision === 'refuse' && (
        <div className="decision__details">
          <TextAreaField id="intake-refuse-reason" label="Lý do từ chối" value={refuseReason} onChange={(v) => setText('refuseReason', v)} rows={3} error={errors.reason} required />
        </div>
      )}
      {errorCount > 0 && !submitError && (
        <p className="field__error" role="alert">
          Còn {errorCount} chỗ chưa hợp lệ — xem thông báo màu đỏ cạnh từng ô.
        </p>
      )}
      {submitError && <ErrorNotice error={submitError} context="Chưa lưu được hồ sơ; thông tin đã nhập vẫn giữ nguyên." />}
      {submitError?.code === 'papers_missing' && decision === 'accept' && (
        <button type="button" className="button button--secondary" onClick={() => openDecision('supplement')} data-testid="intake-to-supplement">
          Lập phiếu yêu cầu bổ sung các giấy tờ còn thiếu (mẫu 02) <Kbd keys={SHORTCUT_LABELS.requestSupplement} />
        </button>
      )}
      <button type="button" className={decision === 'refuse' ? 'button button--danger decision__submit' : 'button decision__submit'} onClick={onSubmit} disabled={submitting} data-testid="intake-submit">
        {submitting ? 'Đang lưu…' : current.button} <Kbd keys="Ctrl+Enter" />
      </button>
    </section>
  );
}
