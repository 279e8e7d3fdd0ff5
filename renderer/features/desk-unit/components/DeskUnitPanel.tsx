import { useEffect, useMemo, useState } from 'react';
import type { Unit } from '../../../../shared/contract/catalogue.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { vietnamToday } from '../../../ui/format-date.js';
import { Icon } from '../../../ui/Icon.js';
import { deskUnitFacts, KIND_LABEL } from '../store/desk-unit-facts.js';
import { useDeskUnitStore } from '../store/desk-unit-store-context.js';
import { DeskPhoneForm } from './DeskPhoneForm.js';
import { DeskPlaceForm } from './DeskPlaceForm.js';
import { MoveUnitDialog } from './MoveUnitDialog.js';
import './desk-unit.css';

/**
 * "Đơn vị của bàn làm việc" (supervisors): the desk's unit with its kind and validity; a desk of a unit
 * merged on 1/7/2025 is told so and offered the move to the unit that took it over.
 */
export function DeskUnitPanel() {
  const settings = useDeskUnitStore((state) => state.settings);
  const phone = useDeskUnitStore((state) => state.phone);
  const units = useDeskUnitStore((state) => state.units);
  const loadError = useDeskUnitStore((state) => state.loadError);
  const movedFrom = useDeskUnitStore((state) => state.movedFrom);
  const load = useDeskUnitStore((state) => state.load);
  const [target, setTarget] = useState<Unit | null>(null);
  const today = vietnamToday();

  useEffect(() => {
    void load();
  }, [load]);

  const unitId = settings?.unit?.id ?? null;
  const facts = useMemo(() => {
    const unit = units.find((u) => u.id === unitId);
    return unit === undefined ? null : deskUnitFacts(unit, units, today);
  }, [units, unitId, today]);

  return (
    <section className="desk-unit" aria-labelledby="desk-unit-title" data-testid="desk-unit">
      <h2 id="desk-unit-title" className="desk-unit__title">
        Đơn vị của bàn làm việc
      </h2>
      {loadError && <ErrorNotice error={loadError} context="Không đọc được đơn vị của bàn làm việc." onRetry={() => void load()} />}
      {settings === null && !loadError && <p role="status">Đang tải đơn vị…</p>}
      {settings !== null && settings.unit !== null && (
        <dl className="desk-unit__facts">
          <dt>Đơn vị</dt>
          <dd data-testid="desk-unit-name">{settings.unit.name}</dd>
          <dt>Loại</dt>
          <dd>{facts ? KIND_LABEL[facts.unit.kind] : 'Không rõ'}</dd>
          <dt>Mã GSO</dt>
          <dd>{settings.unit.gsoCode}</dd>
          <dt>Hiệu lực</dt>
          <dd data-testid="desk-unit-validity">{facts ? facts.validityText : 'Không tìm thấy đơn vị trong danh mục'}</dd>
          <dt>Mã định danh cơ quan</dt>
          <dd data-testid="desk-unit-agency">{settings.unit.agencyId}</dd>
          <dt>Số quầy</dt>
          <dd data-testid="desk-unit-station">{settings.station ?? 'Chưa đặt'}</dd>
        </dl>
      )}
      {movedFrom !== null && settings?.unit && (
        <p className="desk-unit__done" role="status" data-testid="desk-unit-moved">
          <Icon name="check" /> Đã chuyển bàn làm việc từ {movedFrom} (đơn vị cũ) sang {settings.unit.name}. Hồ sơ tiếp nhận trước đây vẫn giữ đơn vị và mã hồ sơ cũ.
        </p>
      )}
      {facts?.former && (
        <div className="desk-unit__notice" data-testid="desk-unit-merged">
          <p>
            <Icon name="warning" /> {facts.mergedNotice ?? 'Đơn vị này đã hết hiệu lực; danh mục chưa có đơn vị kế thừa. Hãy chờ trung tâm cập nhật danh mục.'}
          </p>
          {facts.successors.map((successor) => (
            <button key={successor.id} type="button" className="button" onClick={() => setTarget(successor)}>
              Chuyển bàn làm việc sang {successor.name}
            </button>
          ))}
        </div>
      )}
      {settings !== null && settings.unit !== null && <DeskPlaceForm settings={settings} />}
      {settings !== null && <DeskPhoneForm phone={phone} />}
      {target !== null && facts !== null && <MoveUnitDialog from={facts.unit} to={target} onClose={() => setTarget(null)} />}
    </section>
  );
}
