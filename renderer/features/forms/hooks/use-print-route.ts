import { useSyncExternalStore } from 'react';
import { parsePrintRoute, type PrintRoute } from '../model/print-route.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = (): string => window.location.hash;

/** The print route in the address bar, followed as the hash changes; null on any other screen. */
export function usePrintRoute(): PrintRoute | null {
  const hash = useSyncExternalStore(subscribe, currentHash);
  // Parsing is cheap; a new object per render is fine because callers spread it into props.
  return parsePrintRoute(hash);
}
