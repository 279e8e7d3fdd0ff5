import { formatDateTime } from '../../../ui/format-date.js';
import './updates.css';
import { UPDATE_PHASE_LABELS } from '../store/update-store.js';
import { useUpdateStore } from '../store/update-store-context.js';
import { useUpdateRefresh } from './use-update-refresh.js';

/** The about panel's "Cập nhật" part: channel, update state, last check (the Electron desk only). */
export function UpdateFacts() {
  const available = useUpdateStore((state) => state.available);
  const update = useUpdateStore((state) => state.update);
  useUpdateRefresh();
  if (!available) {
    return (
      <p className="update-facts__note" data-testid="update-browser">
        Bản chạy trong trình duyệt không tự cập nhật; ứng dụng trên máy quầy nhận bản cập nhật từ trung tâm.
      </p>
    );
  }
  if (update === null) return null;
  const facts: [label: string, value: string, testId: string][] = [
    ['Kênh cập nhật', update.channel, 'update-channel'],
    ['Trạng thái cập nhật', UPDATE_PHASE_LABELS[update.phase], 'update-phase'],
    ['Bản mới', update.availableVersion ?? '—', 'update-available-version'],
    ['Kiểm tra lần cuối', update.lastCheckAt === null ? 'Chưa kiểm tra' : formatDateTime(update.lastCheckAt), 'update-last-check'],
  ];
  if (update.downloadPercent !== null) facts.push(['Đã tải', `${update.downloadPercent}%`, 'update-percent']);
  if (update.lastError !== null) facts.push(['Lỗi gần nhất', update.lastError, 'update-error']);
  return (
    <dl className="facts" aria-label="Cập nhật">
      {facts.map(([label, value, testId]) => (
        <div className="facts__row" key={testId}>
          <dt className="facts__label">{label}</dt>
          <dd className="facts__value" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
