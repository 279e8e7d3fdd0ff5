import { useLayoutEffect } from 'react';
import type { SessionInfo } from '../../../shared/contract/setup.js';
import { ChangePasswordScreen } from '../../features/auth/components/ChangePasswordScreen.js';
import { LockScreen } from '../../features/auth/components/LockScreen.js';
import { SignInScreen } from '../../features/auth/components/SignInScreen.js';
import { useSessionStore } from '../../features/auth/store/session-store-context.js';
import { SetupScreen } from '../../features/setup/components/SetupScreen.js';
import { FirstStartRestoreSection } from './BackupSection.js';
import { ErrorNotice } from '../../ui/ErrorNotice.js';
import { useHashRoute } from '../routing/use-hash-route.js';
import { AboutScreen } from './AboutScreen.js';
import { DeskScreens } from './DeskScreens.js';

interface DeskGateProps {
  onSetupDone(session: SessionInfo): void;
  openHandBackList(): void;
  openSearch(): void;
}

/** First start, sign-in, lock, or the desk itself: what the session allows decides the screen. */
export function DeskGate({ onSetupDone, openHandBackList, openSearch }: DeskGateProps) {
  const phase = useSessionStore((state) => state.phase);
  const error = useSessionStore((state) => state.error);
  const isSupervisor = useSessionStore((state) => state.officer?.role === 'supervisor');
  const mustChangePassword = useSessionStore((state) => state.officer?.mustChangePassword === true);
  const check = useSessionStore((state) => state.check);
  const { route, hash, go } = useHashRoute();
  // Each screen opens at its top: the work area is one scroller, whose position would carry over.
  useLayoutEffect(() => {
    document.getElementById('main')?.scrollTo(0, 0);
  }, [hash, phase]);

  // A locked desk shows the lock screen wherever it was locked (the About page included).
  if (route.name === 'about' && phase !== 'signedIn' && phase !== 'locked') {
    return (
      <>
        <p>
          <a href="#/">← Quay lại</a>
        </p>
        <AboutScreen />
      </>
    );
  }
  switch (phase) {
    case 'checking':
      return <p role="status">Đang kiểm tra phiên làm việc…</p>;
    case 'failed':
      return error ? <ErrorNotice error={error} context="Không kiểm tra được trạng thái của bàn làm việc." onRetry={() => void check()} /> : null;
    case 'setup':
      return (
        <>
          <SetupScreen onDone={onSetupDone} />
          <FirstStartRestoreSection />
        </>
      );
    case 'signedOut':
      return (
        <>
          <SignInScreen />
          <p className="gate__about">
            <a href="#/thong-tin">Thông tin ứng dụng</a>
          </p>
        </>
      );
    case 'locked':
      return <LockScreen />;
    case 'signedIn':
      if (mustChangePassword) return <ChangePasswordScreen />;
      return <DeskScreens route={route} go={go} isSupervisor={isSupervisor} openHandBackList={openHandBackList} openSearch={openSearch} />;
  }
}
