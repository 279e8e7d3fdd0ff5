import { useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { Kbd } from '../../../ui/Kbd.js';
import { ModalDialog } from '../../../ui/ModalDialog.js';
import { useSyncStatusStore } from '../store/sync-stores-context.js';
import { describePending } from './labels.js';

/**
 * Confirms leaving the centre. With changes not yet sent, the core
 * refuses unless forced; forcing deletes nothing on the desk, they wait for the next enrollment.
 */
export function UnenrollDialog({ status, onClose }: { status: SyncStatus; onClose(left: boolean): void }) {
  const unenroll = useSyncStatusStore((state) => state.unenroll);
  const busy = useSyncStatusStore((state) => state.unenrolling);
  const error = useSyncStatusStore((state) => state.unenrollError);
  const clearError = useSyncStatusStore((state) => state.clearUnenrollError);
  const waiting = status.pendingEvents > 0 || (status.pendingScans ?? 0) > 0;
  const [force, setForce] = useState(false);

  const close = (left: boolean): void => {
    clearError();
    onClose(left);
  };

  return (
    <ModalDialog
      id="unenroll"
      title="Hủy đăng ký máy với trung tâm?"
      describedBy="unenroll-text"
      className="sync-unenroll"
      testId="unenroll-dialog"
      onCancel={() => close(false)}
      onSubmit={() => void unenroll(force).then((left) => left && close(true))}
    >
      <p id="unenroll-text">
        Máy ngừng đồng bộ với {status.centreUrl ?? 'trung tâm'} và xoá mã xác thực của máy khỏi kho bí mật. Hồ sơ, bản quét và sổ theo dõi trên máy không bị xoá; máy vẫn tiếp nhận và trả hồ sơ. Muốn đồng
        bộ lại, cần mã đăng ký mới từ quản trị viên trung tâm.
      </p>
      {waiting && (
        <div className="sync-note sync-note--warning">
          <div>
            <p className="sync-note__title">Còn dữ liệu chưa gửi: {describePending(status)}</p>
            <p className="sync-note__text">Nên đồng bộ xong trước. Nếu vẫn hủy, phần chưa gửi được giữ trên máy và sẽ gửi khi máy đăng ký lại.</p>
            <label className="sync-unenroll__force">
              <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} data-testid="unenroll-force" /> Vẫn hủy đăng ký khi còn dữ liệu chưa gửi
            </label>
          </div>
        </div>
      )}
      {error && <ErrorNotice error={error} title="Chưa hủy đăng ký" />}
      <div className="sync-unenroll__actions">
        {/* The safe answer takes the focus when something is still waiting (not the force box). */}
        <button type="submit" className="button button--danger" aria-disabled={busy} data-autofocus={waiting ? undefined : true}>
          Hủy đăng ký
        </button>
        <button type="button" className="button button--secondary" onClick={() => close(false)} data-autofocus={waiting ? true : undefined}>
          Giữ đăng ký <Kbd keys="Esc" />
        </button>
      </div>
    </ModalDialog>
  );
}
