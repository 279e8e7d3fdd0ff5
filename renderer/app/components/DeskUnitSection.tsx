import { useEffect, useState } from 'react';
import { DeskUnitPanel } from '../../features/desk-unit/components/DeskUnitPanel.js';
import { createDeskUnitStore } from '../../features/desk-unit/store/desk-unit-store.js';
import { DeskUnitStoreProvider } from '../../features/desk-unit/store/desk-unit-store-context.js';
import { useShellStore } from '../../features/shell/store/shell-store-context.js';
import { useBackend } from './backend-context.js';

/** The desk's unit on the settings screen, with its own store; the header follows a saved change. */
export function DeskUnitSection() {
  const backend = useBackend();
  const [store] = useState(() => createDeskUnitStore(backend));
  const reloadHeader = useShellStore((state) => state.loadInfo);
  // The header names the unit and the station from app.info: read it again after a move or a save.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (previous.settings !== null && state.settings !== previous.settings) void reloadHeader();
      }),
    [store, reloadHeader],
  );
  return (
    <DeskUnitStoreProvider store={store}>
      <DeskUnitPanel />
    </DeskUnitStoreProvider>
  );
}
