import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronWindow } from 'electron';
import type { Handlers } from '../../../shared/contract/commands.js';
import type { Envelope } from '../../../shared/contract/envelope.js';
import { openDatabase, type DeskDatabase } from '../../../electron/core/db/open-database.js';
import { DeskEventBus } from '../../../electron/core/event-bus.js';
import { createHandlers } from '../../../electron/core/handlers.js';
import {
  answerInvoke,
  answerShell,
  checkSender,
  installIpcWrapper,
  type InvokeEventLike,
  type IpcWrapperOptions,
} from '../../../electron/main/ipc-wrapper.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SHELL_CHANNEL } from '../../../electron/main/ipc-channels.js';
import { BrowserWindow, FakeWebContents, ipcMain, resetFakeElectron, type FakeFrame } from './fake-electron.js';
import { shellOver, type TestShell } from './shell-fixture.js';

vi.mock('electron', () => import('./fake-electron.js'));

const TRUSTED = 'app://desk';

/** A call from the top frame of `contents`, as Electron would describe it. */
function callFrom(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): InvokeEventLike {
  return { sender: contents, senderFrame: frame };
}

describe('checkSender', () => {
  const window = new FakeWebContents('app://desk/index.html');

  it("serves the app's own top frame", () => {
    expect(checkSender(callFrom(window), window, TRUSTED)).toEqual({ trusted: true });
  });

  it('refuses a page from a foreign origin in the same window', () => {
    const hijacked = new FakeWebContents('https://evil.example/phish.html');
    expect(checkSender(callFrom(hijacked), hijacked, TRUSTED).trusted).toBe(false);
    const lookAlike = new FakeWebContents('app://desk.evil/index.html');
    expect(checkSender(callFrom(lookAlike), lookAlike, TRUSTED).trusted).toBe(false);
  });

  it('refuses a sub-frame, even one on the app origin', () => {
    const child: FakeFrame = { url: 'app://desk/frame.html', parent: window.mainFrame };
    expect(checkSender(callFrom(window, child), window, TRUSTED)).toMatchObject({ trusted: false, reason: 'not the top frame' });
  });

  it('refuses a top-level frame that is not the window’s main frame', () => {
    const stray: FakeFrame = { url: 'app://desk/index.html', parent: null };
    expect(checkSender(callFrom(window, stray), window, TRUSTED).trusted).toBe(false);
  });

  it('refuses a call whose frame is gone (navigated away or destroyed)', () => {
    expect(checkSender(callFrom(window, null), window, TRUSTED)).toMatchObject({ trusted: false, reason: 'sender frame is gone' });
  });

  it('refuses another window, even on the app origin, and any call while there is no window', () => {
    const other = new FakeWebContents('app://desk/index.html');
    expect(checkSender(callFrom(other), window, TRUSTED).trusted).toBe(false);
    expect(checkSender(callFrom(window), null, TRUSTED).trusted).toBe(false);
  });

  it('trusts exactly the origin it is given (the dev server under electron-vite dev)', () => {
    const dev = new FakeWebContents('http://localhost:5173/');
    expect(checkSender(callFrom(dev), dev, 'http://localhost:5173').trusted).toBe(true);
    expect(checkSender(callFrom(dev), dev, TRUSTED).trusted).toBe(false);
    expect(checkSender(callFrom(window), window, 'http://localhost:5173').trusted).toBe(false);
  });
});

