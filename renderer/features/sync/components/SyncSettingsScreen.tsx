import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { Icon } from '../../../ui/Icon.js';
import { useEnrollmentStore, useSyncStatusStore } from '../store/sync-stores-context.js';
import { EnrollmentForm } from './EnrollmentForm.js';
import { ScanDownloadLimitSection } from './ScanDownloadLimitSection.js';
import { SyncStatusPanel } from './SyncStatusPanel.js';
import './sync.css';

/** "Cài đặt đồng bộ" (supervisors): enroll the desk with the city centre, then watch and nudge its sync. */
export function SyncSettingsScreen() {
  const status = useSyncStatusStore((state) => state.status);
  const loadError = useSyncStatusStore((state) => state.loadError);
  const load = useSyncStatusStore((state) => state.load);
  const follow = useSyncStatusStore((state) => state.follow);
  const accept = useSyncStatusStore((state) => state.accept);
  const loadDesk = useEnrollmentStore((state) => state.loadDesk);
  const deskError = useEnrollmentStore((state) => state.deskError);
  const suggestCentreUrl = useEnrollmentStore((state) => state.suggestCentreUrl);
  const [justEnrolled, setJustEnrolled] = useState(false);

  useEffect(() => follow(), [follow]);
  useEffect(() => {
    void load();
    void loadDesk();
  }, [load, loadDesk]);

  const enrolled = status !== null && status.state !== 'not_configured';
  const revoked = status?.revoked === true;
  const previousCentre = status?.centreUrl ?? null;
  useEffect(() => {
    if (revoked && previousCentre !== null) suggestCentreUrl(previousCentre);
  }, [revoked, previousCentre, suggestCentreUrl]);
  const onEnrolled = (answer: SyncStatus): void => {
    accept(answer);
    setJustEnrolled(true);
    // The form that had focus is gone: the officer continues from the new status panel.
    window.setTimeout(() => document.getElementById('sync-status-title')?.focus(), 0);
  };

  return (
    <section className="sync-settings" aria-labelledby="sync-settings-title">
      <div className="screen-header">
        <h2 id="sync-settings-title" className="screen-header__title">
          Cài đặt đồng bộ
        </h2>
      </div>
      <p className="sync-settings__lead">
        Máy làm việc được khi không có mạng. Khi kết nối được máy chủ trung tâm thành phố, hồ sơ và bản quét tự gửi lên, kết quả tự nhận về.
      </p>
      {loadError && <ErrorNotice error={loadError} context="Không đọc được tình trạng đồng bộ." onRetry={() => void load()} />}
      {deskError && <ErrorNotice error={deskError} context="Không đọc được mã thiết bị của máy này." onRetry={() => void loadDesk()} />}
      {status === null && !loadError && <p role="status">Đang tải tình trạng đồng bộ…</p>}
      {justEnrolled && enrolled && (
        <p className="sync-settings__done" role="status" data-testid="sync-enrolled">
          <Icon name="check" /> Đã đăng ký máy với trung tâm. Máy bắt đầu đồng bộ.
        </p>
      )}
      {status !== null && enrolled && <SyncStatusPanel status={status} />}
      {status !== null && (!enrolled || revoked) && <EnrollmentForm again={revoked} onEnrolled={onEnrolled} />}
      {status !== null && <ScanDownloadLimitSection />}
    </section>
  );
}
