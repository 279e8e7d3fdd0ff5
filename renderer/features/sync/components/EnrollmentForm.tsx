import { useRef, type FormEvent } from 'react';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import { TextField } from '../../../ui/Field.js';
import { Icon } from '../../../ui/Icon.js';
import { Kbd } from '../../../ui/Kbd.js';
import { useShortcut } from '../../../ui/use-shortcut.js';
import type { EnrollmentField } from '../store/enrollment-store.js';
import { useEnrollmentStore } from '../store/sync-stores-context.js';

const FIELD_IDS: Record<EnrollmentField, string> = {
  centreUrl: 'sync-centre-url',
  code: 'sync-code',
  deviceName: 'sync-device-name',
};
const FIELD_ORDER: readonly EnrollmentField[] = ['centreUrl', 'code', 'deviceName'];

interface EnrollmentFormProps {
  /** The centre revoked this desk: the same form enrolls it again with a new code. */
  again: boolean;
  onEnrolled(status: SyncStatus): void;
}

/** Centre address, one-time code and the desk's name → sync.enroll (supervisors only). */
export function EnrollmentForm({ again, onEnrolled }: EnrollmentFormProps) {
  const form = useEnrollmentStore((state) => state.form);
  const errors = useEnrollmentStore((state) => state.fieldErrors);
  const problem = useEnrollmentStore((state) => state.problem);
  const enrolling = useEnrollmentStore((state) => state.enrolling);
  const setField = useEnrollmentStore((state) => state.setField);
  const enroll = useEnrollmentStore((state) => state.enroll);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (): Promise<void> => {
    const status = await enroll();
    if (status) return onEnrolled(status);
    // The officer hears and sees the problem where it is: focus moves to the first field named
    // (after the render that marks it).
    window.setTimeout(() => {
      const invalid = FIELD_ORDER.map((field) => formRef.current?.querySelector<HTMLInputElement>(`#${FIELD_IDS[field]}`)).find((input) => input?.getAttribute('aria-invalid') === 'true');
      invalid?.focus();
    }, 0);
  };
  useShortcut('confirm', () => void submit(), !enrolling);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void submit();
  };

  return (
    <form ref={formRef} className="panel sync-enroll" aria-labelledby="sync-enroll-title" onSubmit={onSubmit} noValidate>
      <h3 id="sync-enroll-title" className="panel__title">
        {again ? 'Đăng ký lại với trung tâm' : 'Đăng ký máy với trung tâm'}
      </h3>
      <p className="sync-enroll__lead">
        Quản trị viên của trung tâm cấp cho mỗi quầy một mã đăng ký dùng một lần. Nhập địa chỉ máy chủ trung tâm và mã đó; máy sẽ tự gửi hồ sơ lên và nhận kết quả về mỗi khi có mạng.
      </p>
      <TextField
        id={FIELD_IDS.centreUrl}
        label="Địa chỉ máy chủ trung tâm"
        value={form.centreUrl}
        onChange={(value) => setField('centreUrl', value)}
        error={errors.centreUrl}
        hint="Bắt đầu bằng https://, ví dụ https://motcua.halong.gov.vn (http:// chỉ dùng cho máy chủ trên chính máy này)"
        placeholder="https://motcua.halong.gov.vn"
        autoComplete="url"
        inputClassName="field__input--mono"
        required
        // A first enrollment starts here; a revoked desk's form appears while the officer is elsewhere on the screen.
        autoFocus={!again}
      />
      <div className="field-row">
        <TextField
          id={FIELD_IDS.code}
          label="Mã đăng ký"
          value={form.code}
          onChange={(value) => setField('code', value)}
          error={errors.code}
          hint="12 ký tự, ví dụ 7K3M-Q9RT-X2VD. Mã dùng được một lần và có hạn."
          inputClassName="field__input--mono"
          maxLength={40}
          required
        />
        <TextField
          id={FIELD_IDS.deviceName}
          label="Tên máy"
          value={form.deviceName}
          onChange={(value) => setField('deviceName', value)}
          error={errors.deviceName}
          hint="Tên trung tâm hiển thị cho máy này."
          maxLength={100}
          required
        />
      </div>
      {problem && (
        <div className="sync-note sync-note--error" role="alert">
          <Icon name="alert" />
          <div>
            <p className="sync-note__title">Chưa đăng ký được với trung tâm</p>
            <p className="sync-note__text">{problem.message}</p>
          </div>
        </div>
      )}
      <div className="sync-enroll__actions">
        <button type="submit" className="button" disabled={enrolling}>
          {enrolling ? 'Đang đăng ký…' : 'Đăng ký với trung tâm'} <Kbd keys="Ctrl+Enter" />
        </button>
      </div>
    </form>
  );
}
