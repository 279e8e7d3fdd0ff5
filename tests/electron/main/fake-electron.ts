// A stand-in for the 'electron' module, for `vi.mock('electron', () => import('./fake-electron.js'))`.
// It records what main-process code asks of Electron so tests can check it, and lets tests emit the
// events Electron would. The real package cannot load here (it has no binary), and must not be tried.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { BUILT_ENTRY_EXEC_ARGV } from '../../support/entry-builds.js';
import { FakeNetRequest, type FakeNetRequestOptions } from './fake-net.js';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  mainFrame: FakeFrame;
  readonly send = vi.fn();
  readonly setWindowOpenHandler = vi.fn();
  readonly reload = vi.fn();
  /** Resolves a small real PDF, as Electron's printToPDF would (tests replace it to fail). */
  readonly printToPDF = vi.fn((_options: unknown) => Promise.resolve(Buffer.from('%PDF-1.7\n% bản in giả\n%%EOF\n')));

  constructor(url = 'app://desk/index.html') {
    super();
    this.mainFrame = { url, parent: null };
  }
}

class FakeApp extends EventEmitter {
  isPackaged = true;
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly paths = new Map<string, string>();
  readonly getPath = vi.fn((name: string): string => this.paths.get(name) ?? `/fake/${name}`);
  readonly setPath = vi.fn((name: string, path: string): void => {
    this.paths.set(name, path);
  });
  readonly getAppPath = vi.fn(() => process.cwd());
  readonly enableSandbox = vi.fn();
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn((url: string) => {
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  destroyed = false;

  constructor(readonly options: unknown) {
    super();
    BrowserWindow.created.push(this);
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export const Menu = {
  setApplicationMenu: vi.fn((_menu: unknown) => {}),
};

export const ipcMain = {
  handle: vi.fn(),
  removeHandler: vi.fn(),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const dialog = {
  showErrorBox: vi.fn(),
  showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
};

/** The sandboxed preload's way to a dropped File's path; tests say which path each File has. */
export const webUtils = {
  getPathForFile: vi.fn((_file: unknown): string => ''),
};

export const contextBridge = {
  exposeInMainWorld: vi.fn(),
};

export const ipcRenderer = {
  invoke: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
};

/** safeStorage's stand-in "seals" by XOR, so the sealed bytes never contain the plain text. */
const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(true)),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptStringAsync: vi.fn((plain: string) => Promise.resolve(xor(Buffer.from(plain, 'utf8')))),
  decryptStringAsync: vi.fn((sealed: Buffer) => Promise.resolve({ shouldReEncrypt: false, result: xor(sealed).toString('utf8') })),
};

/** Electron's net: fetch by Node's, request by a loopback stand-in (tests make either fail as Chromium would). */
export const net = {
  fetch: vi.fn((input: string | Request, init?: RequestInit) => fetch(input, init)),
  request: vi.fn((options: FakeNetRequestOptions) => new FakeNetRequest(options)),
};

/**
 * Electron's UtilityProcess, played by a real Node child process running a built JavaScript module, as
 * the real one does (tests pass builtEntry('core-entry')): postMessage / 'message' / 'exit' / kill, as
 * main's side sees them.
 */
export class FakeUtilityProcess extends EventEmitter {
  static readonly forked: FakeUtilityProcess[] = [];
  readonly child: ChildProcess;

  constructor(
    readonly modulePath: string,
    args: readonly string[] = [],
  ) {
    super();
    this.child = fork(modulePath, [...args], { execArgv: BUILT_ENTRY_EXEC_ARGV, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message) => this.emit('message', message));
    this.child.on('exit', (code) => this.emit('exit', code ?? 1));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as object);
  }

  kill(): boolean {
    return this.child.kill();
  }
}

export const utilityProcess = {
  fork: vi.fn((modulePath: string, args?: string[], _options?: unknown) => {
    const process = new FakeUtilityProcess(modulePath, args);
    FakeUtilityProcess.forked.push(process);
    return process;
  }),
};

/** Ends every child a test left running (its core), and waits for them to be gone. */
export async function endFakeUtilityProcesses(): Promise<void> {
  const running = FakeUtilityProcess.forked.splice(0).filter((process) => !process.exited);
  await Promise.all(
    running.map(
      (process) =>
        new Promise<void>((resolve) => {
          process.child.once('exit', () => resolve());
          process.child.kill('SIGKILL');
        }),
    ),
  );
}

/** Back to a fresh Electron between tests: no listeners, no windows, no recorded calls. */
export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.isPackaged = true;
  app.requestSingleInstanceLock.mockReset().mockReturnValue(true);
  app.whenReady.mockReset().mockImplementation(() => Promise.resolve());
  app.paths.clear();
  for (const mock of [app.quit, app.exit, app.getPath, app.setPath, app.getAppPath, app.enableSandbox]) mock.mockClear();
  Menu.setApplicationMenu.mockReset();
  BrowserWindow.created.length = 0;
  for (const group of [ipcMain, protocol, contextBridge, ipcRenderer]) {
    for (const mock of Object.values(group)) mock.mockReset();
  }
  dialog.showErrorBox.mockReset();
  dialog.showOpenDialog.mockReset().mockImplementation(() => Promise.resolve({ canceled: true, filePaths: [] }));
  dialog.showSaveDialog.mockReset().mockImplementation(() => Promise.resolve({ canceled: true, filePath: '' }));
  webUtils.getPathForFile.mockReset().mockImplementation(() => '');
  safeStorage.isAsyncEncryptionAvailable.mockReset().mockImplementation(() => Promise.resolve(true));
  safeStorage.getSelectedStorageBackend.mockReset().mockImplementation(() => 'gnome_libsecret');
  net.fetch.mockReset().mockImplementation((input, init) => fetch(input, init));
  net.request.mockReset().mockImplementation((options) => new FakeNetRequest(options));
  safeStorage.encryptStringAsync.mockClear();
  safeStorage.decryptStringAsync.mockClear();
  utilityProcess.fork.mockClear();
}
