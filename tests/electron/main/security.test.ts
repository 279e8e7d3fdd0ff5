import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { app, FakeWebContents } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// Importing the module installs the app-wide guards, as index.ts does first thing.
const { TRUSTED_RENDERER, denyAllPermissions, guardWebContents, isTrustedNavigation } = await import(
  '../../../electron/main/security.js'
);

/** A navigation event as Electron passes it: the target URL and a way to cancel. */
function navigation(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

function guarded(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as WebContents, 'app://desk');
  return contents;
}

describe('app-wide installation', () => {
  it('trusts the app origin in a packaged desk', () => {
    expect(TRUSTED_RENDERER).toEqual({ url: 'app://desk/index.html', origin: 'app://desk' });
  });

  it('guards every web contents Electron creates, and every session', () => {
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(app.listenerCount('session-created')).toBe(1);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });
});

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: refuses foreign origins', (eventName) => {
    const contents = guarded();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'about:blank']) {
      const event = navigation(url);
      contents.emit(eventName, event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: lets the app move within its own origin', (eventName) => {
    const contents = guarded();
    const event = navigation('app://desk/index.html#/tiep-nhan');
    contents.emit(eventName, event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('isTrustedNavigation compares whole origins, not prefixes', () => {
    expect(isTrustedNavigation('app://desk/x', 'app://desk')).toBe(true);
    expect(isTrustedNavigation('app://desk.evil/x', 'app://desk')).toBe(false);
    expect(isTrustedNavigation('app://deskx/x', 'app://desk')).toBe(false);
  });
});

describe('new windows and webviews', () => {
  it('denies every window.open and target=_blank', () => {
    const contents = guarded();
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => { action: string };
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://desk/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://desk')).toBe(false);
  });

  it('is applied to each session Electron creates', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    app.emit('session-created', session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });
});
