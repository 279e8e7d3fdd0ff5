import { app, dialog, Menu, type BrowserWindow } from 'electron';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { buildSupportBundle, supportBundleName } from '../core/logging/support-bundle.js';
import { CommandError } from '../../shared/contract/errors.js';
import { prepareDefaultDataDir } from '../core/app/data-dir.js';
import { readPackageIdentity } from '../core/app/package-version.js';
import type { CoreSupervisor } from '../core/process/core-supervisor.js';
import { blobFilesOf, CORE_CLOSE_TIMEOUT_MS, superviseUtilityCore } from './core-process-main.js';
import type { CoreStatus } from '../../shared/contract/events.js';
import type { RendererEntry } from './app-origin.js';
import { createDeskShell } from './desk-shell.js';
import { safeStorageSecretStore } from './safe-storage-secrets.js';
import { electronShellDeps } from './electron-shell.js';
import { FileGrants } from './file-grants.js';
import { EVENT_CHANNEL } from './ipc-channels.js';
import { installIpcWrapper } from './ipc-wrapper.js';
import { installAppProtocol, registerAppScheme } from './protocol.js';
import { createMainWindow } from './window.js';
import type { SyncStatus } from '../../shared/contract/events.js';
import { DeskUpdater, type AutoUpdaterLike, type Cancellation } from './updates/desk-updater.js';
import { catchMainErrors, reloadWhenRendererGone, type MainProcess } from './crash-guard.js';
import { mainCrashSink } from './main-crash-sink.js';
import { copyConsoleToLog, openDeskLog } from '../core/logging/desk-log.js';
import { logRendererConsole } from './renderer-log.js';

export interface DeskAppOptions {
  /** The CommonJS preload bundle (out/preload/index.cjs). */
  preloadPath: string;
  /** The built renderer served as app://desk (out/renderer). */
  rendererDir: string;
  /** The desk core's process entry (out/main/core-entry.js, built from electron/main/core-utility-entry.ts). */
  coreEntryPath: string;
  packageJsonPath: string;
  renderer: RendererEntry;
  /**
   * DESK_DATA_DIR (else prepareDefaultDataDir) replaces Electron's per-user folder, as it names the web host's
   * data folder. The whole profile moves with it, so the single-instance lock is per data folder too.
   */
  env: Record<string, string | undefined>;
  /**
   * electron-updater, loaded only in an installed desk (index.ts; updates/electron-updater-loader.ts).
   * Absent (a test's fake Electron), the desk does not update itself.
   */
  loadAutoUpdater?: () => Promise<{ updater: AutoUpdaterLike; newCancellation(): Cancellation }>;
  /**
   * The process-wide hooks, installed by the real entry only (index.ts): the process whose uncaught
   * errors are caught, and the console copied to main.log. Tests of the lifecycle leave them out.
   */
  processHooks?: { process: MainProcess; console: Pick<Console, 'error' | 'warn' | 'info' | 'log'> };
}

