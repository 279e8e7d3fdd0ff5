import { describe, expect, it } from 'vitest';
import { matchesNamedShortcut, matchesShortcut } from '../../../renderer/ui/shortcuts.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('match exactly, modifiers included', () => {
    expect(matchesShortcut(key('Enter', { ctrlKey: true }), { key: 'Enter', ctrl: true })).toBe(true);
    expect(matchesShortcut(key('Enter'), { key: 'Enter', ctrl: true })).toBe(false);
    expect(matchesShortcut(key('Enter', { ctrlKey: true, altKey: true }), { key: 'Enter', ctrl: true })).toBe(false);
  });

  it('read letters in either case, and Cmd as Ctrl', () => {
    expect(matchesShortcut(key('F', { ctrlKey: true, shiftKey: true }), { key: 'f', ctrl: true })).toBe(true);
    expect(matchesShortcut(key('f', { metaKey: true }), { key: 'f', ctrl: true })).toBe(true);
  });

  it('name the desk’s shortcuts: F2 or Alt+N for a new dossier, F3 or Ctrl+F for search', () => {
    expect(matchesNamedShortcut(key('F2'), 'newDossier')).toBe(true);
    expect(matchesNamedShortcut(key('n', { altKey: true }), 'newDossier')).toBe(true);
    expect(matchesNamedShortcut(key('n'), 'newDossier')).toBe(false);
    expect(matchesNamedShortcut(key('F3'), 'search')).toBe(true);
    expect(matchesNamedShortcut(key('f', { ctrlKey: true }), 'search')).toBe(true);
    expect(matchesNamedShortcut(key('Escape'), 'back')).toBe(true);
    expect(matchesNamedShortcut(key('F2', { ctrlKey: true }), 'newDossier')).toBe(false);
  });
});
