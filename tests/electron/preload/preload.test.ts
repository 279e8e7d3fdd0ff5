import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../../shared/contract/command-names.js';
import { EVENT_NAMES } from '../../../shared/contract/event-names.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/main/ipc-channels.js';
import { contextBridge, ipcRenderer } from '../main/fake-electron.js';

vi.mock('electron', () => import('../main/fake-electron.js'));

interface DeskBridge {
  invoke(name: unknown, args: unknown): Promise<unknown>;
  on(event: unknown, listener: unknown): () => void;
}

let desk: DeskBridge;

beforeAll(async () => {
  await import('../../../electron/preload/index.js');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, DeskBridge];
  expect(key).toBe('desk');
  desk = api;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset().mockResolvedValue({ ok: true, value: 'from main' });
  ipcRenderer.on.mockReset();
  ipcRenderer.removeListener.mockReset();
});

describe('window.desk', () => {
  it('exposes only invoke and on: no ipcRenderer, no send, no channel of the page’s choosing', () => {
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);
  });
});

describe('desk.invoke', () => {
  it.each(COMMAND_NAMES)('passes the contract command %s to main on the invoke channel main handles', async (name) => {
    await expect(desk.invoke(name, { a: 1 })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, name, { a: 1 });
  });

  it.each(['fs.readFile', 'app:invoke', 'APP.INFO', 'app.info ', '__proto__', ''])(
    'answers %j with an unknown_command envelope without reaching main',
    async (name) => {
      await expect(desk.invoke(name, {})).resolves.toEqual({
        ok: false,
        error: { code: 'unknown_command', message: expect.stringContaining('Lệnh không tồn tại') },
      });
      expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses names that are not strings, even ones that print like a command', async () => {
    const sneaky = { toString: () => 'app.info' };
    for (const name of [sneaky, 42, null, undefined, ['app.info']]) {
      const envelope = (await desk.invoke(name, {})) as { ok: boolean };
      expect(envelope.ok).toBe(false);
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('desk.on', () => {
  it.each(EVENT_NAMES)('subscribes to %s on the event channel main sends on, and only passes that event', (name) => {
    const listener = vi.fn();
    const unsubscribe = desk.on(name, listener);
    expect(ipcRenderer.on).toHaveBeenCalledOnce();
    const [channel, forward] = ipcRenderer.on.mock.calls[0] as [string, (event: unknown, name: string, payload: unknown) => void];
    expect(channel).toBe(EVENT_CHANNEL);
    forward({}, name, { n: 1 });
    forward({}, 'something.else', { n: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ n: 1 });
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, forward);
  });

  it('ignores events outside the contract and listeners that are not functions', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unsubscribe = desk.on('app:event', vi.fn());
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    desk.on('sync.status', 'not a function');
    expect(ipcRenderer.on).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