/**
 * The desk's life: one instance per data folder, then on `ready` the app:// protocol, the core in its own
 * process on the data folder, the IPC wrapper and the window; on quit the core closes cleanly (bounded
 * wait). Resolves true once the window is open; false when another instance already runs (that one is
 * focused, this one quits) or the database cannot be opened (the officer is told why, and the app exits).
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
  // From here on this instance owns the data folder: main writes logs/main.log, the window's warnings
  // and errors go to logs/renderer.log, and failures become crash reports (crash-guard.ts).
  const logDir = app.getPath('userData');
  const mainLog = openDeskLog(logDir, 'main');
  const rendererLog = openDeskLog(logDir, 'renderer');
  const crashes = mainCrashSink(mainLog);
  if (options.processHooks !== undefined) {
    copyConsoleToLog(mainLog, options.processHooks.console);
    catchMainErrors(options.processHooks.process, crashes);
  }

  let window: BrowserWindow | null = null;
  let core: CoreSupervisor | null = null;
  let disposeIpc = (): void => {};
  let updater: DeskUpdater | null = null;
  let title = '';

  const showWindow = (): void => {
    if (window === null || window.isDestroyed()) {
      window = createMainWindow({ preloadPath: options.preloadPath, url: options.renderer.url, title, packaged: app.isPackaged });
      reloadWhenRendererGone(window, crashes);
      logRendererConsole(window, rendererLog);
      return;
    }
    if (window.isMinimized()) window.restore();
    window.focus();
  };

  app.on('second-instance', () => {
    if (core !== null) showWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event?: { preventDefault(): void }) => {
    disposeIpc();
    updater?.stop();
    if (core === null) return;
    // Quit waits for the core to stop sync and checkpoint its database (bounded), then quits for real.
    event?.preventDefault();
    const closing = core;
    core = null;
    void closing.close(CORE_CLOSE_TIMEOUT_MS).then((clean) => {
      if (!clean) console.error(`desk core did not close within ${CORE_CLOSE_TIMEOUT_MS} ms; ended it`);
      app.quit();
    });
  });

  await app.whenReady();
  const identity = readPackageIdentity(options.packageJsonPath);
  title = identity.appName;
  const dataDir = app.getPath('userData');
  // `npm start` runs Electron on a better-sqlite3 built for it outside node_modules (scripts/start-desk.mjs);
  // an installed desk has its own, rebuilt by electron-builder, and ignores the variable.
  const sqliteAddon = app.isPackaged ? undefined : options.env.DESK_SQLITE_ADDON;
  const toWindow = (payload: CoreStatus): void => {
    if (window !== null && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, 'core.status', payload);
  };
  // The centre token is sealed with safeStorage, which only main has (not the core's utilityProcess): the
  // core asks for it over its port. Where safeStorage has no real key (Linux without a keyring) this is
  // the owner-only plain file, still kept by main (safe-storage-secrets.ts says why).
  const secrets = await safeStorageSecretStore(dataDir);
  const supervisor = superviseUtilityCore({ entryPath: options.coreEntryPath, identity: { ...identity, dataDir }, sqliteAddon, secrets }, {
    onRestart: () => {
      toWindow({ state: 'restarted' });
      crashes.report({ kind: 'core_exit', where: 'core', message: 'the desk core process ended unexpectedly and was restarted' });
    },
    onGiveUp: () => toWindow({ state: 'stopped' }),
    onRebuildProgress: ({ done, total }) => {
      // A rebuild can take minutes on a big desk: the window opens and shows its progress, never nothing.
      showWindow();
      toWindow({ state: 'rebuilding', done, total });
    },
  });
  core = supervisor;
  // Updates come from the centre the desk is enrolled with; an uninstalled run (npm start) has nothing to update.
  if (app.isPackaged && options.loadAutoUpdater !== undefined) {
    const loaded = await options.loadAutoUpdater();
    const deskUpdater = new DeskUpdater({ ...loaded, version: identity.version, deviceToken: () => secrets.get('centre.token'), now: Date.now, log: console });
    supervisor.subscribe((name, payload) => {
      if (name === 'sync.status') deskUpdater.onSyncStatus(payload as SyncStatus);
    });
    updater = deskUpdater;
  }
  crashes.attach(supervisor);
  // Installed before the core serves: the window a rebuild opens may already call (its calls wait for the core).
  // The renderer, and the stored scans for the viewer (app://desk/blobs/<sha256>).
  installAppProtocol(options.rendererDir, blobFilesOf(dataDir, supervisor));
  const shell = createDeskShell({
    core: supervisor,
    // The desk's own stores are never granted (file-grants.ts says why); its scan inbox may be.
    grants: new FileGrants({ forbiddenRoots: ['blobs', 'exports', 'scan-work'].map((folder) => join(dataDir, folder)) }),
    ...electronShellDeps(() => window),
    ...(updater === null ? {} : { updates: updater }),
    supportBundle: async () => {
      const now = new Date();
      const versions = { appName: identity.appName, appVersion: identity.version, runtime: process.versions, os: `${platform()} ${release()} ${arch()}` };
      return { fileName: supportBundleName(now), bytes: await buildSupportBundle(dataDir, versions, now) };
    },
  });
  disposeIpc = installIpcWrapper({
    shell,
    events: supervisor,
    getWindow: () => window,
    trustedOrigin: options.renderer.origin,
  });
  try {
    await supervisor.start();
  } catch (error) {
    disposeIpc();
    core = null;
    reportStartFailure(error);
    return false;
  }
  crashes.flush();
  showWindow();
  if (updater !== null) {
    // The first status: later ones arrive as events (sync.status) whenever sync changes.
    const status = await supervisor.invoke('sync.status', {});
    if (status.ok) updater.onSyncStatus(status.value as SyncStatus);
  }
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
