import type { DocumentForm } from '../../../../shared/domain/dossier/events.js';
import { useIntakeStore } from '../store/intake-store-context.js';
import { missingRequiredDocuments } from '../store/intake-draft.js';
import { Icon } from '../../../ui/Icon.js';
import { Kbd } from '../../../ui/Kbd.js';
import { SHORTCUT_LABELS } from '../../../ui/shortcuts.js';

export const DOCUMENT_FORM_LABELS: Readonly<Record<DocumentForm, string>> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  copy: 'Bản sao',
};

/** Thành phần hồ sơ: the procedure's checklist; each paper ticked as received, with its form and count. */
export function ChecklistSection() {
  const draft = useIntakeStore((state) => state.draft);
  const { procedure, documents } = draft;
  const errors = useIntakeStore((state) => state.fieldErrors);
  const setDocument = useIntakeStore((state) => state.setDocument);
  if (procedure === null) {
    return (
      <fieldset className="fieldset intake__section">
        <legend>Thành phần hồ sơ</legend>
        <p className="field__hint">Chọn thủ tục để hiện danh mục giấy tờ cần nộp.</p>
      </fieldset>
    );
  }
  const missing = missingRequiredDocuments(draft);
  return (
    <fieldset className="fieldset intake__section">
      <legend>Thành phần hồ sơ</legend>
      <table className="checklist">
        <thead>
          <tr>
            <th scope="col">Đã nhận</th>
            <th scope="col">Giấy tờ</th>
            <th scope="col">Hình thức</th>
            <th scope="col">Số lượng</th>
          </tr>
        </thead>
        <tbody>
          {procedure.documents.map((doc, index) => {
            const choice = documents[doc.id] ?? { received: false, form: 'original' as const, count: '1' };
            const id = `intake-doc-${index}`;
            const error = errors[`documents.${doc.id}`];
            return (
              <tr key={doc.id} className={choice.received ? 'checklist__row checklist__row--received' : 'checklist__row'}>
                <td>
                  <input id={id} type="checkbox" className="checklist__check" checked={choice.received} onChange={(event) => setDocument(doc.id, { received: event.target.checked })} aria-describedby={error ? `${id}-error` : undefined} />
                </td>
                <td>
                  <label htmlFor={id} className="checklist__name">
                    {doc.name}
                  </label>
                  <span className={doc.required ? 'tag tag--required' : 'tag'}>{doc.required ? 'Bắt buộc' : 'Tuỳ trường hợp'}</span>
                  {doc.note && <span className="checklist__note">{doc.note}</span>}
                  {error && (
                    <span id={`${id}-error`} className="field__error">
                      {error}
                    </span>
                  )}
                </td>
                <td>
                  <select
                    className="field__input field__select"
                    aria-label={`Hình thức: ${doc.name}`}
                    value={choice.form}
                    disabled={!choice.received}
                    onChange={(event) => setDocument(doc.id, { form: event.target.value as DocumentForm })}
                  >
                    {Object.entries(DOCUMENT_FORM_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    className="field__input checklist__count"
                    type="number"
                    min={1}
                    max={99}
                    aria-label={`Số lượng: ${doc.name}`}
                    value={choice.count}
                    disabled={!choice.received}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => setDocument(doc.id, { count: event.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="intake__missing" data-testid="intake-missing">
          <Icon name="warning" /> Còn thiếu {missing.length} giấy tờ bắt buộc: {missing.join("; ")} — chưa tiếp nhận được; <Kbd keys={SHORTCUT_LABELS.requestSupplement} /> lập phiếu yêu cầu bổ sung (mẫu 02).
        </p>
      )}
    </fieldset>
  );
}
