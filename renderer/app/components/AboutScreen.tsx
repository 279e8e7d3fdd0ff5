import { useState } from 'react';
import { AboutPanel } from '../../features/about/components/AboutPanel.js';
import { createAboutStore } from '../../features/about/store/about-store.js';
import { AboutStoreProvider } from '../../features/about/store/about-store-context.js';
import { UpdateFacts } from '../../features/updates/components/UpdateFacts.js';
import { createUpdateStore } from '../../features/updates/store/update-store.js';
import { UpdateStoreProvider } from '../../features/updates/store/update-store-context.js';
import { useBackend } from './backend-context.js';

/** "Thông tin ứng dụng" with the desk's updates, reachable before sign-in too: support asks for it when nothing else works. */
export function AboutScreen() {
  const backend = useBackend();
  const [store] = useState(() => createAboutStore(backend));
  const [updates] = useState(() => createUpdateStore(window.desk));
  return (
    <AboutStoreProvider store={store}>
      <AboutPanel>
        <UpdateStoreProvider store={updates}>
          <UpdateFacts />
        </UpdateStoreProvider>
      </AboutPanel>
    </AboutStoreProvider>
  );
}
