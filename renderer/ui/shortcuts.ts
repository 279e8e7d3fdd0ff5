// Keyboard shortcuts of the desk. One matcher so every screen reads keys the same way, and the
// labels shown next to buttons come from the same table as the keys they describe.

export interface Shortcut {
  key: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** True when the event is exactly this shortcut (Cmd counts as Ctrl, for a Mac used in testing). */
export function matchesShortcut(event: KeyLike, shortcut: Shortcut): boolean {
  const ctrl = event.ctrlKey || event.metaKey;
  const sameKey = event.key.length === 1 ? event.key.toLowerCase() === shortcut.key.toLowerCase() : event.key === shortcut.key;
  return sameKey && ctrl === Boolean(shortcut.ctrl) && event.altKey === Boolean(shortcut.alt) && (shortcut.shift === undefined || event.shiftKey === shortcut.shift);
}

export const SHORTCUTS = {
  newDossier: [{ key: 'F2' }, { key: 'n', alt: true }],
  search: [{ key: 'F3' }, { key: 'f', ctrl: true }],
  confirm: [{ key: 'Enter', ctrl: true }],
  back: [{ key: 'Escape' }],
  handBackList: [{ key: 'F4' }],
  requestSupplement: [{ key: '2', alt: true }],
} as const satisfies Record<string, readonly Shortcut[]>;

export type ShortcutName = keyof typeof SHORTCUTS;

export const SHORTCUT_LABELS: Readonly<Record<ShortcutName, string>> = {
  newDossier: 'F2',
  search: 'F3',
  confirm: 'Ctrl+Enter',
  back: 'Esc',
  handBackList: 'F4',
  requestSupplement: 'Alt+2',
};

export function matchesNamedShortcut(event: KeyLike, name: ShortcutName): boolean {
  return SHORTCUTS[name].some((shortcut: Shortcut) => matchesShortcut(event, shortcut));
}
