import { useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { Icon } from '../../../ui/Icon.js';
import { useEnrollmentStore, useSyncStatusStore } from '../store/sync-stores-context.js';
import { describePending, describeSkew, SYNC_STATE_LABELS } from './labels.js';
import { UnenrollDialog } from './UnenrollDialog.js';

const count = new Intl.NumberFormat('vi-VN');

/** An enrolled desk's sync: where it goes, what waits, what went wrong, and "Đồng bộ ngay". */
export function SyncStatusPanel({ status }: { status: SyncStatus }) {
  const deviceId = useEnrollmentStore((state) => state.desk?.deviceId ?? null);
  const syncingNow = useSyncStatusStore((state) => state.syncingNow);
  const outcome = useSyncStatusStore((state) => state.syncNowOutcome);
  const syncNowError = useSyncStatusStore((state) => state.syncNowError);
  const syncNow = useSyncStatusStore((state) => state.syncNow);
  const [confirmingUnenroll, setConfirmingUnenroll] = useState(false);

  type Fact = [label: string, value: string, testId: string, tone?: 'mono' | 'problem'];
  const rejected = status.rejectedEvents ?? 0;
  const facts: Fact[] = [
    ['Mã thiết bị', deviceId ?? 'Đang tải…', 'sync-device-id', 'mono'],
    ['Máy chủ trung tâm', status.centreUrl ?? '—', 'sync-centre-url', 'mono'],
    ['Trạng thái', status.revoked ? 'Đã bị thu hồi quyền đồng bộ' : SYNC_STATE_LABELS[status.state], 'sync-state'],
    ['Đồng bộ thành công gần nhất', status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : 'Chưa lần nào', 'sync-last-success'],
    ['Chờ gửi', describePending(status), 'sync-pending'],
    ...(rejected > 0 ? [['Bị trung tâm từ chối', `${count.format(rejected)} thay đổi (vẫn được giữ trên máy)`, 'sync-rejected', 'problem'] satisfies Fact] : []),
    // A revoked desk's last error is the revocation, already explained above the list.
    ...(status.revoked ? [] : [['Lỗi gần nhất', status.lastError ?? 'Không có', 'sync-last-error', status.lastError ? 'problem' : undefined] satisfies Fact]),
    ['Đồng hồ', describeSkew(status.clockSkewMs), 'sync-clock'],
  ];

  return (
    <section className="panel sync-status" aria-labelledby="sync-status-title">
      <h3 id="sync-status-title" className="panel__title" tabIndex={-1}>
        Tình trạng đồng bộ
      </h3>
      {status.revoked && (
        <div className="sync-note sync-note--error" data-testid="sync-revoked">
          <Icon name="lock" />
          <div>
            <p className="sync-note__title">Trung tâm đã thu hồi quyền đồng bộ của máy này</p>
            <p className="sync-note__text">Máy vẫn tiếp nhận và trả hồ sơ bình thường; các thay đổi được giữ trên máy. Hãy xin quản trị viên trung tâm một mã đăng ký mới và đăng ký lại ở dưới.</p>
          </div>
        </div>
      )}
      {status.clockWarning && (
        <div className="sync-note sync-note--warning" data-testid="sync-clock-warning">
          <Icon name="clock" />
          <div>
            <p className="sync-note__title">Đồng hồ của máy bị lệch</p>
            <p className="sync-note__text">{status.clockWarning}</p>
          </div>
        </div>
      )}
      {status.calendarWarning && (
        <div className="sync-note sync-note--warning" data-testid="sync-calendar-warning">
          <Icon name="warning" />
          <div>
            <p className="sync-note__title">Lịch làm việc từ trung tâm chưa được áp dụng</p>
            {status.calendarWarning.split('\n').map((line) => (
              <p className="sync-note__text" key={line}>
                {line}
              </p>
            ))}
          </div>
        </div>
      )}
      {status.catalogueWarning && (
        <div className="sync-note sync-note--warning" data-testid="sync-catalogue-warning">
          <Icon name="warning" />
          <div>
            <p className="sync-note__title">Danh mục đơn vị từ trung tâm chưa được áp dụng</p>
            {status.catalogueWarning.split('\n').map((line) => (
              <p className="sync-note__text" key={line}>
                {line}
              </p>
            ))}
          </div>
        </div>
      )}
      <dl className="sync-facts">
        {facts.map(([label, value, testId, tone]) => (
          <div className="sync-facts__row" key={testId}>
            <dt className="sync-facts__label">{label}</dt>
            <dd className={tone ? `sync-facts__value sync-facts__value--${tone}` : 'sync-facts__value'} data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {/* Kept for a revoked desk too: the button keeps its focus, and pressing it says why nothing moves. */}
      <div className="sync-status__actions">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus mid-round. */}
        <button type="button" className="button" onClick={() => void syncNow()} aria-disabled={syncingNow} data-testid="sync-now">
          {syncingNow ? 'Đang đồng bộ…' : 'Đồng bộ ngay'}
        </button>
        <p className={outcome?.succeeded === false || syncNowError ? 'sync-status__outcome sync-status__outcome--failed' : 'sync-status__outcome'} role="status" data-testid="sync-now-outcome">
          {outcome?.succeeded && `Đã đồng bộ xong lúc ${formatDateTime(outcome.finishedAt)}.`}
          {outcome && !outcome.succeeded && `Chưa đồng bộ được: ${outcome.error ?? ''}`}
          {syncNowError && `Không yêu cầu đồng bộ được: ${syncNowError.message}`}
        </p>
        <button type="button" className="button button--secondary sync-status__unenroll" onClick={() => setConfirmingUnenroll(true)} data-testid="sync-unenroll">
          Hủy đăng ký với trung tâm
        </button>
      </div>
      {confirmingUnenroll && (
        <UnenrollDialog
          status={status}
          onClose={(left) => {
            setConfirmingUnenroll(false);
            // Left: the enrollment form replaces this panel and takes the focus; else back to the button.
            const target = left ? '#sync-centre-url' : '[data-testid="sync-unenroll"]';
            window.setTimeout(() => document.querySelector<HTMLElement>(target)?.focus(), 0);
          }}
        />
      )}
    </section>
  );
}