describe('answerInvoke with a real in-memory core', () => {
  let db: DeskDatabase;
  let events: DeskEventBus;
  let handlers: Handlers;
  let handlerCalls: number;
  let window: BrowserWindow;
  let shell: TestShell;
  let options: IpcWrapperOptions;

  beforeEach(() => {
    resetFakeElectron();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    db = openDatabase({ path: ':memory:' });
    events = new DeskEventBus();
    const real = createHandlers({ db, events, identity: { appName: 'Một cửa Hạ Long', version: '0.1.0-test', dataDir: '/data/desk' } });
    handlerCalls = 0;
    handlers = {
      ...real,
      'app.info': (args, ctx) => {
        handlerCalls++;
        return real['app.info'](args, ctx);
      },
    };
    window = new BrowserWindow({});
    window.webContents.mainFrame.url = 'app://desk/index.html';
    shell = shellOver(handlers);
    options = { shell: shell.shell, events, getWindow: () => window as unknown as ElectronWindow, trustedOrigin: TRUSTED };
  });
  afterEach(() => {
    db.close();
    vi.restoreAllMocks();
  });

  it('returns the envelope of app.info to the app window', async () => {
    const envelope = await answerInvoke(options, callFrom(window.webContents), 'app.info', {});
    expect(envelope.ok).toBe(true);
    const info = (envelope as Extract<Envelope<unknown>, { ok: true }>).value as { appName: string; dataDir: string; schemaVersion: number };
    expect(info.appName).toBe('Một cửa Hạ Long');
    expect(info.dataDir).toBe('/data/desk');
    expect(info.schemaVersion).toBeGreaterThan(0);
    expect(handlerCalls).toBe(1);
  });

  it('refuses a foreign frame with a forbidden envelope, before the handler runs', async () => {
    window.webContents.mainFrame.url = 'https://evil.example/';
    const envelope = await answerInvoke(options, callFrom(window.webContents), 'app.info', {});
    expect(envelope).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(handlerCalls).toBe(0);
  });

  it('refuses a sub-frame and a vanished frame the same way', async () => {
    const child: FakeFrame = { url: 'app://desk/index.html', parent: window.webContents.mainFrame };
    for (const event of [callFrom(window.webContents, child), callFrom(window.webContents, null)]) {
      const envelope = await answerInvoke(options, event, 'app.info', {});
      expect(envelope.ok).toBe(false);
      expect(!envelope.ok && envelope.error.code).toBe('forbidden');
    }
    expect(handlerCalls).toBe(0);
  });

  it('refuses everything once the window is destroyed', async () => {
    window.destroyed = true;
    const envelope = await answerInvoke(options, callFrom(window.webContents), 'app.info', {});
    expect(!envelope.ok && envelope.error.code).toBe('forbidden');
  });

  it('then checks the command name, then the schema', async () => {
    const unknown = await answerInvoke(options, callFrom(window.webContents), 'fs.readFile', { path: '/etc/passwd' });
    expect(!unknown.ok && unknown.error.code).toBe('unknown_command');
    const invalid = await answerInvoke(options, callFrom(window.webContents), 'app.info', { extra: 1 });
    expect(!invalid.ok && invalid.error.code).toBe('invalid_argument');
    expect(handlerCalls).toBe(0);
  });

  it('applies the same sender check to shell operations, before any dialog opens', async () => {
    const child: FakeFrame = { url: 'app://desk/index.html', parent: window.webContents.mainFrame };
    for (const event of [callFrom(window.webContents, child), callFrom(window.webContents, null), callFrom(new FakeWebContents('app://desk/index.html'))]) {
      expect(await answerShell(options, event, 'shell.pickFiles', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    window.webContents.mainFrame.url = 'https://evil.example/';
    for (const operation of ['shell.pickFiles', 'shell.saveExport', 'shell.savePdf', 'shell.grantDroppedFile']) {
      expect(await answerShell(options, callFrom(window.webContents), operation, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    window.destroyed = true;
    window.webContents.mainFrame.url = 'app://desk/index.html';
    expect(await answerShell(options, callFrom(window.webContents), 'shell.pickFiles', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(shell.dialogs.opened).toHaveLength(0);
    expect(shell.printed).toBe(0);
  });

  it('then checks the shell operation against the closed list, then its arguments', async () => {
    const event = callFrom(window.webContents);
    for (const operation of ['shell.openExternal', 'fs.readFile', 'app.info', '', 42, null]) {
      expect(await answerShell(options, event, operation, {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    }
    expect(await answerShell(options, event, 'shell.pickFiles', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await answerShell(options, event, 'shell.grantDroppedFile', { path: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await answerShell(options, event, 'shell.saveExport', { fileName: '../../.ssh/id_rsa' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await answerShell(options, event, 'shell.savePdf', { fileName: '../thu.pdf' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(shell.dialogs.opened).toHaveLength(0);
    expect(shell.dialogs.saved).toHaveLength(0);
  });

  it('never lets the window name a path: attachments.addFile from IPC is refused before the core', async () => {
    const envelope = await answerInvoke(options, callFrom(window.webContents), 'attachments.addFile', {
      dossierId: '01J00000000000000000000000',
      path: '/home/motcua/secret.pdf',
      kind: 'intake',
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Chọn tệp') } });
  });

  it('never trusts the name before the sender: a foreign frame asking an unknown command is forbidden', async () => {
    window.webContents.mainFrame.url = 'https://evil.example/';
    const envelope = await answerInvoke(options, callFrom(window.webContents), 'fs.readFile', {});
    expect(!envelope.ok && envelope.error.code).toBe('forbidden');
  });
});

describe('installIpcWrapper', () => {
  let db: DeskDatabase;
  let events: DeskEventBus;
  let window: BrowserWindow;
  let dispose: () => void;

  beforeEach(() => {
    resetFakeElectron();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    db = openDatabase({ path: ':memory:' });
    events = new DeskEventBus();
    window = new BrowserWindow({});
    dispose = installIpcWrapper({
      shell: shellOver(createHandlers({ db, events, identity: { appName: 'Desk', version: '0.0.0', dataDir: '/d' } })).shell,
      events,
      getWindow: () => window as unknown as ElectronWindow,
      trustedOrigin: TRUSTED,
    });
  });
  afterEach(() => db.close());

  it('handles exactly two channels, app:invoke and app:shell, both through the sender check', async () => {
    expect(ipcMain.handle.mock.calls.map((call) => call[0])).toEqual([INVOKE_CHANNEL, SHELL_CHANNEL]);
    const shellListener = ipcMain.handle.mock.calls[1]![1] as (event: InvokeEventLike, ...args: unknown[]) => Promise<Envelope<unknown>>;
    window.webContents.mainFrame.url = 'app://desk/index.html';
    expect(await shellListener(callFrom(window.webContents), 'shell.saveExport', { fileName: 'a.txt' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await shellListener(callFrom(window.webContents), 'shell.pickFiles', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const [channel, listener] = ipcMain.handle.mock.calls[0] as [string, (event: InvokeEventLike, ...args: unknown[]) => Promise<Envelope<unknown>>];
    expect(channel).toBe(INVOKE_CHANNEL);
    window.webContents.mainFrame.url = 'app://desk/index.html';
    expect((await listener(callFrom(window.webContents), 'app.info', {})).ok).toBe(true);
    window.webContents.mainFrame.url = 'https://evil.example/';
    const refused = await listener(callFrom(window.webContents), 'app.info', {});
    expect(!refused.ok && refused.error.code).toBe('forbidden');
  });

  it('forwards core events to the window on app:event', () => {
    events.publish('dossiers.changed', { dossierIds: ['01J0000000000000000000000'] });
    expect(window.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'dossiers.changed', { dossierIds: ['01J0000000000000000000000'] });
  });

  it('sends nothing to a destroyed window', () => {
    window.destroyed = true;
    events.publish('dossiers.changed', { dossierIds: [] });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('undoes all three when disposed', () => {
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(INVOKE_CHANNEL);
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(SHELL_CHANNEL);
    events.publish('dossiers.changed', { dossierIds: [] });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
