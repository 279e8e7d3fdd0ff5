import { useEffect, useState } from 'react';
import { AttachmentsPanel } from '../../features/attachments/components/AttachmentsPanel.js';
import { CalendarLink } from '../../features/calendar/components/CalendarLink.js';
import { CalendarScreen } from '../../features/calendar/components/CalendarScreen.js';
import { NextYearCalendarNotice } from '../../features/calendar/components/NextYearCalendarNotice.js';
import { DossierPage } from '../../features/dossier/components/DossierPage.js';
import { HandbackScreen } from '../../features/handback/components/HandbackScreen.js';
import { IntakeScreen } from '../../features/intake/components/IntakeScreen.js';
import { ReportsPage } from '../../features/reports/components/ReportsPage.js';
import { DossierSyncBadge } from '../../features/sync/components/DossierSyncBadge.js';
import { SyncSettingsScreen } from '../../features/sync/components/SyncSettingsScreen.js';
import { SupportLogsButton } from '../../features/support/components/SupportLogsButton.js';
import { useDossierSyncStore } from '../../features/sync/store/sync-stores-context.js';
import { UpdateNotice } from '../../features/updates/components/UpdateNotice.js';
import { createUpdateStore } from '../../features/updates/store/update-store.js';
import { UpdateStoreProvider } from '../../features/updates/store/update-store-context.js';
import { WorklistScreen } from '../../features/worklist/components/WorklistScreen.js';
import { useWorklistStore } from '../../features/worklist/store/worklist-store-context.js';
import { ScreenErrorBoundary } from '../../ui/ScreenErrorBoundary.js';
import { useShortcut } from '../../ui/use-shortcut.js';
import { useBackend } from './backend-context.js';
import { RenderFaultProbe } from './RenderFaultProbe.js';
import { printHash, type Route } from '../routing/routes.js';
import { AboutScreen } from './AboutScreen.js';
import { AppNav } from './AppNav.js';
import { BackupSection } from './BackupSection.js';
import { DeskUnitSection } from './DeskUnitSection.js';
import { OfficersSection } from './OfficersSection.js';

interface DeskScreensProps {
  route: Route;
  go(to: Route | string): void;
  isSupervisor: boolean;
  /** Shows the work list filtered to results waiting to be handed back (status 9). */
  openHandBackList(): void;
  /** Shows the work list for a search through every dossier (F3, the menu's link). */
  openSearch(): void;
}

/** The signed-in desk: the navigation and the screen the route names, wired to each other (print views: AppFrame). */
export function DeskScreens({ route, go, isSupervisor, openHandBackList, openSearch }: DeskScreensProps) {
  useShortcut('newDossier', () => go({ name: 'intake' }), route.name !== 'intake');
  // On the work list its own handler focuses the search box (and widens an F4 list the same way).
  useShortcut('search', openSearch, route.name !== 'worklist');
  useShortcut('handBackList', openHandBackList);
  // Per-dossier sync badges follow the agent while an officer is signed in (the command needs one).
  const followDossierSync = useDossierSyncStore((state) => state.follow);
  // F4's list (results waiting) opens a row straight into hand-back, the reason the officer pressed F4.
  const handBackList = useWorklistStore((state) => state.statusOnly && state.filters.status === '9');
  useEffect(() => followDossierSync(), [followDossierSync]);
  const [updates] = useState(() => createUpdateStore(window.desk));
  const backend = useBackend();

  return (
    <>
      <AppNav route={route} isSupervisor={isSupervisor} onHandBackList={openHandBackList} />
      {isSupervisor && <NextYearCalendarNotice screen={route.name} />}
      <UpdateStoreProvider store={updates}>
        <UpdateNotice intakeOpen={route.name === 'intake'} />
      </UpdateStoreProvider>
      <ScreenErrorBoundary
        screen={route.name}
        onCrash={(report) => void backend.invoke('app.recordCrash', report).catch(() => undefined)}
        onLeave={() => go({ name: 'worklist' })}
      >
      <RenderFaultProbe screen={route.name} />
      {route.name === 'worklist' && (
        <WorklistScreen onOpen={(dossierId) => go({ name: handBackList ? 'handback' : 'dossier', dossierId })} renderSyncState={renderSyncBadge} />
      )}
      {route.name === 'intake' && (
        <IntakeScreen
          onFinished={({ decision, detail }) => go(printHash(decision === 'accept' ? '01' : decision === 'supplement' ? '02' : '03', detail.state.id))}
          onLeave={() => go({ name: 'worklist' })}
        />
      )}
      {route.name === 'dossier' && (
        <DossierPage
          key={route.dossierId}
          dossierId={route.dossierId}
          isSupervisor={isSupervisor}
          onBack={() => go({ name: 'worklist' })}
          onPrint={(form) => go(printHash(form, route.dossierId))}
          onHandBack={() => go({ name: 'handback', dossierId: route.dossierId })}
          renderAttachments={(detail) => <AttachmentsPanel detail={detail} />}
          renderSyncState={(dossierId) => <DossierSyncBadge dossierId={dossierId} large />}
        />
      )}
      {route.name === 'handback' && (
        <HandbackScreen key={route.dossierId} dossierId={route.dossierId} onBack={() => go({ name: 'dossier', dossierId: route.dossierId })} onFinished={() => go({ name: 'worklist' })} />
      )}
      {route.name === 'reports' && (isSupervisor ? <ReportsPage /> : <p role="alert">Chỉ cán bộ giám sát xem được báo cáo.</p>)}
      {route.name === 'syncSettings' &&
        (isSupervisor ? (
          <>
            <SyncSettingsScreen />
            <CalendarLink />
            <DeskUnitSection />
            <BackupSection />
          </>
        ) : (
          <p role="alert">Chỉ cán bộ giám sát cài đặt được việc đồng bộ.</p>
        ))}
      {route.name === 'calendar' && (isSupervisor ? <CalendarScreen /> : <p role="alert">Chỉ cán bộ giám sát sửa được lịch làm việc.</p>)}
      {route.name === 'officers' && (isSupervisor ? <OfficersSection /> : <p role="alert">Chỉ cán bộ giám sát quản lý được tài khoản cán bộ.</p>)}
      {route.name === 'about' && (
        <>
          <AboutScreen />
          <SupportLogsButton />
        </>
      )}
      </ScreenErrorBoundary>
    </>
  );
}

const renderSyncBadge = (dossierId: string) => <DossierSyncBadge dossierId={dossierId} />;
