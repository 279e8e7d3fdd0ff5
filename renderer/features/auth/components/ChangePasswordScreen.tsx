import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { TextField } from '../../../ui/Field.js';
import { Icon } from '../../../ui/Icon.js';
import { useSessionStore } from '../store/session-store-context.js';
import './auth.css';

/**
 * After a supervisor set this officer's password (creation or reset): the officer chooses their own
 * before anything else — the core refuses every other command until then.
 */
export function ChangePasswordScreen() {
  const officer = useSessionStore((state) => state.officer);
  const changePassword = useSessionStore((state) => state.changePassword);
  const signOut = useSessionStore((state) => state.signOut);
  const busy = useSessionStore((state) => state.busy);
  const error = useSessionStore((state) => state.error);
  const fieldErrors = useSessionStore((state) => state.fieldErrors);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await changePassword(current, next, repeated);
  };

  return (
    <section className="panel auth-card" aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="panel__title">
        <Icon name="lock" /> Đổi mật khẩu trước khi làm việc
      </h2>
      <p className="auth-card__lead">
        Mật khẩu hiện tại do cán bộ giám sát đặt. Hãy chọn mật khẩu của riêng mình (ít nhất 8 ký tự); chỉ mình biết mật khẩu này.
      </p>
      <p className="auth-card__who">
        Cán bộ: <strong>{officer?.fullName ?? ''}</strong> ({officer?.username})
      </p>
      <form className="auth-card__form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField id="current-password" label="Mật khẩu hiện tại (do giám sát đặt)" type="password" value={current} onChange={setCurrent} autoComplete="current-password" autoFocus error={fieldErrors.currentPassword} required />
        <TextField id="new-password" label="Mật khẩu mới" type="password" value={next} onChange={setNext} autoComplete="new-password" error={fieldErrors.newPassword} required />
        <TextField id="repeat-password" label="Nhập lại mật khẩu mới" type="password" value={repeated} onChange={setRepeated} autoComplete="new-password" error={fieldErrors.repeated} required />
        {error && <ErrorNotice error={error} title="Chưa đổi được mật khẩu" />}
        <div className="auth-card__actions">
          <button type="submit" className="button" disabled={busy}>
            Đổi mật khẩu
          </button>
          <button type="button" className="button button--secondary" onClick={() => void signOut()} disabled={busy}>
            Đăng xuất
          </button>
        </div>
      </form>
    </section>
  );
}
