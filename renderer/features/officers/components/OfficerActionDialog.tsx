import { useState } from 'react';
import type { Officer } from '../../../../shared/contract/setup.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { TextField } from '../../../ui/Field.js';
import { Kbd } from '../../../ui/Kbd.js';
import { ModalDialog } from '../../../ui/ModalDialog.js';
import { useOfficersStore } from '../store/officers-store-context.js';

export type OfficerAction = 'reset' | 'deactivate' | 'activate';

interface OfficerActionDialogProps {
  officer: Officer;
  action: OfficerAction;
  onClose(): void;
}

const TITLES: Record<OfficerAction, (name: string) => string> = {
  reset: (name) => `Đặt lại mật khẩu cho ${name}`,
  deactivate: (name) => `Ngừng hoạt động tài khoản của ${name}?`,
  activate: (name) => `Cho ${name} hoạt động lại?`,
};

const TEXTS: Record<OfficerAction, string> = {
  reset: 'Mật khẩu mới chỉ dùng một lần: khi đăng nhập, cán bộ phải đổi sang mật khẩu của mình trước khi làm việc.',
  deactivate: 'Cán bộ sẽ không đăng nhập được nữa. Tài khoản không bị xoá: tên cán bộ vẫn giữ trên các hồ sơ đã tiếp nhận, trả kết quả.',
  activate: 'Cán bộ đăng nhập lại được bằng mật khẩu cũ (hoặc đặt lại mật khẩu sau).',
};

/** Confirms a change to one officer's account. */
export function OfficerActionDialog({ officer, action, onClose }: OfficerActionDialogProps) {
  const resetPassword = useOfficersStore((state) => state.resetPassword);
  const setActive = useOfficersStore((state) => state.setActive);
  const busy = useOfficersStore((state) => state.busy);
  const error = useOfficersStore((state) => state.actionError);
  const errors = useOfficersStore((state) => state.actionErrors);
  const clearError = useOfficersStore((state) => state.clearActionError);
  const [password, setPassword] = useState('');

  const close = (): void => {
    clearError();
    onClose();
  };
  const confirm = async (): Promise<void> => {
    const ok = action === 'reset' ? await resetPassword(officer, password) : await setActive(officer, action === 'activate');
    if (ok) onClose();
  };

  return (
    <ModalDialog
      id="officer-action"
      title={TITLES[action](officer.fullName)}
      describedBy="officer-action-text"
      className="officers__dialog"
      testId="officer-action-dialog"
      onCancel={close}
      onSubmit={() => void confirm()}
      noValidate
    >
      <p id="officer-action-text">{TEXTS[action]}</p>
      {action === 'reset' && (
        <TextField
          id="officer-new-password"
          label="Mật khẩu mới (dùng một lần)"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint="Ít nhất 8 ký tự."
          autoComplete="new-password"
          required
          autoFocus
        />
      )}
      {error && <ErrorNotice error={error} title="Chưa thực hiện được" />}
      <div className="officers__actions">
        <button type="submit" className={action === 'deactivate' ? 'button button--danger' : 'button'} aria-disabled={busy} autoFocus={action !== 'reset'}>
          {action === 'reset' ? 'Đặt lại mật khẩu' : action === 'deactivate' ? 'Ngừng hoạt động' : 'Cho hoạt động lại'}
        </button>
        <button type="button" className="button button--secondary" onClick={close}>
          Huỷ <Kbd keys="Esc" />
        </button>
      </div>
    </ModalDialog>
  );
}
