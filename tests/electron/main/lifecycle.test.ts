import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../shared/contract/envelope.js';
import type { AppInfo } from '../../../shared/contract/app-info.js';
import { DATABASE_FILE, startCore } from '../../../electron/core/start-core.js';
import { PROJECTION_VERSION_SETTING } from '../../../electron/core/dossiers/projection-version.js';
import { startDeskApp, type DeskAppOptions } from '../../../electron/main/lifecycle.js';
import type { InvokeEventLike } from '../../../electron/main/ipc-wrapper.js';
import { defaultDataDir } from '../../../electron/core/app/data-dir.js';
import { builtEntry } from '../../support/entry-builds.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { EVENT_CHANNEL } from '../../../electron/main/ipc-channels.js';
import { app, BrowserWindow, dialog, endFakeUtilityProcesses, FakeUtilityProcess, ipcMain, Menu, protocol, resetFakeElectron, utilityProcess } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
let dataDir: ReturnType<typeof makeTempDir>;

function options(): DeskAppOptions {
  return {
    preloadPath: '/app/out/preload/index.cjs',
    rendererDir: '/app/out/renderer',
    // The real entry (built, as electron-vite builds it for the app), forked as a Node child by the fake
    // utilityProcess (its Node branch).
    coreEntryPath: builtEntry('core-entry'),
    packageJsonPath: join(PROJECT_ROOT, 'package.json'),
    renderer: { url: 'app://desk/index.html', origin: 'app://desk' },
    env: { DESK_DATA_DIR: dataDir.path },
  };
}

type InvokeListener = (event: InvokeEventLike, name: unknown, args: unknown) => Promise<Envelope<unknown>>;

function invokeListener(): InvokeListener {
  return ipcMain.handle.mock.calls[0]?.[1] as InvokeListener;
}

function onlyWindow(): BrowserWindow {
  expect(BrowserWindow.created).toHaveLength(1);
  return BrowserWindow.created[0]!;
}

beforeEach(() => {
  resetFakeElectron();
  dataDir = makeTempDir('desk-main-');
});
async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterEach(async () => {
  app.emit('will-quit', { preventDefault: () => undefined });
  await until(() => FakeUtilityProcess.forked.every((process) => process.exited), 10_000).catch(() => undefined);
  await endFakeUtilityProcesses();
  dataDir.remove();
  vi.restoreAllMocks();
}, 30_000);

