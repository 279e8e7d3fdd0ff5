import type { OwnerKind } from '../../../../shared/domain/dossier/events.js';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.js';
import { useIntakeStore } from '../store/intake-store-context.js';

const OWNER_KIND_OPTIONS: { value: OwnerKind; label: string }[] = [
  { value: 'citizen', label: 'Công dân' },
  { value: 'business', label: 'Doanh nghiệp' },
  { value: 'agency', label: 'Cơ quan nhà nước' },
  { value: 'organisation', label: 'Tổ chức' },
  { value: 'other', label: 'Khác' },
];

/** Chủ hồ sơ (when not the applicant) and the officer's notes. */
export function OwnerSection() {
  const owner = useIntakeStore((state) => state.draft.owner);
  const notes = useIntakeStore((state) => state.draft.notes);
  const errors = useIntakeStore((state) => state.fieldErrors);
  const setOwner = useIntakeStore((state) => state.setOwner);
  const setNotes = useIntakeStore((state) => state.setNotes);
  return (
    <fieldset className="fieldset intake__section">
      <legend>Chủ hồ sơ và ghi chú</legend>
      <label className="choice">
        <input type="checkbox" checked={owner.separate} onChange={(event) => setOwner({ separate: event.target.checked })} />
        Chủ hồ sơ khác người nộp
      </label>
      {owner.separate && (
        <div className="field-row">
          <SelectField id="intake-owner-kind" label="Loại chủ hồ sơ" value={owner.kind} onChange={(kind) => setOwner({ kind })} options={OWNER_KIND_OPTIONS} error={errors['owner.kind']} />
          <TextField id="intake-owner-name" label="Tên chủ hồ sơ" value={owner.name} onChange={(name) => setOwner({ name })} error={errors['owner.name']} required />
          <TextField id="intake-owner-id" label="Số định danh / mã số" value={owner.idNumber} onChange={(idNumber) => setOwner({ idNumber })} error={errors['owner.idNumber']} />
        </div>
      )}
      <TextAreaField id="intake-notes" label="Ghi chú" value={notes} onChange={setNotes} rows={2} maxLength={2000} error={errors.notes} />
    </fieldset>
  );
}
