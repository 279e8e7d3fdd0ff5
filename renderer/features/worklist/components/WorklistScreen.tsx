import { useEffect, useRef, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { Kbd } from '../../../ui/Kbd.js';
import { useShortcut } from '../../../ui/use-shortcut.js';
import { isCappedTotal, TOTAL_CAP } from '../store/worklist-store.js';
import { useWorklistStore } from '../store/worklist-store-context.js';
import { DossierTable } from './DossierTable.js';
import { TodayPanel } from './TodayPanel.js';
import { WorklistFiltersBar } from './WorklistFiltersBar.js';
import './worklist.css';

const count = new Intl.NumberFormat('vi-VN');

interface WorklistScreenProps {
  onOpen(dossierId: string): void;
  /** Each row's sync badge (the sync feature), composed in by the app; without it the column is left out. */
  renderSyncState?(dossierId: string): ReactNode;
}

/** "Danh sách hồ sơ": search, filters, the day's numbers and the windowed list. */
export function WorklistScreen({ onOpen, renderSyncState }: WorklistScreenProps) {
  const total = useWorklistStore((state) => state.total);
  const error = useWorklistStore((state) => state.error);
  const refresh = useWorklistStore((state) => state.refresh);
  const follow = useWorklistStore((state) => state.follow);
  const loadTally = useWorklistStore((state) => state.loadTally);
  const loadProcedures = useWorklistStore((state) => state.loadProcedures);
  const flushSearch = useWorklistStore((state) => state.flushSearch);
  const leaveStatusOnly = useWorklistStore((state) => state.leaveStatusOnly);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    refresh();
    void loadTally();
    void loadProcedures();
    return follow();
  }, [refresh, loadTally, loadProcedures, follow]);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  useShortcut('search', () => {
    // F3 searches every dossier: F4's narrowing to results waiting (status 9) ends here.
    leaveStatusOnly();
    searchRef.current?.focus();
    searchRef.current?.select();
  });

  const focusGrid = (): void => document.getElementById('worklist-grid')?.focus();
  // Enter typed before the pause that starts a search: the search runs now, and its list (a new grid,
  // drawn at once) takes the focus; a search arriving later would replace the grid under the officer's
  // keys and drop the focus, so the next Enter opened nothing.
  const leaveSearch = (): void => {
    flushSync(flushSearch);
    focusGrid();
  };
  const totalText = total === null ? 'Đang tải…' : isCappedTotal(total) ? `Hơn ${count.format(TOTAL_CAP)} hồ sơ — hãy thu hẹp tìm kiếm` : `${count.format(total)} hồ sơ`;

  return (
    <section className="worklist" aria-labelledby="worklist-title">
      <div className="screen-header">
        <h2 id="worklist-title" className="screen-header__title">
          Danh sách hồ sơ
        </h2>
        {/* Beside the title, not on a line of its own: at 1366×768 that line is a row of the list. */}
        <p className="worklist__total" role="status" data-testid="worklist-total">
          {totalText}
        </p>
        <p className="screen-header__keys">
          <Kbd keys="↑ ↓" /> chọn · <Kbd keys="Enter" /> mở hồ sơ · <Kbd keys="F3" /> tìm · <Kbd keys="F2" /> tiếp nhận mới
        </p>
      </div>
      <div className="worklist__layout">
        <TodayPanel />
        <div className="worklist__main">
          <WorklistFiltersBar searchRef={searchRef} onLeaveSearch={leaveSearch} />
          {error && <ErrorNotice error={error} context="Không tải được danh sách hồ sơ." onRetry={refresh} />}
          <DossierTable onOpen={onOpen} renderSyncState={renderSyncState} />
        </div>
      </div>
    </section>
  );
}
