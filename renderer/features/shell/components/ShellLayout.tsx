import { useEffect, type ReactNode } from 'react';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { useShellStore } from '../store/shell-store-context.js';
import { AppHeader } from './AppHeader.js';
import { CoreBanner } from './CoreBanner.js';
import { StatusBar } from './StatusBar.js';
import './shell.css';

/**
 * The frame around every screen: header with the desk's identity, the work area, the status bar.
 * `headerEnd` is what the app adds to the header's end (the signed-in officer and their buttons).
 */
export function ShellLayout({ children, headerEnd }: { children: ReactNode; headerEnd?: ReactNode }) {
  const loadInfo = useShellStore((state) => state.loadInfo);
  const followSync = useShellStore((state) => state.followSync);
  const infoError = useShellStore((state) => state.infoError);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);
  useEffect(() => followSync(), [followSync]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <AppHeader>{headerEnd}</AppHeader>
      <main id="main" className="shell__main" tabIndex={-1}>
        <div className="shell__content">
          <CoreBanner />
          {infoError && (
            <ErrorNotice
              error={infoError}
              context="Không đọc được đơn vị và quầy của máy này."
              onRetry={() => void loadInfo()}
            />
          )}
          {children}
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
