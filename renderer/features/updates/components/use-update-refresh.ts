import { useEffect } from 'react';
import { UPDATE_REFRESH_MS } from '../store/update-store.js';
import { useUpdateStore } from '../store/update-store-context.js';

/** Asks main for the update state now and every minute while the component is shown. */
export function useUpdateRefresh(): void {
  const refresh = useUpdateStore((state) => state.refresh);
  const available = useUpdateStore((state) => state.available);
  useEffect(() => {
    if (!available) return;
    void refresh();
    const timer = setInterval(() => void refresh(), UPDATE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [available, refresh]);
}
