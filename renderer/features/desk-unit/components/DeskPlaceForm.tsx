import { useState, type FormEvent } from 'react';
import type { DeskSettings } from '../../../../shared/contract/setup.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { TextField } from '../../../ui/Field.js';
import { Icon } from '../../../ui/Icon.js';
import { useDeskUnitStore } from '../store/desk-unit-store-context.js';

/**
 * The desk's station number and its unit's agency identifier, after setup. The core refuses another
 * unit's identifier, and on a desk enrolled with the centre any change (the centre holds the desk to
 * them): its message says to un-enrol first. The unit itself changes by the move above, not here.
 */
export function DeskPlaceForm({ settings }: { settings: DeskSettings }) {
  const save = useDeskUnitStore((state) => state.save);
  const busy = useDeskUnitStore((state) => state.moving);
  const error = useDeskUnitStore((state) => state.saveError);
  const errors = useDeskUnitStore((state) => state.saveErrors);
  const saved = useDeskUnitStore((state) => state.saved);
  const [station, setStation] = useState(String(settings.station ?? ''));
  const [agencyId, setAgencyId] = useState(settings.unit?.agencyId ?? '');

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await save(station, agencyId);
  };

  return (
    <form className="desk-unit__place" aria-labelledby="desk-place-title" onSubmit={(event) => void submit(event)} noValidate data-testid="desk-place">
      <h3 id="desk-place-title">Số quầy và mã định danh</h3>
      <div className="desk-unit__place-fields">
        <TextField id="desk-station" label="Số quầy" value={station} onChange={setStation} inputMode="numeric" maxLength={1} error={errors.station} hint="Từ 1 đến 9." required />
        <TextField id="desk-agency" label="Mã định danh cơ quan" value={agencyId} onChange={setAgencyId} error={errors.agencyId} hint="Ví dụ 000.00.31.H49." required />
      </div>
      {error && Object.keys(errors).length === 0 && <ErrorNotice error={error} title="Chưa lưu được" />}
      {saved && (
        <p className="desk-unit__done" role="status" data-testid="desk-place-saved">
          <Icon name="check" /> Đã lưu: quầy số {settings.station}, mã định danh {settings.unit?.agencyId}.
        </p>
      )}
      <button type="submit" className="button" aria-disabled={busy}>
        Lưu số quầy và mã định danh
      </button>
    </form>
  );
}
