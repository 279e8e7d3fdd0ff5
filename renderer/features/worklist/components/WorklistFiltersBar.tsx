import type { KeyboardEvent, Ref } from 'react';
import { STATUS_CODES, STATUS_LABELS } from '../../../../shared/domain/dossier/lifecycle.js';
import { parseTypedDate } from '../../../ui/format-date.js';
import { Kbd } from '../../../ui/Kbd.js';
import { hasActiveFilters } from '../store/worklist-filters.js';
import { useWorklistStore } from '../store/worklist-store-context.js';
import { ProcedureFilter } from './ProcedureFilter.js';
import { CHANNEL_SHORT } from './row-labels.js';

/** One search box (people's names without diacritics, code, ID, phone) and the filters beside it. */
export function WorklistFiltersBar({ searchRef, onLeaveSearch }: { searchRef: Ref<HTMLInputElement>; onLeaveSearch(): void }) {
  const filters = useWorklistStore((state) => state.filters);
  const setFilters = useWorklistStore((state) => state.setFilters);
  const clearFilters = useWorklistStore((state) => state.clearFilters);
  const fromInvalid = filters.receivedFrom.trim() !== '' && parseTypedDate(filters.receivedFrom) === null;
  const toInvalid = filters.receivedTo.trim() !== '' && parseTypedDate(filters.receivedTo) === null;

  // From the search box, ↓ or Enter goes to the list: type, then walk the results with the arrows.
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if ((event.key === 'ArrowDown' || event.key === 'Enter') && !event.ctrlKey) {
      event.preventDefault();
      onLeaveSearch();
    }
  };

  return (
    <div className="worklist-filters worklist-filters--line" role="search" aria-label="Tìm hồ sơ">
      <div className="field worklist-filters__search">
        <label className="field__label" htmlFor="worklist-search">
          Tìm hồ sơ <Kbd keys="F3 / Ctrl+F" />
        </label>
        <input
          id="worklist-search"
          ref={searchRef}
          className="field__input"
          type="search"
          autoComplete="off"
          placeholder="Mã hồ sơ, tên (không cần dấu), số CCCD hoặc số điện thoại"
          value={filters.text}
          onChange={(event) => setFilters({ text: event.target.value })}
          onKeyDown={onSearchKeyDown}
          data-testid="worklist-search"
        />
      </div>
      <div className="worklist-filters__row">
        <div className="field">
          <label className="field__label" htmlFor="worklist-status">
            Trạng thái
          </label>
          <select id="worklist-status" className="field__input field__select" value={filters.status} onChange={(event) => setFilters({ status: event.target.value as typeof filters.status })}>
            <option value="">Tất cả</option>
            {STATUS_CODES.map((code) => (
              <option key={code} value={String(code)}>
                {code}. {STATUS_LABELS[code]}
              </option>
            ))}
          </select>
        </div>
        <ProcedureFilter />
        <div className="field">
          <label className="field__label" htmlFor="worklist-channel">
            Kênh
          </label>
          <select id="worklist-channel" className="field__input field__select" value={filters.channel} onChange={(event) => setFilters({ channel: event.target.value as typeof filters.channel })}>
            <option value="">Tất cả</option>
            {([1, 2, 3] as const).map((channel) => (
              <option key={channel} value={String(channel)}>
                {CHANNEL_SHORT[channel]}
              </option>
            ))}
          </select>
        </div>
        <div className="field worklist-filters__date">
          <label className="field__label" htmlFor="worklist-from">
            Tiếp nhận từ ngày
          </label>
          <input
            id="worklist-from"
            className="field__input"
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            value={filters.receivedFrom}
            onChange={(event) => setFilters({ receivedFrom: event.target.value })}
            aria-invalid={fromInvalid || undefined}
            aria-describedby={fromInvalid ? 'worklist-from-error' : undefined}
          />
          {fromInvalid && (
            <p id="worklist-from-error" className="field__error">
              Ngày dạng ngày/tháng/năm
            </p>
          )}
        </div>
        <div className="field worklist-filters__date">
          <label className="field__label" htmlFor="worklist-to">
            đến ngày
          </label>
          <input
            id="worklist-to"
            className="field__input"
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            value={filters.receivedTo}
            onChange={(event) => setFilters({ receivedTo: event.target.value })}
            aria-invalid={toInvalid || undefined}
            aria-describedby={toInvalid ? 'worklist-to-error' : undefined}
          />
          {toInvalid && (
            <p id="worklist-to-error" className="field__error">
              Ngày dạng ngày/tháng/năm
            </p>
          )}
        </div>
        <div className="worklist-filters__checks">
          <label className="choice">
            <input type="checkbox" checked={filters.overdue} onChange={(event) => setFilters({ overdue: event.target.checked })} />
            Quá hạn
          </label>
          <label className="choice">
            <input type="checkbox" checked={filters.dueSoon} onChange={(event) => setFilters({ dueSoon: event.target.checked })} />
            Đến hạn trong 24 giờ
          </label>
        </div>
        <button type="button" className="button button--secondary" onClick={clearFilters} disabled={!hasActiveFilters(filters)}>
          Bỏ lọc
        </button>
      </div>
    </div>
  );
}
