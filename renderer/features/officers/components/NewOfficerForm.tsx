import { useState, type FormEvent } from 'react';
import type { OfficerRole } from '../../../../shared/contract/setup.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { SelectField, TextField } from '../../../ui/Field.js';
import { useOfficersStore } from '../store/officers-store-context.js';

const ROLE_OPTIONS = [
  { value: 'officer', label: 'Cán bộ tiếp nhận' },
  { value: 'supervisor', label: 'Cán bộ giám sát (trưởng bộ phận)' },
] as const;

const EMPTY = { fullName: '', username: '', role: 'officer' as OfficerRole, password: '' };

/** "Thêm cán bộ": name, sign-in name, role and a first password the officer replaces at the first sign-in. */
export function NewOfficerForm() {
  const create = useOfficersStore((state) => state.create);
  const busy = useOfficersStore((state) => state.busy);
  const errors = useOfficersStore((state) => state.createErrors);
  const error = useOfficersStore((state) => state.createError);
  const [draft, setDraft] = useState(EMPTY);
  const edit = (change: Partial<typeof EMPTY>) => setDraft((current) => ({ ...current, ...change }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await create(draft)) {
      setDraft(EMPTY);
      document.getElementById('new-officer-name')?.focus();
    }
  };

  return (
    <form className="panel officers__new" aria-labelledby="new-officer-title" onSubmit={(event) => void submit(event)} noValidate data-testid="new-officer">
      <h3 id="new-officer-title" className="panel__title">
        Thêm cán bộ
      </h3>
      <div className="officers__fields">
        <TextField id="new-officer-name" label="Họ và tên" value={draft.fullName} onChange={(fullName) => edit({ fullName })} error={errors.fullName} required maxLength={120} />
        <TextField
          id="new-officer-username"
          label="Tên đăng nhập"
          value={draft.username}
          onChange={(username) => edit({ username })}
          error={errors.username}
          hint="3–40 ký tự: chữ không dấu, số, dấu chấm, gạch."
          required
          maxLength={40}
        />
        <SelectField id="new-officer-role" label="Vai trò" value={draft.role} onChange={(role) => edit({ role })} options={ROLE_OPTIONS} />
        <TextField
          id="new-officer-password"
          label="Mật khẩu ban đầu"
          type="password"
          value={draft.password}
          onChange={(password) => edit({ password })}
          error={errors.password}
          hint="Ít nhất 8 ký tự. Cán bộ phải đổi mật khẩu này khi đăng nhập lần đầu."
          autoComplete="new-password"
          required
        />
      </div>
      {error && Object.keys(errors).length === 0 && <ErrorNotice error={error} title="Chưa tạo được tài khoản" />}
      <button type="submit" className="button" aria-disabled={busy}>
        Tạo tài khoản
      </button>
    </form>
  );
}
