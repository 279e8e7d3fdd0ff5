import { useState } from 'react';
import { DeskUnitPanel } from '../../features/desk-unit/components/DeskUnitPanel.js';
import { createDeskUnitStore } from '../../features/desk-unit/store/desk-unit-store.js';
import { DeskUnitStoreProvider } from '../../features/desk-unit/store/desk-unit-store-context.js';
import { useBackend } from './backend-context.js';

/** The desk's unit on the settings screen, with its own store. */
export function DeskUnitSection() {
  const backend = useBackend();
  const [store] = useState(() => createDeskUnitStore(backend));
  return (
    <DeskUnitStoreProvider store={store}>
      <DeskUnitPanel />
    </DeskUnitStoreProvider>
  );
}
