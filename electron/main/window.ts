import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptions {
  /** Absolute path of the CommonJS preload bundle (a sandboxed window cannot load an ES module preload). */
  preloadPath: string;
  /** The renderer's entry page (app://desk/index.html, or the dev server under `electron-vite dev`). */
  url: string;
  title: string;
  /** An installed build (app.isPackaged): no DevTools. */
  packaged: boolean;
}

/** The window's options, kept apart so a test can check every security switch. */
export function mainWindowOptions(opts: Pick<MainWindowOptions, 'preloadPath' | 'title' | 'packaged'>): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: opts.title,
    // Shown once painted, so the officer never sees a blank white frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // At the desk, DevTools would let anyone read and change the page mid-intake; developers keep them.
      devTools: !opts.packaged,
    },
  };
}

/** The desk's one window. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(opts));
  window.once('ready-to-show', () => window.show());
  window.loadURL(opts.url).catch((error: unknown) => console.error('cannot load the desk page', error));
  return window;
}
