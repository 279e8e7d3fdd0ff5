import { app, dialog, Menu, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { CommandError } from '../../shared/contract/errors.js';
import { prepareDefaultDataDir } from '../core/app/data-dir.js';
import { readPackageIdentity } from '../core/app/package-version.js';
import { startCore, type DeskCore } from '../core/start-core.js';
import type { RendererEntry } from './app-origin.js';
import { createDeskShell } from './desk-shell.js';
import { electronShellDeps } from './electron-shell.js';
import { FileGrants } from './file-grants.js';
import { installIpcWrapper } from './ipc-wrapper.js';
import { installAppProtocol, registerAppScheme } from './protocol.js';
import { safeStorageSecretStore } from './safe-storage-secrets.js';
import { createMainWindow } from './window.js';

export interface DeskAppOptions {
  /** The CommonJS preload bundle (out/preload/index.cjs). */
  preloadPath: string;
  /** The built renderer served as app://desk (out/renderer). */
  rendererDir: string;
  packageJsonPath: string;
  renderer: RendererEntry;
  /**
   * DESK_DATA_DIR (else prepareDefaultDataDir) replaces Electron's per-user folder, as it names the web host's
   * data folder. The whole profile moves with it, so the single-instance lock is per data folder too.
   */
  env: Record<string, string | undefined>;
}

/**
 * The desk's life: one instance per data folder, then on `ready` the app:// protocol, the core on the
 * data folder, the IPC wrapper and the window; on quit the database is closed. Resolves true once the
 * window is open; false when another instance already runs (that one is focused, this one quits) or
 * the database cannot be opened (the officer is told why, and the app exits).
 */
export async function startDeskApp(options: DeskAppOptions): Promise<boolean> {
  // Every renderer sandboxed, whatever a window's own options say; must come before `ready`.
  app.enableSandbox();
  // Electron's default menu binds Ctrl+R (reload, losing an intake in progress) and Ctrl+Shift+I
  // (DevTools). An installed desk has no menu and so no such accelerators; a developer's run keeps them.
  if (app.isPackaged) Menu.setApplicationMenu(null);
  // The same folder the web host uses (DESK_DATA_DIR, else the machine-local default, where an earlier
  // version's roaming folder is moved once), so one PC has one desk.
  app.setPath('userData', options.env.DESK_DATA_DIR ?? prepareDefaultDataDir(options.env));
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }

  let window: BrowserWindow | null = null;
  let core: DeskCore | null = null;
  let disposeIpc = (): void => {};
  let title = '';

  const showWindow = (): void => {
    if (window === null || window.isDestroyed()) {
      window = createMainWindow({ preloadPath: options.preloadPath, url: options.renderer.url, title, packaged: app.isPackaged });
      return;
    }
    if (window.isMinimized()) window.restore();
    window.focus();
  };

  app.on('second-instance', () => {
    if (core !== null) showWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    disposeIpc();
    core?.close();
    core = null;
  });

  await app.whenReady();
  const identity = readPackageIdentity(options.packageJsonPath);
  title = identity.appName;
  const dataDir = app.getPath('userData');
  try {
    // `npm start` runs Electron on a better-sqlite3 built for it outside node_modules (scripts/start-desk.mjs);
    // an installed desk has its own, rebuilt by electron-builder, and ignores the variable.
    const sqliteAddon = app.isPackaged ? undefined : options.env.DESK_SQLITE_ADDON;
    // The centre token, sealed by safeStorage (DPAPI on Windows), never in the database.
    core = startCore({ ...identity, dataDir }, { sqliteAddon, secrets: await safeStorageSecretStore(dataDir) });
  } catch (error) {
    reportStartFailure(error);
    return false;
  }
  // The renderer, and the stored scans for the viewer (app://desk/blobs/<sha256>).
  installAppProtocol(options.rendererDir, core.attachments);
  const shell = createDeskShell({
    handlers: core.handlers,
    // The desk's own stores are never granted (file-grants.ts says why); its scan inbox may be.
    grants: new FileGrants({ forbiddenRoots: ['blobs', 'exports', 'scan-work'].map((folder) => join(dataDir, folder)) }),
    ...electronShellDeps(() => window),
  });
  disposeIpc = installIpcWrapper({
    shell,
    events: core.events,
    getWindow: () => window,
    trustedOrigin: options.renderer.origin,
  });
  showWindow();
  return true;
}

/** Without its database the desk cannot work: say why in Vietnamese and stop. */
function reportStartFailure(error: unknown): void {
  console.error('desk core failed to start', error);
  const detail =
    error instanceof CommandError
      ? error.message
      : 'Không mở được cơ sở dữ liệu của bàn làm việc. Hãy khởi động lại máy; nếu vẫn lỗi, liên hệ bộ phận hỗ trợ.';
  dialog.showErrorBox('Không thể khởi động Một cửa Hạ Long', detail);
  app.exit(1);
}
