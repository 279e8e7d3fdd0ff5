import { useEffect } from 'react';
import type { SessionInfo } from '../../../shared/contract/setup.js';
import { OfficerBadge } from '../../features/auth/components/OfficerBadge.js';
import { useIdleLock } from '../../features/auth/hooks/use-idle-lock.js';
import { useSessionStore } from '../../features/auth/store/session-store-context.js';
import { PrintPage } from '../../features/forms/components/PrintPage.js';
import { usePrintRoute } from '../../features/forms/hooks/use-print-route.js';
import { ShellLayout } from '../../features/shell/components/ShellLayout.js';
import { useBackend } from './backend-context.js';
import { DeskGate } from './DeskGate.js';

interface AppFrameProps {
  onSetupDone(session: SessionInfo): void;
  openHandBackList(): void;
  openSearch(): void;
}

/**
 * The shell around every screen, except the print views (#/in/<form>/…): those stand alone so only the
 * A4 sheets reach paper — but only for a signed-in, unlocked desk, since they show citizens' data.
 */
export function AppFrame({ onSetupDone, openHandBackList, openSearch }: AppFrameProps) {
  const backend = useBackend();
  const printRoute = usePrintRoute();
  const signedIn = useSessionStore((state) => state.phase === 'signedIn');
  const check = useSessionStore((state) => state.check);
  const lock = useSessionStore((state) => state.lock);

  useEffect(() => {
    void check();
  }, [check]);
  useIdleLock(lock, signedIn);

  if (printRoute && signedIn) return <PrintPage {...printRoute} backend={backend} />;
  return (
    <ShellLayout headerEnd={<OfficerBadge />}>
      <DeskGate onSetupDone={onSetupDone} openHandBackList={openHandBackList} openSearch={openSearch} />
    </ShellLayout>
  );
}
