import { useShellStore } from '../store/shell-store-context.js';
import { describeSync } from './describe-sync.js';

export function StatusBar() {
  const sync = useShellStore((state) => state.sync);
  const version = useShellStore((state) => state.info?.version ?? null);
  const dataDir = useShellStore((state) => state.info?.dataDir ?? null);
  return (
    <footer className="status-bar">
      <p className="status-bar__item" role="status" data-testid="status-sync">
        Đồng bộ: {describeSync(sync)}
      </p>
      {version && <p className="status-bar__item">Phiên bản {version}</p>}
      {dataDir && (
        <p className="status-bar__item status-bar__data">
          Dữ liệu:{' '}
          <span className="status-bar__path" title={dataDir}>
            {dataDir}
          </span>
        </p>
      )}
    </footer>
  );
}
