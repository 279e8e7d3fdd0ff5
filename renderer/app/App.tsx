import { useState } from 'react';
import type { DeskBackend } from '../backend/desk-backend.js';
import { AboutPanel } from '../features/about/components/AboutPanel.js';
import { createAboutStore } from '../features/about/store/about-store.js';
import { AboutStoreProvider } from '../features/about/store/about-store-context.js';
import { ShellLayout } from '../features/shell/components/ShellLayout.js';
import { createShellStore } from '../features/shell/store/shell-store.js';
import { ShellStoreProvider } from '../features/shell/store/shell-store-context.js';

/** Composes the features; each gets its own store, made once per mounted app. */
export function App({ backend }: { backend: DeskBackend }) {
  const [shellStore] = useState(() => createShellStore(backend));
  const [aboutStore] = useState(() => createAboutStore(backend));
  return (
    <ShellStoreProvider store={shellStore}>
      <ShellLayout>
        <AboutStoreProvider store={aboutStore}>
          <AboutPanel />
        </AboutStoreProvider>
      </ShellLayout>
    </ShellStoreProvider>
  );
}
