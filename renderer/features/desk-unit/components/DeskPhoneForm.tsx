import { useState, type FormEvent } from 'react';
import { TextField } from '../../../ui/Field.js';
import { Icon } from '../../../ui/Icon.js';
import { useDeskUnitStore } from '../store/desk-unit-store-context.js';

/**
 * The desk's phone number for citizens: printed on the receipt (form 01) and on forms 02 and 03 when
 * set. The core keeps it as digits and refuses what is not a phone number; empty clears it.
 */
export function DeskPhoneForm({ phone }: { phone: string | null }) {
  const savePhone = useDeskUnitStore((state) => state.savePhone);
  const error = useDeskUnitStore((state) => state.phoneError);
  const saved = useDeskUnitStore((state) => state.phoneSaved);
  const [text, setText] = useState(phone ?? '');

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await savePhone(text);
  };

  return (
    <form className="desk-unit__place" aria-labelledby="desk-phone-title" onSubmit={(event) => void submit(event)} noValidate data-testid="desk-phone">
      <h3 id="desk-phone-title">Số điện thoại của bộ phận</h3>
      <TextField
        id="desk-phone-number"
        label="Số điện thoại in trên giấy tiếp nhận"
        value={text}
        onChange={setText}
        inputMode="tel"
        maxLength={20}
        error={error ?? undefined}
        hint="Ví dụ 0203 3825 123. Để trống: không in."
      />
      {saved && (
        <p className="desk-unit__done" role="status" data-testid="desk-phone-saved">
          <Icon name="check" /> {phone === null ? 'Đã xóa số điện thoại: giấy tiếp nhận không in số nào.' : `Đã lưu: ${phone}.`}
        </p>
      )}
      <button type="submit" className="button">
        Lưu số điện thoại
      </button>
    </form>
  );
}
