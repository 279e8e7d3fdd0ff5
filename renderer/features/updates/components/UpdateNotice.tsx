import { useEffect } from 'react';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { useUpdateStore } from '../store/update-store-context.js';
import { useUpdateRefresh } from './use-update-refresh.js';
import './updates.css';

/**
 * "Cập nhật": once a new version is downloaded, offers "Khởi động lại để cập nhật" — not while an intake
 * is open (`intakeOpen`, which this component reports to main from the screen shown). Otherwise the
 * update installs when the app is closed.
 */
export function UpdateNotice({ intakeOpen }: { intakeOpen: boolean }) {
  const update = useUpdateStore((state) => state.update);
  const error = useUpdateStore((state) => state.error);
  const install = useUpdateStore((state) => state.install);
  const reportIntakeOpen = useUpdateStore((state) => state.reportIntakeOpen);
  useUpdateRefresh();
  useEffect(() => {
    void reportIntakeOpen(intakeOpen);
  }, [intakeOpen, reportIntakeOpen]);
  if (update === null || update.phase !== 'downloaded') return null;
  return (
    <section className="update-notice" role="status" aria-label="Cập nhật" data-testid="update-notice">
      <strong>Cập nhật:</strong> phiên bản {update.availableVersion} đã sẵn sàng và sẽ được cài khi đóng ứng dụng.{' '}
      {intakeOpen ? (
        <span>Hãy hoàn tất hồ sơ đang tiếp nhận trước khi cập nhật.</span>
      ) : (
        <button type="button" className="button" onClick={() => void install()}>
          Khởi động lại để cập nhật
        </button>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
