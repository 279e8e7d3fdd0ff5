import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { signInErrorTitle } from './sign-in-error-title.js';
import { TextField } from '../../../ui/Field.js';
import { useSessionStore } from '../store/session-store-context.js';
import './auth.css';

/** "Đăng nhập": works offline, against the password hashes in the desk's own database. */
export function SignInScreen() {
  const signIn = useSessionStore((state) => state.signIn);
  const busy = useSessionStore((state) => state.busy);
  const error = useSessionStore((state) => state.error);
  const notice = useSessionStore((state) => state.notice);
  const fieldErrors = useSessionStore((state) => state.fieldErrors);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const ok = await signIn(username, password);
    if (!ok) setPassword('');
  };

  return (
    <section className="panel auth-card" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title" className="panel__title">
        Đăng nhập
      </h2>
      <p className="auth-card__lead">Cán bộ tiếp nhận đăng nhập bằng tài khoản của mình để làm việc tại quầy.</p>
      {notice && (
        <p className="auth-card__notice" role="status" data-testid="sign-in-notice">
          {notice}
        </p>
      )}
      <form className="auth-card__form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField id="sign-in-username" label="Tên đăng nhập" value={username} onChange={setUsername} autoComplete="username" autoFocus error={fieldErrors.username} required />
        <TextField id="sign-in-password" label="Mật khẩu" type="password" value={password} onChange={setPassword} autoComplete="current-password" error={fieldErrors.password} required />
        {error && <ErrorNotice error={error} title={signInErrorTitle(error)} />}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Đang kiểm tra…' : 'Đăng nhập'}
        </button>
      </form>
    </section>
  );
}
