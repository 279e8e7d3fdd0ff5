import { useState } from 'react';
import { BackupPanel } from '../../features/backup/components/BackupPanel.js';
import { RestorePanel } from '../../features/backup/components/RestorePanel.js';
import { createBackupStore } from '../../features/backup/store/backup-store.js';
import { BackupStoreProvider } from '../../features/backup/store/backup-store-context.js';
import { useBackend } from './backend-context.js';

/** "Sao lưu" on the settings screen, with its own store. */
export function BackupSection() {
  const backend = useBackend();
  const [store] = useState(() => createBackupStore(backend));
  return (
    <BackupStoreProvider store={store}>
      <BackupPanel />
    </BackupStoreProvider>
  );
}

/** The restore part alone, for the first-start screen (a new or reinstalled PC). */
export function FirstStartRestoreSection() {
  const backend = useBackend();
  const [store] = useState(() => createBackupStore(backend));
  return (
    <BackupStoreProvider store={store}>
      <RestorePanel defaultFolder={null} />
    </BackupStoreProvider>
  );
}
