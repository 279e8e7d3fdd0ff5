import { useEffect } from 'react';
import { formatDateTime } from '../../../ui/format-date.js';
import { Icon, type IconName } from '../../../ui/Icon.js';
import { useShellStore } from '../store/shell-store-context.js';
import { describeLastError, describeLastSuccess, describeProgress, describeSync, progressFraction, syncTone, type SyncTone } from './describe-sync.js';
import './status-bar.css';

const TONE_ICONS: Record<SyncTone, IconName | null> = { ok: 'check', busy: 'clock', warning: 'warning', error: 'alert', off: null };

/**
 * The bottom line of every screen: sync with the centre (what waits, the last success, the last error,
 * a wrong clock), then the version and the data folder. The sync part is a polite live region so a
 * screen reader hears a change without losing its place; the progress bar sits outside it, since it
 * moves several times a second.
 */
export function StatusBar() {
  const sync = useShellStore((state) => state.sync);
  const loadSync = useShellStore((state) => state.loadSync);
  const version = useShellStore((state) => state.info?.version ?? null);
  const dataDir = useShellStore((state) => state.info?.dataDir ?? null);
  const backup = useShellStore((state) => state.backup);
  const loadBackup = useShellStore((state) => state.loadBackup);
  const followBackup = useShellStore((state) => state.followBackup);

  useEffect(() => {
    void loadSync();
  }, [loadSync]);
  // Read again each minute too: after a sign-in (refused before it) and as the last backup ages.
  useEffect(() => {
    void loadBackup();
    const timer = window.setInterval(() => void loadBackup(), 60_000);
    const stop = followBackup();
    return () => {
      window.clearInterval(timer);
      stop();
    };
  }, [loadBackup, followBackup]);

  const tone = syncTone(sync);
  const icon = TONE_ICONS[tone];
  const lastSuccess = describeLastSuccess(sync);
  const lastError = describeLastError(sync);
  const progress = describeProgress(sync.progress);
  const fraction = progressFraction(sync.progress);
  return (
    <footer className="status-bar">
      <div className="status-bar__sync" role="status">
        <p className={`status-bar__item status-bar__headline status-bar__headline--${tone}`} data-testid="status-sync">
          {icon && <Icon name={icon} />}
          Đồng bộ: {describeSync(sync)}
        </p>
        {lastSuccess && (
          <p className="status-bar__item" data-testid="status-sync-last-success">
            {lastSuccess}
          </p>
        )}
        {lastError && (
          <p className="status-bar__item status-bar__problem" data-testid="status-sync-error" title={lastError}>
            {lastError}
          </p>
        )}
        {sync.clockWarning && (
          <p className="status-bar__item status-bar__clock" data-testid="status-sync-clock" title={sync.clockWarning}>
            <Icon name="clock" />
            {sync.clockWarning}
          </p>
        )}
        {sync.scanDownloadWarning && (
          <p className="status-bar__item status-bar__problem" data-testid="status-scan-download" title={sync.scanDownloadWarning}>
            {sync.scanDownloadWarning}
          </p>
        )}
      </div>
      {progress && (
        <p className="status-bar__item status-bar__progress" data-testid="status-sync-progress">
          {/* Without a value the bar is indeterminate (a pull's total is not known in advance). */}
          <progress max={1} value={fraction ?? undefined} aria-label="Tiến độ đồng bộ" aria-valuetext={progress} />
          <span>{progress}</span>
        </p>
      )}
      {backup && (
        <p className={`status-bar__item${backup.warning ? ' status-bar__problem' : ''}`} data-testid="status-backup" title={backup.warning ?? undefined}>
          {backup.warning ?? `Sao lưu: ${formatDateTime(backup.lastAt!)}`}
        </p>
      )}
      {backup?.scansBack && (
        <p className={`status-bar__item${backup.scansBack.problem ? ' status-bar__problem' : ''}`} data-testid="status-scans-back" title={backup.scansBack.problem ?? undefined}>
          {backup.scansBack.problem ?? `Đang chép lại bản quét từ bản sao lưu: ${backup.scansBack.done}/${backup.scansBack.total ?? '…'}`}
        </p>
      )}
      {version && <p className="status-bar__item">Phiên bản {version}</p>}
      {dataDir && (
        <p className="status-bar__item status-bar__data">
          Dữ liệu:{' '}
          <span className="status-bar__path" title={dataDir}>
            {dataDir}
          </span>
        </p>
      )}
    </footer>
  );
}
