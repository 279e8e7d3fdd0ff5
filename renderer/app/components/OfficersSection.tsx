import { useState } from 'react';
import { useSessionStore } from '../../features/auth/store/session-store-context.js';
import { OfficersScreen } from '../../features/officers/components/OfficersScreen.js';
import { createOfficersStore } from '../../features/officers/store/officers-store.js';
import { OfficersStoreProvider } from '../../features/officers/store/officers-store-context.js';
import { useBackend } from './backend-context.js';

/** The officers' accounts screen, with its own store, told who is signed in (their own row has no actions). */
export function OfficersSection() {
  const backend = useBackend();
  const signedInId = useSessionStore((state) => state.officer?.id ?? '');
  const [store] = useState(() => createOfficersStore(backend));
  return (
    <OfficersStoreProvider store={store}>
      <OfficersScreen signedInId={signedInId} />
    </OfficersStoreProvider>
  );
}
