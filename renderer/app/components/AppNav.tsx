import { Kbd } from '../../ui/Kbd.js';
import { SHORTCUT_LABELS } from '../../ui/shortcuts.js';
import type { Route } from '../routing/routes.js';

interface AppNavProps {
  route: Route;
  isSupervisor: boolean;
  onHandBackList(): void;
}

/** The desk's main places, each with its shortcut shown beside it. */
export function AppNav({ route, isSupervisor, onHandBackList }: AppNavProps) {
  const current = (name: Route['name']) => (route.name === name ? ('page' as const) : undefined);
  return (
    <nav className="app-nav" aria-label="Chức năng chính">
      <a className="app-nav__link app-nav__link--primary" href="#/tiep-nhan" aria-current={current('intake')} aria-keyshortcuts="F2 Alt+N">
        Tiếp nhận hồ sơ <Kbd keys={SHORTCUT_LABELS.newDossier} />
      </a>
      <a className="app-nav__link" href="#/ho-so" aria-current={route.name === 'worklist' || route.name === 'dossier' ? 'page' : undefined} aria-keyshortcuts="F3 Control+F">
        Danh sách hồ sơ <Kbd keys={SHORTCUT_LABELS.search} />
      </a>
      <button type="button" className="app-nav__link" onClick={onHandBackList} aria-current={current('handback')} aria-keyshortcuts="F4">
        Trả kết quả <Kbd keys={SHORTCUT_LABELS.handBackList} />
      </button>
      <a className="app-nav__link" href="#/in/06">
        Sổ theo dõi (mẫu 06)
      </a>
      {isSupervisor && (
        <a className="app-nav__link" href="#/bao-cao" aria-current={current('reports')}>
          Báo cáo
        </a>
      )}
      {isSupervisor && (
        <a className="app-nav__link" href="#/dong-bo" aria-current={current('syncSettings')}>
          Cài đặt
        </a>
      )}
      {isSupervisor && (
        <a className="app-nav__link" href="#/can-bo" aria-current={current('officers')}>
          Cán bộ
        </a>
      )}
      <a className="app-nav__link app-nav__link--end" href="#/thong-tin" aria-current={current('about')}>
        Thông tin ứng dụng
      </a>
    </nav>
  );
}
