import { useEffect, useRef } from 'react';

/** Minutes without keyboard or pointer input before the desk locks its screen. */
export const IDLE_LOCK_MINUTES = 10;

// Checking twice a minute is precise enough for a ten-minute lock and costs nothing.
const CHECK_EVERY_MS = 30_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once no input has arrived for `minutes` (while `enabled`). A queue at the desk means
 * the officer may walk away mid-dossier: the lock hides citizens' data without losing the draft.
 */
export function useIdleLock(onIdle: () => void, enabled: boolean, minutes: number = IDLE_LOCK_MINUTES): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    let lastActivity = Date.now();
    const touch = (): void => {
      lastActivity = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= minutes * 60_000) latest.current();
    }, Math.min(CHECK_EVERY_MS, minutes * 60_000));
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, [enabled, minutes]);
}
