import { useEffect, useRef } from 'react';
import { matchesNamedShortcut, type ShortcutName } from './shortcuts.js';

/**
 * Runs `handler` when the named shortcut is pressed anywhere in the window (while `enabled`).
 * The shortcut's default is prevented, so F3 and Ctrl+F open the desk's search, not the browser's.
 */
export function useShortcut(name: ShortcutName, handler: (event: KeyboardEvent) => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !matchesNamedShortcut(event, name)) return;
      // Esc inside an open dialog (the scan viewer) is the dialog's own: it closes that, not the screen.
      if (event.key === 'Escape' && event.target instanceof Element && event.target.closest('dialog[open]')) return;
      event.preventDefault();
      latest.current(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [name, enabled]);
}
