import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { signInErrorTitle } from './sign-in-error-title.js';
import { TextField } from '../../../ui/Field.js';
import { IDLE_LOCK_MINUTES } from '../hooks/use-idle-lock.js';
import { useSessionStore } from '../store/session-store-context.js';
import './auth.css';
import { Icon } from '../../../ui/Icon.js';

/** The screen while the desk is locked: nothing of the work behind it shows until the password is typed. */
export function LockScreen() {
  const officer = useSessionStore((state) => state.officer);
  const unlock = useSessionStore((state) => state.unlock);
  const signOut = useSessionStore((state) => state.signOut);
  const busy = useSessionStore((state) => state.busy);
  const error = useSessionStore((state) => state.error);
  const fieldErrors = useSessionStore((state) => state.fieldErrors);
  const [password, setPassword] = useState('');

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const ok = await unlock(password);
    if (!ok) setPassword('');
  };

  return (
    <section className="panel auth-card" aria-labelledby="lock-title">
      <h2 id="lock-title" className="panel__title">
        <Icon name="lock" /> Màn hình đã khoá
      </h2>
      <p className="auth-card__lead">
        Quầy tự khoá sau {IDLE_LOCK_MINUTES} phút không thao tác, hoặc khi cán bộ bấm «Khoá». Hồ sơ đang nhập dở vẫn được giữ nguyên.
      </p>
      <p className="auth-card__who">
        Cán bộ: <strong data-testid="lock-officer">{officer?.fullName ?? ''}</strong> ({officer?.username})
      </p>
      <form className="auth-card__form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField id="unlock-password" label="Mật khẩu" type="password" value={password} onChange={setPassword} autoComplete="current-password" autoFocus error={fieldErrors.password} required />
        {error && <ErrorNotice error={error} title={signInErrorTitle(error)} />}
        <div className="auth-card__actions">
          <button type="submit" className="button" disabled={busy}>
            Mở khoá
          </button>
          <button type="button" className="button button--secondary" onClick={() => void signOut()} disabled={busy}>
            Đăng xuất (cán bộ khác đăng nhập)
          </button>
        </div>
      </form>
    </section>
  );
}