// Each start forks a real core process (built JavaScript under node): a second or so on a busy machine.
describe('startDeskApp', { timeout: 40_000 }, () => {
  it('registers the app:// scheme before ready, then the handler, the core, IPC and one window', async () => {
    expect(await startDeskApp(options())).toBe(true);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(ipcMain.handle).toHaveBeenCalledWith('app:invoke', expect.any(Function));
    const window = onlyWindow();
    expect(window.loadURL).toHaveBeenCalledWith('app://desk/index.html');
    expect(window.options).toMatchObject({ title: 'Một cửa Hạ Long', webPreferences: { preload: '/app/out/preload/index.cjs', sandbox: true } });
  });

  it('sandboxes every renderer and, installed, removes the default menu (no Ctrl+R, no Ctrl+Shift+I) before ready', async () => {
    await startDeskApp(options());
    const beforeReady = app.whenReady.mock.invocationCallOrder[0]!;
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(beforeReady);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(Menu.setApplicationMenu.mock.invocationCallOrder[0]).toBeLessThan(beforeReady);
    expect(onlyWindow().options).toMatchObject({ webPreferences: { devTools: false } });
  });

  it("keeps Electron's default menu and DevTools for a developer's unpackaged run", async () => {
    app.isPackaged = false;
    await startDeskApp(options());
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).not.toHaveBeenCalled();
    expect(onlyWindow().options).toMatchObject({ webPreferences: { devTools: true } });
  });

  it("a developer's run opens SQLite with the addon DESK_SQLITE_ADDON names (npm start's Electron build); an installed desk ignores it", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const missing = join(dataDir.path, 'no-such-addon.node');
    app.isPackaged = false;
    expect(await startDeskApp({ ...options(), env: { DESK_DATA_DIR: dataDir.path, DESK_SQLITE_ADDON: missing } })).toBe(false);
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    resetFakeElectron();
    const nodeBuild = join(PROJECT_ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    app.isPackaged = false;
    expect(await startDeskApp({ ...options(), env: { DESK_DATA_DIR: dataDir.path, DESK_SQLITE_ADDON: nodeBuild } })).toBe(true);
    app.emit('will-quit');
    resetFakeElectron();
    expect(await startDeskApp({ ...options(), env: { DESK_DATA_DIR: dataDir.path, DESK_SQLITE_ADDON: missing } })).toBe(true);
  });

  it('opens the desk database in the data folder and answers app.info to its window', async () => {
    await startDeskApp(options());
    const window = onlyWindow();
    const envelope = await invokeListener()({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'app.info', {});
    expect(envelope.ok).toBe(true);
    const info = (envelope as { value: AppInfo }).value;
    expect(info.dataDir).toBe(dataDir.path);
    expect(info.appName).toBe('Một cửa Hạ Long');
  });

  it('moves the whole Electron profile to DESK_DATA_DIR before taking the single-instance lock', async () => {
    await startDeskApp(options());
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir.path);
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
  });

  it('uses the same per-user desk folder as the web host when DESK_DATA_DIR is not set', async () => {
    await startDeskApp({ ...options(), env: { XDG_DATA_HOME: dataDir.path, APPDATA: dataDir.path, LOCALAPPDATA: dataDir.path } });
    const expected = defaultDataDir({ XDG_DATA_HOME: dataDir.path, APPDATA: dataDir.path, LOCALAPPDATA: dataDir.path });
    expect(app.setPath).toHaveBeenCalledWith('userData', expected);
    const window = onlyWindow();
    const envelope = await invokeListener()({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'app.info', {});
    expect((envelope as { value: AppInfo }).value.dataDir).toBe(expected);
  });

  it('quits at once when another instance holds the lock, opening nothing', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    expect(await startDeskApp(options())).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(0);
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startDeskApp(options());
    const window = onlyWindow();
    window.minimized = true;
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(1);
  });

  it('closes the database and the IPC handler on quit', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await startDeskApp(options());
    const window = onlyWindow();
    const listener = invokeListener();
    app.emit('will-quit');
    expect(ipcMain.removeHandler).toHaveBeenCalledWith('app:invoke');
    // A straggling call after quit finds the database closed and gets an envelope, not a crash.
    const late = await listener({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'app.info', {});
    expect(!late.ok && late.error.code).toBe('internal');
  });

  it('runs the core in a utility process, not on main: one fork of the core entry, serving the window', async () => {
    await startDeskApp(options());
    expect(utilityProcess.fork).toHaveBeenCalledOnce();
    expect(utilityProcess.fork.mock.calls[0]![0]).toBe(options().coreEntryPath);
    const core = FakeUtilityProcess.forked[0]!;
    expect(core.pid).not.toBe(process.pid);
    expect(core.exited).toBe(false);
  });

  it('restarts a core that crashed, tells the window, and the next call works', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await startDeskApp(options());
    const window = onlyWindow();
    const call = (name: string) => invokeListener()({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, name, {});
    expect((await call('app.info')).ok).toBe(true);
    FakeUtilityProcess.forked[0]!.child.kill('SIGKILL');
    await until(() => window.webContents.send.mock.calls.some((sent) => sent[1] === 'core.status' && (sent[2] as { state: string }).state === 'restarted'));
    expect(window.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'core.status', { state: 'restarted' });
    expect(utilityProcess.fork).toHaveBeenCalledTimes(2);
    const info = await call('app.info');
    expect(info.ok && (info.value as AppInfo).dataDir).toBe(dataDir.path);
  }, 40_000);

  it("queues a crash report for a core that crashed and for a renderer that died, which is reloaded; main.log says so", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await startDeskApp(options());
    const window = onlyWindow();
    FakeUtilityProcess.forked[0]!.child.kill('SIGKILL');
    await until(() => window.webContents.send.mock.calls.some((sent) => sent[1] === 'core.status' && (sent[2] as { state: string }).state === 'restarted'));
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    const kinds = (): string[] => {
      const db = new Database(join(dataDir.path, DATABASE_FILE), { readonly: true });
      try {
        return (db.prepare('SELECT kind FROM crash_reports ORDER BY kind').all() as { kind: string }[]).map((row) => row.kind);
      } finally {
        db.close();
      }
    };
    await until(() => kinds().length === 2);
    expect(kinds()).toEqual(['core_exit', 'renderer_gone']);
    expect(readFileSync(join(dataDir.path, 'logs', 'main.log'), 'utf8')).toContain('renderer process gone (crashed, exit code 139)');
  }, 40_000);

  it('waits on quit for the core to close cleanly (WAL checkpointed), then quits', async () => {
    await startDeskApp(options());
    const preventDefault = vi.fn();
    app.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
    await until(() => app.quit.mock.calls.length > 0);
    await until(() => FakeUtilityProcess.forked[0]!.exited);
    const wal = join(dataDir.path, `${DATABASE_FILE}-wal`);
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    // The second will-quit (from app.quit) goes through.
    const again = vi.fn();
    app.emit('will-quit', { preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  }, 40_000);

  it('opens the window while the core rebuilds its projections at start, and forwards the progress', async () => {
    const seeded = startCore({ appName: 'Một cửa Hạ Long', version: '0.0.0', dataDir: dataDir.path });
    seeded.db.prepare('DELETE FROM settings WHERE key = ?').run(PROJECTION_VERSION_SETTING);
    seeded.close();
    const starting = startDeskApp(options());
    await until(() => BrowserWindow.created.length === 1);
    const window = onlyWindow();
    await until(() => window.webContents.send.mock.calls.some((sent) => sent[1] === 'core.status'));
    expect(window.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'core.status', { state: 'rebuilding', done: 0, total: 0 });
    expect(await starting).toBe(true);
    expect(BrowserWindow.created).toHaveLength(1);
  });

  it('quits with all windows closed', async () => {
    await startDeskApp(options());
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });

  it('explains in Vietnamese and exits when the database comes from a newer version', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const db = new Database(join(dataDir.path, DATABASE_FILE));
    db.pragma('user_version = 9999');
    db.close();
    expect(await startDeskApp(options())).toBe(false);
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, message] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toContain('Không thể khởi động');
    expect(message).toContain('phiên bản mới hơn');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(BrowserWindow.created).toHaveLength(0);
    // The core that could not open the desk is ended, not left holding the file.
    await until(() => FakeUtilityProcess.forked[0]!.exited);
  });
});
