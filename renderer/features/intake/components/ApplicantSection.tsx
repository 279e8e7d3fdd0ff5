import { useMemo, type Ref } from 'react';
import { cccdWedgeHandlers } from '../../../ui/cccd-wedge.js';
import { TextField } from '../../../ui/Field.js';
import { idNumberWarnings } from '../store/applicant-checks.js';
import { useIntakeStore } from '../store/intake-store-context.js';

interface ApplicantSectionProps {
  idRef: Ref<HTMLInputElement>;
  nameRef: Ref<HTMLInputElement>;
  phoneRef: Ref<HTMLInputElement>;
  /**
   * Enter in the ID field: after a scan filled the card's fields the officer types the phone number
   * next; after an ID typed by hand, the name.
   */
  onIdDone(how: 'scanned' | 'typed'): void;
}

/** Người nộp hồ sơ: the CCCD field reads a scanner's QR line (or a paste) and fills the card's fields. */
export function ApplicantSection({ idRef, nameRef, phoneRef, onIdDone }: ApplicantSectionProps) {
  const applicant = useIntakeStore((state) => state.draft.applicant);
  const idInput = useIntakeStore((state) => state.idInput);
  const scanNotes = useIntakeStore((state) => state.scanNotes);
  const scanError = useIntakeStore((state) => state.scanError);
  const scanMessage = useIntakeStore((state) => state.scanMessage);
  const errors = useIntakeStore((state) => state.fieldErrors);
  const setApplicant = useIntakeStore((state) => state.setApplicant);
  const setIdInput = useIntakeStore((state) => state.setIdInput);
  const scanCccd = useIntakeStore((state) => state.scanCccd);
  const warnings = useMemo(() => idNumberWarnings(applicant, scanNotes), [applicant, scanNotes]);

  const wedge = cccdWedgeHandlers({ value: idInput, scan: scanCccd, onScanned: () => onIdDone('scanned'), onTyped: () => onIdDone('typed') });

  return (
    <fieldset className="fieldset intake__section">
      <legend>Người nộp hồ sơ</legend>
      <TextField
        id="intake-id-number"
        label="Số CCCD — quét mã QR trên thẻ, dán, hoặc gõ 12 số"
        value={idInput}
        onChange={setIdInput}
        onKeyDown={wedge.onKeyDown}
        onPaste={wedge.onPaste}
        inputRef={idRef}
        inputMode="numeric"
        error={scanError ?? errors['applicant.idNumber']}
        warnings={warnings}
        hint="Máy quét gõ cả dòng mã QR rồi Enter: họ tên, ngày sinh, giới tính, địa chỉ được điền tự động."
        testId="intake-id-number"
        inputClassName="field__input--mono"
      />
      <p className="visually-hidden" role="status">
        {scanMessage ?? ''}
      </p>
      <div className="field-row">
        <TextField id="intake-full-name" label="Họ và tên" value={applicant.fullName} onChange={(v) => setApplicant('fullName', v)} error={errors['applicant.fullName']} inputRef={nameRef} required />
        <TextField id="intake-birth-date" label="Ngày sinh (ngày/tháng/năm)" placeholder="dd/mm/yyyy" inputMode="numeric" value={applicant.birthDate} onChange={(v) => setApplicant('birthDate', v)} error={errors['applicant.birthDate']} />
        <fieldset className="fieldset fieldset--inline" aria-describedby={errors['applicant.sex'] ? 'intake-sex-error' : undefined}>
          <legend>Giới tính</legend>
          <label className="choice">
            <input type="radio" name="intake-sex" checked={applicant.sex === 'male'} onChange={() => setApplicant('sex', 'male')} />
            Nam
          </label>
          <label className="choice">
            <input type="radio" name="intake-sex" checked={applicant.sex === 'female'} onChange={() => setApplicant('sex', 'female')} />
            Nữ
          </label>
          {errors['applicant.sex'] && (
            <p id="intake-sex-error" className="field__error">
              {errors['applicant.sex']}
            </p>
          )}
        </fieldset>
      </div>
      <TextField id="intake-address" label="Nơi thường trú / địa chỉ" value={applicant.address} onChange={(v) => setApplicant('address', v)} error={errors['applicant.address']} />
      <div className="field-row">
        <TextField id="intake-phone" label="Số điện thoại" type="tel" inputMode="tel" value={applicant.phone} onChange={(v) => setApplicant('phone', v)} error={errors['applicant.phone']} inputRef={phoneRef} autoComplete="off" />
        <TextField id="intake-email" label="Thư điện tử" type="email" inputMode="email" value={applicant.email} onChange={(v) => setApplicant('email', v)} error={errors['applicant.email']} />
      </div>
    </fieldset>
  );
}
