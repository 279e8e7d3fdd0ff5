import { createContext, useContext, type ReactNode } from 'react';
import type { DeskBackend } from '../../backend/desk-backend.js';

// Screens composed by the app that make their own store (about, print) find the transport here.
const BackendContext = createContext<DeskBackend | null>(null);

export function BackendProvider({ backend, children }: { backend: DeskBackend; children: ReactNode }) {
  return <BackendContext value={backend}>{children}</BackendContext>;
}

export function useBackend(): DeskBackend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error('useBackend must be used inside <BackendProvider>');
  return backend;
}
