import { useState } from 'react';
import { AboutPanel } from '../../features/about/components/AboutPanel.js';
import { createAboutStore } from '../../features/about/store/about-store.js';
import { AboutStoreProvider } from '../../features/about/store/about-store-context.js';
import { useBackend } from './backend-context.js';

/** "Thông tin ứng dụng", reachable before sign-in too: support asks for it when nothing else works. */
export function AboutScreen() {
  const backend = useBackend();
  const [store] = useState(() => createAboutStore(backend));
  return (
    <AboutStoreProvider store={store}>
      <AboutPanel />
    </AboutStoreProvider>
  );
}
