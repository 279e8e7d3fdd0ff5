import { useCallback, useSyncExternalStore } from 'react';
import { parseRoute, routeHash, type Route } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = (): string => window.location.hash;

/** The route in the address bar, followed as it changes, and a function to go elsewhere. */
export function useHashRoute(): { route: Route; hash: string; go(to: Route | string): void } {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const go = useCallback((to: Route | string) => {
    window.location.hash = typeof to === 'string' ? to : routeHash(to);
  }, []);
  return { route: parseRoute(hash), hash, go };
}
