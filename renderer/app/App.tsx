import { useState } from 'react';
import type { DeskBackend } from '../backend/desk-backend.js';
import { watchSessionLoss } from '../backend/session-loss.js';
import { storageLockFlag } from '../features/auth/store/lock-flag.js';
import { createSessionStore, type SessionStore } from '../features/auth/store/session-store.js';
import { SessionStoreProvider } from '../features/auth/store/session-store-context.js';
import { createAttachmentsStore } from '../features/attachments/store/attachments-store.js';
import { AttachmentsStoreProvider } from '../features/attachments/store/attachments-store-context.js';
import { selectFileTransfer } from '../features/attachments/transfer/file-transfer.js';
import { createDossierStore } from '../features/dossier/store/dossier-store.js';
import { DossierStoreProvider } from '../features/dossier/store/dossier-store-context.js';
import { createHandbackStore } from '../features/handback/store/handback-store.js';
import { HandbackStoreProvider } from '../features/handback/store/handback-store-context.js';
import { storageDraftStorage } from '../features/intake/store/draft-storage.js';
import { createIntakeStore } from '../features/intake/store/intake-store.js';
import { IntakeStoreProvider } from '../features/intake/store/intake-store-context.js';
import { createSetupStore } from '../features/setup/store/setup-store.js';
import { SetupStoreProvider } from '../features/setup/store/setup-store-context.js';
import { createShellStore } from '../features/shell/store/shell-store.js';
import { ShellStoreProvider } from '../features/shell/store/shell-store-context.js';
import { createSyncStores } from '../features/sync/store/sync-stores.js';
import { SyncStoresProvider } from '../features/sync/store/sync-stores-context.js';
import { createWorklistStore } from '../features/worklist/store/worklist-store.js';
import { WorklistStoreProvider } from '../features/worklist/store/worklist-store-context.js';
import { AppFrame } from './components/AppFrame.js';
import { BackendProvider } from './components/backend-context.js';
import './styles/app.css';

/** Composes the features; each gets its own store, made once per mounted app. */
export function App({ backend: core, storage = window.localStorage }: { backend: DeskBackend; storage?: Storage }) {
  const [stores] = useState(() => {
    // Every store talks through the watch, so a session the core lost brings back the sign-in screen.
    let session: SessionStore | null = null;
    const backend = watchSessionLoss(core, () => void session?.getState().sessionLost());
    session = createSessionStore(backend, storageLockFlag(storage));
    const worklist = createWorklistStore(backend);
    // The next officer at the desk does not find the previous one's search.
    session.subscribe((state, previous) => {
      if (state.phase === 'signedOut' && previous.phase !== 'signedOut') worklist.getState().forgetSearch();
    });
    return {
      backend,
      session,
      shell: createShellStore(backend),
      setup: createSetupStore(backend),
      // The unfinished intake survives a restart: it is kept in the desk's own storage as it is typed.
      intake: createIntakeStore(backend, { drafts: storageDraftStorage(storage) }),
      worklist,
      dossier: createDossierStore(backend),
      handback: createHandbackStore(backend),
      attachments: createAttachmentsStore(backend, selectFileTransfer(window, document)),
      sync: createSyncStores(backend),
    };
  });
  return (
    <BackendProvider backend={stores.backend}>
      <ShellStoreProvider store={stores.shell}>
        <SessionStoreProvider store={stores.session}>
          <SetupStoreProvider store={stores.setup}>
            <IntakeStoreProvider store={stores.intake}>
              <WorklistStoreProvider store={stores.worklist}>
                <DossierStoreProvider store={stores.dossier}>
                  <AttachmentsStoreProvider store={stores.attachments}>
                    <HandbackStoreProvider store={stores.handback}>
                      <SyncStoresProvider stores={stores.sync}>
                        <AppFrame
                          onSetupDone={(session) => {
                            stores.session.getState().acceptSession(session);
                            // The header shows the unit and station the first start just chose.
                            void stores.shell.getState().loadInfo();
                          }}
                          openHandBackList={() => {
                            stores.worklist.getState().showOnlyStatus('9');
                            window.location.hash = '#/ho-so';
                          }}
                          openSearch={() => {
                            // F3 searches every dossier: F4's narrowing to status 9 does not carry over.
                            stores.worklist.getState().leaveStatusOnly();
                            window.location.hash = '#/ho-so';
                          }}
                        />
                      </SyncStoresProvider>
                    </HandbackStoreProvider>
                  </AttachmentsStoreProvider>
                </DossierStoreProvider>
              </WorklistStoreProvider>
            </IntakeStoreProvider>
          </SetupStoreProvider>
        </SessionStoreProvider>
      </ShellStoreProvider>
    </BackendProvider>
  );
}
