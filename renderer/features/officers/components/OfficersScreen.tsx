import { useEffect, useState } from 'react';
import type { Officer } from '../../../../shared/contract/setup.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { Icon } from '../../../ui/Icon.js';
import { useOfficersStore } from '../store/officers-store-context.js';
import { NewOfficerForm } from './NewOfficerForm.js';
import { OfficerActionDialog, type OfficerAction } from './OfficerActionDialog.js';
import './officers.css';

const ROLE_LABEL = { officer: 'Tiếp nhận', supervisor: 'Giám sát' } as const;

/** "Cán bộ" (supervisors): the desk's accounts, active first; create, reset a password, deactivate. */
export function OfficersScreen({ signedInId }: { signedInId: string }) {
  const officers = useOfficersStore((state) => state.officers);
  const loaded = useOfficersStore((state) => state.loaded);
  const loadError = useOfficersStore((state) => state.loadError);
  const done = useOfficersStore((state) => state.done);
  const load = useOfficersStore((state) => state.load);
  const [pending, setPending] = useState<{ officer: Officer; action: OfficerAction } | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  // Active accounts first (the ones a supervisor acts on), each group by name as the core sorts it.
  const rows = [...officers.filter((o) => o.active), ...officers.filter((o) => !o.active)];
  const closeDialog = (): void => {
    const id = pending?.officer.id;
    setPending(null);
    // Back to the row the dialog came from, so the keyboard path continues where it was.
    window.setTimeout(() => document.querySelector<HTMLElement>(`[data-officer-row="${id}"] button`)?.focus(), 0);
  };

  return (
    <section className="officers" aria-labelledby="officers-title">
      <div className="screen-header">
        <h2 id="officers-title" className="screen-header__title">
          Cán bộ của bàn làm việc
        </h2>
      </div>
      {loadError && <ErrorNotice error={loadError} context="Không đọc được danh sách cán bộ." onRetry={() => void load()} />}
      <p className="officers__done" role="status" data-testid="officers-done">
        {done && (
          <>
            <Icon name="check" /> {done}
          </>
        )}
      </p>
      <div className="officers__layout">
        <div className="panel officers__list">
          <h3 className="panel__title">Danh sách tài khoản</h3>
          {!loaded && !loadError && <p role="status">Đang tải…</p>}
          {loaded && (
            <table className="officers__table" data-testid="officers-table">
              <thead>
                <tr>
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Tên đăng nhập</th>
                  <th scope="col">Vai trò</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Thao tác</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((officer) => (
                  <tr key={officer.id} data-officer-row={officer.id} className={officer.active ? undefined : 'officers__row--inactive'}>
                    <th scope="row">
                      {officer.fullName}
                      {officer.id === signedInId && <span className="officers__me"> (bạn)</span>}
                    </th>
                    <td className="officers__mono">{officer.username}</td>
                    <td>{ROLE_LABEL[officer.role]}</td>
                    <td>{officer.active ? (officer.mustChangePassword ? 'Hoạt động · chờ đổi mật khẩu' : 'Hoạt động') : 'Ngừng hoạt động'}</td>
                    <td className="officers__row-actions">
                      {officer.id === signedInId ? (
                        <span className="officers__note">Tài khoản đang đăng nhập</span>
                      ) : officer.active ? (
                        <div className="officers__buttons">
                          <button type="button" className="button button--secondary" onClick={() => setPending({ officer, action: 'reset' })}>
                            Đặt lại mật khẩu<span className="visually-hidden"> cho {officer.fullName}</span>
                          </button>
                          <button type="button" className="button button--secondary" onClick={() => setPending({ officer, action: 'deactivate' })}>
                            Ngừng hoạt động<span className="visually-hidden"> {officer.fullName}</span>
                          </button>
                        </div>
                      ) : (
                        <button type="button" className="button button--secondary" onClick={() => setPending({ officer, action: 'activate' })}>
                          Cho hoạt động lại<span className="visually-hidden"> {officer.fullName}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <NewOfficerForm />
      </div>
      {pending !== null && <OfficerActionDialog officer={pending.officer} action={pending.action} onClose={closeDialog} />}
    </section>
  );
}
