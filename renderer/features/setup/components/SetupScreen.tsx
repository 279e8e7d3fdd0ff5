import { useEffect, type FormEvent } from 'react';
import type { SessionInfo } from '../../../../shared/contract/setup.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { SelectField, TextField } from '../../../ui/Field.js';
import { Kbd } from '../../../ui/Kbd.js';
import { useShortcut } from '../../../ui/use-shortcut.js';
import { useSetupStore } from '../store/setup-store-context.js';
import { UnitPicker } from './UnitPicker.js';
import './setup.css';

const STATIONS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => ({ value: n, label: `Quầy số ${n}` }));

/** "Khởi tạo bàn làm việc": the first start chooses the unit, the station and the first supervisor. */
export function SetupScreen({ onDone }: { onDone(session: SessionInfo): void }) {
  const form = useSetupStore((state) => state.form);
  const errors = useSetupStore((state) => state.fieldErrors);
  const unitsError = useSetupStore((state) => state.unitsError);
  const submitError = useSetupStore((state) => state.submitError);
  const submitting = useSetupStore((state) => state.submitting);
  const loadUnits = useSetupStore((state) => state.loadUnits);
  const setField = useSetupStore((state) => state.setField);
  const submit = useSetupStore((state) => state.submit);

  useEffect(() => {
    void loadUnits();
  }, [loadUnits]);

  const finish = async (): Promise<void> => {
    const session = await submit();
    if (session) onDone(session);
  };
  useShortcut('confirm', () => void finish(), !submitting);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void finish();
  };

  return (
    <section className="panel setup" aria-labelledby="setup-title">
      <div className="panel__header">
        <h2 id="setup-title" className="panel__title">
          Khởi tạo bàn làm việc
        </h2>
      </div>
      <p className="setup__lead">
        Lần đầu chạy trên máy này: chọn đơn vị, số quầy và tạo tài khoản cán bộ giám sát đầu tiên. Dữ liệu lưu trên máy, không cần mạng.
      </p>
      {unitsError && <ErrorNotice error={unitsError} context="Không đọc được danh mục đơn vị." onRetry={() => void loadUnits()} />}
      <form className="setup__form" onSubmit={onSubmit} noValidate>
        <UnitPicker />
        <div className="field-row">
          <SelectField id="setup-station" label="Số quầy" value={form.station} onChange={(v) => setField('station', v)} options={STATIONS} error={errors.station} hint="Mỗi quầy của đơn vị một số riêng (1–9) để mã hồ sơ không trùng." />
          <TextField
            id="setup-agency-id"
            label="Mã định danh cơ quan"
            value={form.agencyId}
            onChange={(v) => setField('agencyId', v)}
            error={errors.agencyId}
            hint="Dạng AAA.BB.CC.Hnn (Quảng Ninh là H49). Điền sẵn theo danh mục — hãy đối chiếu với mã được cấp."
            required
            inputClassName="field__input--mono"
          />
        </div>
        <fieldset className="fieldset">
          <legend>Cán bộ giám sát đầu tiên</legend>
          <div className="field-row">
            <TextField id="setup-username" label="Tên đăng nhập" value={form.username} onChange={(v) => setField('username', v)} error={errors['supervisor.username']} hint="Chữ không dấu, số, dấu chấm hoặc gạch (3–40 ký tự)." autoComplete="username" required />
            <TextField id="setup-full-name" label="Họ và tên" value={form.fullName} onChange={(v) => setField('fullName', v)} error={errors['supervisor.fullName']} autoComplete="name" required />
          </div>
          <div className="field-row">
            <TextField id="setup-password" label="Mật khẩu" type="password" value={form.password} onChange={(v) => setField('password', v)} error={errors['supervisor.password']} hint="Ít nhất 8 ký tự." autoComplete="new-password" required />
            <TextField id="setup-password-again" label="Nhập lại mật khẩu" type="password" value={form.passwordAgain} onChange={(v) => setField('passwordAgain', v)} error={errors.passwordAgain} autoComplete="new-password" required />
          </div>
        </fieldset>
        {submitError && <ErrorNotice error={submitError} />}
        <div className="setup__actions">
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? 'Đang khởi tạo…' : 'Khởi tạo và đăng nhập'} <Kbd keys="Ctrl+Enter" />
          </button>
        </div>
      </form>
    </section>
  );
}
