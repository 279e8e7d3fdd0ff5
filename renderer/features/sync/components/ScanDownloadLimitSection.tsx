import { useEffect, useState } from 'react';
import type { ScanDownloadLimit } from '../../../../shared/sync/desk-commands.js';
import { SCAN_DOWNLOAD_LIMIT_GB } from '../../../../shared/sync/desk-commands.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { useSyncStatusStore } from '../store/sync-stores-context.js';

const gb = (value: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** "Giới hạn dung lượng bản quét tải về": the most disk a replaced desk's scans from the centre may take. */
export function ScanDownloadLimitSection() {
  const limit = useSyncStatusStore((state) => state.scanLimit);
  const error = useSyncStatusStore((state) => state.scanLimitError);
  const load = useSyncStatusStore((state) => state.loadScanLimit);
  const save = useSyncStatusStore((state) => state.setScanLimit);
  // Here, not in the form: the form is made anew when the stored value changes.
  const [saved, setSaved] = useState(false);
  useEffect(() => void load(), [load]);
  return (
    <section className="sync-settings__scan-limit" aria-labelledby="scan-limit-title">
      <h3 id="scan-limit-title">Giới hạn dung lượng bản quét tải về</h3>
      <p>Máy mới hoặc máy khôi phục tải bản quét của đơn vị từ trung tâm; việc tải dừng khi dùng hết giới hạn này.</p>
      {error && <ErrorNotice error={error} context="Không lưu được giới hạn dung lượng bản quét." />}
      {/* A new form when the stored value changes, so the field shows what the core kept. */}
      {limit && <ScanDownloadLimitForm
          key={`${limit.limitGb}-${limit.isDefault}`}
          limit={limit}
          saved={saved}
          onSave={(limitGb) => {
            setSaved(false);
            void save(limitGb).then(setSaved);
          }}
        />}
    </section>
  );
}

function ScanDownloadLimitForm({ limit, saved, onSave }: { limit: ScanDownloadLimit; saved: boolean; onSave: (limitGb: number | null) => void }) {
  const [value, setValue] = useState(String(limit.limitGb));
  return (
    <form
      className="sync-settings__scan-limit-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(value.trim() === '' ? null : Number(value.replace(',', '.')));
      }}
    >
      <label>
        Giới hạn (GB, từ {SCAN_DOWNLOAD_LIMIT_GB.min} đến {SCAN_DOWNLOAD_LIMIT_GB.max}; để trống: mặc định)
        <input inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} data-testid="scan-limit-gb" />
      </label>
      <button type="submit">Lưu giới hạn</button>
      <span role="status" data-testid="scan-limit-state">
        {saved ? 'Đã lưu. ' : ''}Đã dùng {gb(limit.usedGb)} GB / {gb(limit.limitGb)} GB{limit.isDefault ? ' (mặc định)' : ''}.
      </span>
    </form>
  );
}
