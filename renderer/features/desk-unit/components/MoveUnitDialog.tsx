import { useState } from 'react';
import type { Unit } from '../../../../shared/contract/catalogue.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { TextField } from '../../../ui/Field.js';
import { Kbd } from '../../../ui/Kbd.js';
import { ModalDialog } from '../../../ui/ModalDialog.js';
import { useDeskUnitStore } from '../store/desk-unit-store-context.js';

interface MoveUnitDialogProps {
  from: Unit;
  to: Unit;
  onClose(): void;
}

/** The confirmation of a move. */
export function MoveUnitDialog({ from, to, onClose }: MoveUnitDialogProps) {
  const move = useDeskUnitStore((state) => state.move);
  const moving = useDeskUnitStore((state) => state.moving);
  const moveError = useDeskUnitStore((state) => state.moveError);
  const clearMoveError = useDeskUnitStore((state) => state.clearMoveError);
  // The successor's identifier from the catalogue, editable: the administrator confirms the real one.
  const [agencyId, setAgencyId] = useState(to.agencyId);

  const close = (): void => {
    clearMoveError();
    onClose();
  };
  const confirm = async (): Promise<void> => {
    if (await move(to.id, agencyId)) onClose();
  };

  return (
    <ModalDialog
      id="move-unit"
      title={`Chuyển bàn làm việc sang ${to.name}?`}
      describedBy="move-unit-text move-unit-centre"
      className="desk-unit__dialog"
      testId="move-unit-dialog"
      onCancel={close}
      onSubmit={() => void confirm()}
    >
      <p id="move-unit-text">
        Hồ sơ tiếp nhận từ nay mang đơn vị {to.name} (mã GSO {to.gsoCode}) và mã định danh dưới đây. Hồ sơ đã tiếp nhận của {from.name} vẫn giữ đơn vị và mã hồ sơ cũ.
      </p>
      <p id="move-unit-centre" data-testid="move-unit-centre">
        Nếu máy đã đăng ký đồng bộ, trung tâm xác nhận việc chuyển trước (cần có mạng): khi không kết nối được trung tâm, bàn làm việc giữ nguyên đơn vị
        và không thay đổi gì. Sau khi chuyển, hồ sơ cũ của {from.name} (kể cả hồ sơ chưa kịp gửi) vẫn được đồng bộ như trước.
      </p>
      <TextField id="move-unit-agency" label="Mã định danh cơ quan của đơn vị mới" value={agencyId} onChange={setAgencyId} required autoFocus />
      {moveError && <ErrorNotice error={moveError} />}
      <div className="desk-unit__actions">
        <button type="submit" className="button" disabled={moving}>
          Xác nhận chuyển
        </button>
        <button type="button" className="button button--secondary" onClick={close}>
          Huỷ <Kbd keys="Esc" />
        </button>
      </div>
    </ModalDialog>
  );
}
