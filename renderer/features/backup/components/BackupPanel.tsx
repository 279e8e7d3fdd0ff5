import { useEffect, useState } from 'react';
import type { BackupSettings } from '../../../../shared/contract/backup.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { useBackupStore } from '../store/backup-store-context.js';
import { RestorePanel } from './RestorePanel.js';
import { PickFolderButton } from './PickFolderButton.js';
import './backup.css';

const PHASES = { database: 'Đang chép cơ sở dữ liệu', scans: 'Đang chép tệp quét', verify: 'Đang kiểm tra', done: 'Xong', failed: 'Không thành công', scansBack: 'Đang chép lại bản quét từ bản sao lưu' } as const;

/** "Sao lưu" on the settings screen (supervisors): where backups go, how many are kept, and a backup now. */
export function BackupPanel() {
  const status = useBackupStore((state) => state.status);
  const loadError = useBackupStore((state) => state.loadError);
  const load = useBackupStore((state) => state.load);
  const follow = useBackupStore((state) => state.follow);
  const configure = useBackupStore((state) => state.configure);
  const run = useBackupStore((state) => state.run);
  const running = useBackupStore((state) => state.running);
  const progress = useBackupStore((state) => state.progress);
  const saved = useBackupStore((state) => state.saved);
  const actionError = useBackupStore((state) => state.actionError);

  useEffect(() => follow(), [follow]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="backup-panel" aria-labelledby="backup-title">
      <h3 id="backup-title">Sao lưu</h3>
      {loadError && <ErrorNotice error={loadError} context="Không đọc được tình trạng sao lưu." onRetry={() => void load()} />}
      {status && (
        <p data-testid="backup-last">
          {status.last === null ? 'Chưa có bản sao lưu nào.' : `Bản sao lưu gần nhất: ${formatDateTime(status.last.at)} (${status.last.folder}).`}
        </p>
      )}
      {status?.warning && (
        <p className="backup-panel__warning" role="alert" data-testid="backup-warning">
          {status.warning}
        </p>
      )}
      {status && <BackupSettingsForm key={JSON.stringify(status.settings)} settings={status.settings} saved={saved} onSave={configure} />}
      <button type="button" onClick={() => void run()} disabled={running} data-testid="backup-now">
        {running ? 'Đang sao lưu…' : 'Sao lưu ngay'}
      </button>
      {progress && (
        <p role="status" data-testid="backup-progress">
          <progress max={progress.total || 1} value={progress.done} /> {PHASES[progress.phase]} ({progress.done}/{progress.total})
        </p>
      )}
      {actionError && <ErrorNotice error={actionError} />}
      <RestorePanel defaultFolder={status?.settings.folder ?? null} />
    </section>
  );
}

/** The folder and the numbers, filled from the stored settings (a new form when they change). */
function BackupSettingsForm({ settings, saved, onSave }: { settings: BackupSettings; saved: boolean; onSave: (change: Partial<BackupSettings>) => Promise<boolean> }) {
  const [folder, setFolder] = useState(settings.folder ?? '');
  const [keep, setKeep] = useState(String(settings.keep));
  const [warnDays, setWarnDays] = useState(String(settings.warnDays));
  return (
    <form
      className="backup-panel__form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave({ folder: folder.trim() === '' ? null : folder.trim(), keep: Number(keep), warnDays: Number(warnDays) });
      }}
    >
      <label>
        Thư mục sao lưu (ổ USB hoặc ổ mạng)
        <input value={folder} onChange={(event) => setFolder(event.target.value)} data-testid="backup-folder" />
      </label>
      <PickFolderButton title="Chọn thư mục sao lưu" onPicked={setFolder} />
      <label>
        Số bản giữ lại
        <input type="number" min={1} max={365} value={keep} onChange={(event) => setKeep(event.target.value)} />
      </label>
      <label>
        Cảnh báo khi bản gần nhất cũ hơn (ngày)
        <input type="number" min={1} max={90} value={warnDays} onChange={(event) => setWarnDays(event.target.value)} />
      </label>
      <button type="submit">Lưu cài đặt sao lưu</button>
      {saved && <span role="status">Đã lưu.</span>}
    </form>
  );
}
