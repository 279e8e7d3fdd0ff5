import { useState } from 'react';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { useBackupStore } from '../store/backup-store-context.js';
import { PickFolderButton } from './PickFolderButton.js';

/**
 * "Khôi phục từ bản sao lưu": lists the backups of a folder and restores one after an explicit
 * confirmation. The desk's current data is kept aside; the restore takes effect when the app reopens.
 */
export function RestorePanel({ defaultFolder }: { defaultFolder: string | null }) {
  const list = useBackupStore((state) => state.list);
  const loadList = useBackupStore((state) => state.loadList);
  const restore = useBackupStore((state) => state.restore);
  const restoring = useBackupStore((state) => state.restoring);
  const restoredName = useBackupStore((state) => state.restoredName);
  const error = useBackupStore((state) => state.actionError);
  const [folder, setFolder] = useState(defaultFolder ?? '');
  const [chosen, setChosen] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  if (restoredName !== null) {
    return (
      <p role="status" data-testid="restore-staged">
        Đã chuẩn bị khôi phục bản sao lưu {restoredName}. Hãy đóng và mở lại ứng dụng để hoàn tất; dữ liệu hiện tại được giữ lại riêng, không bị xoá.
      </p>
    );
  }
  return (
    <div className="backup-restore">
      <h4>Khôi phục từ bản sao lưu</h4>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void loadList(folder.trim() === '' ? undefined : folder.trim());
        }}
      >
        <label>
          Thư mục chứa bản sao lưu
          <input value={folder} onChange={(event) => setFolder(event.target.value)} data-testid="restore-folder" />
        </label>
        <PickFolderButton title="Chọn thư mục chứa bản sao lưu" onPicked={setFolder} />
        <button type="submit">Xem các bản sao lưu</button>
      </form>
      {error && <ErrorNotice error={error} />}
      {list !== null && list.backups.length === 0 && <p>Thư mục này chưa có bản sao lưu nào.</p>}
      {list !== null && list.backups.length > 0 && (
        <ul className="backup-restore__list">
          {list.backups.map((backup) => (
            <li key={backup.name}>
              <label>
                <input type="radio" name="backup" checked={chosen === backup.name} onChange={() => setChosen(backup.name)} />
                {formatDateTime(backup.createdAt)} — {backup.counts.dossiers.toLocaleString('vi-VN')} hồ sơ, {backup.scans.count.toLocaleString('vi-VN')} tệp quét
              </label>
            </li>
          ))}
        </ul>
      )}
      {chosen !== null && (
        <div className="backup-restore__confirm">
          <label>
            <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} data-testid="restore-confirm" />
            Tôi hiểu: dữ liệu hiện tại của máy sẽ được thay bằng bản sao lưu này (dữ liệu hiện tại được giữ lại riêng).
          </label>
          <button type="button" disabled={!confirmed || restoring} onClick={() => void restore(chosen, list?.folder)}>
            {restoring ? 'Đang khôi phục…' : 'Khôi phục'}
          </button>
        </div>
      )}
    </div>
  );
}
