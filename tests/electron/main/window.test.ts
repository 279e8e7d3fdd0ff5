import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetFakeElectron } from './fake-electron.js';
import { createMainWindow, mainWindowOptions } from '../../../electron/main/window.js';

vi.mock('electron', () => import('./fake-electron.js'));

const PRELOAD = '/app/out/preload/index.cjs';

describe('mainWindowOptions', () => {
  const prefs = mainWindowOptions({ preloadPath: PRELOAD, title: 'Một cửa Hạ Long', packaged: true }).webPreferences ?? {};

  // Strict true/false, not truthy/falsy: `undefined` would leave Electron's default in charge.
  it('isolates the page from Node and from the preload', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and <webview> off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('has no DevTools in an installed build, and keeps them for a developer run', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: PRELOAD, title: 'x', packaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('loads the CommonJS preload bundle and nothing else', () => {
    expect(prefs.preload).toBe(PRELOAD);
    expect(prefs.preload).toMatch(/\.cjs$/);
    expect(Object.keys(prefs)).not.toContain('additionalArguments');
  });
});

describe('createMainWindow', () => {
  beforeEach(resetFakeElectron);

  it('builds one window with those options and opens the app page', () => {
    const window = createMainWindow({ preloadPath: PRELOAD, url: 'app://desk/index.html', title: 'Một cửa Hạ Long', packaged: true });
    expect(BrowserWindow.created).toHaveLength(1);
    const fake = BrowserWindow.created[0]!;
    expect(window).toBe(fake);
    expect(fake.options).toEqual(mainWindowOptions({ preloadPath: PRELOAD, title: 'Một cửa Hạ Long', packaged: true }));
    expect(fake.loadURL).toHaveBeenCalledWith('app://desk/index.html');
  });

  it('shows the window only once it has painted', () => {
    createMainWindow({ preloadPath: PRELOAD, url: 'app://desk/index.html', title: 'x', packaged: true });
    const fake = BrowserWindow.created[0]!;
    expect((fake.options as { show?: boolean }).show).toBe(false);
    expect(fake.show).not.toHaveBeenCalled();
    fake.emit('ready-to-show');
    expect(fake.show).toHaveBeenCalledOnce();
  });
});
