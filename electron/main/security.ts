// App-wide guards, imported first by index.ts so they are in place before any web contents exists.
// Every web contents (the window, and anything a bug or an attacker manages to open) gets the same rules.
import { app, type Session, type WebContents } from 'electron';
import { originOf, rendererEntry, type RendererEntry } from './app-origin.js';

/** The page the window loads and the one origin trusted with navigation and IPC; fixed at start. */
export const TRUSTED_RENDERER: RendererEntry = rendererEntry(app.isPackaged, process.env);

export function isTrustedNavigation(url: string, trustedOrigin: string): boolean {
  return originOf(url) === trustedOrigin;
}

/** Navigation only within the app's own origin; no new windows, no <webview>. */
export function guardWebContents(contents: WebContents, trustedOrigin: string): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }): void => {
    if (!isTrustedNavigation(event.url, trustedOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The desk needs no camera, microphone, location or notifications yet: every permission is refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

app.on('web-contents-created', (_event, contents) => guardWebContents(contents, TRUSTED_RENDERER.origin));
app.on('session-created', denyAllPermissions);
