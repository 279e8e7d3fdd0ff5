import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useShellStore } from '../store/shell-store-context.js';

export function AppHeader({ children }: { children?: ReactNode }) {
  const { loaded, failed, unitName, station } = useShellStore(
    useShallow((state) => ({
      loaded: state.info !== null,
      failed: state.info === null && state.infoError !== null,
      unitName: state.info?.unit?.name ?? null,
      station: state.info?.desk.station ?? null,
    })),
  );
  const pending = failed ? 'Không đọc được' : 'Đang tải…';
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <h1 className="app-header__title">Một cửa Hạ Long</h1>
        <p className="app-header__subtitle">Bộ phận tiếp nhận và trả kết quả</p>
      </div>
      <dl className="app-header__identity" aria-label="Đơn vị và quầy">
        <div>
          <dt>Đơn vị</dt>
          <dd data-testid="header-unit">{loaded ? (unitName ?? 'Chưa cấu hình đơn vị') : pending}</dd>
        </div>
        <div>
          <dt>Quầy</dt>
          <dd data-testid="header-station">{loaded ? (station === null ? 'Chưa chọn quầy' : `Quầy số ${station}`) : pending}</dd>
        </div>
      </dl>
      {children}
    </header>
  );
}
