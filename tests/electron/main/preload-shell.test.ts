import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHELL_OPERATIONS } from '../../../shared/contract/shell.js';
import { INVOKE_CHANNEL, SHELL_CHANNEL } from '../../../electron/main/ipc-channels.js';
import { contextBridge, ipcRenderer, webUtils } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// The preload's half of the shell operations: they ride on desk.invoke (the bridge keeps its two
// functions), go to main on their own channel, and a drop sends main the path Electron knows for the
// dropped File — never a path the page wrote.

interface DeskBridge {
  invoke(name: unknown, args: unknown): Promise<unknown>;
  on(event: unknown, listener: unknown): () => void;
}

let desk: DeskBridge;

beforeAll(async () => {
  await import('../../../electron/preload/index.js');
  const [, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, DeskBridge];
  desk = api;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset().mockResolvedValue({ ok: true, value: 'from main' });
  webUtils.getPathForFile.mockReset().mockReturnValue('');
});

describe('shell operations through desk.invoke', () => {
  it('keeps the bridge to invoke and on', () => {
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);
  });

  it.each(SHELL_OPERATIONS.filter((name) => name !== 'shell.grantDroppedFile'))('sends %s to main on the shell channel', async (name) => {
    await expect(desk.invoke(name, { fileName: 'a.pdf' })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(SHELL_CHANNEL, name, { fileName: 'a.pdf' });
    expect(ipcRenderer.invoke).not.toHaveBeenCalledWith(INVOKE_CHANNEL, expect.anything(), expect.anything());
  });

  it('knows exactly the contract’s shell operations (its copy is in step)', async () => {
    for (const name of SHELL_OPERATIONS) {
      webUtils.getPathForFile.mockReturnValue('/home/a/x.pdf');
      const envelope = (await desk.invoke(name, { file: {} })) as { ok: boolean; error?: { code: string } };
      expect(envelope.error?.code, name).not.toBe('unknown_command');
    }
    for (const name of ['shell.openExternal', 'shell.readFile', 'shell', 'SHELL.PICKFILES']) {
      expect(await desk.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    }
  });
});

describe('a dropped file', () => {
  it('goes to main as the path Electron gives for the File, and nothing the page wrote', async () => {
    const file = { name: 'to-khai.pdf' };
    webUtils.getPathForFile.mockReturnValue('/home/motcua/Tải về/to-khai.pdf');
    await desk.invoke('shell.grantDroppedFile', { file, path: '/etc/shadow' });
    expect(webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(SHELL_CHANNEL, 'shell.grantDroppedFile', { path: '/home/motcua/Tải về/to-khai.pdf' });
  });

  it('is refused in the preload when the File has no path on disk (made in script) or is not a File', async () => {
    webUtils.getPathForFile.mockImplementation((file: unknown) => {
      if (typeof file !== 'object') throw new TypeError('not a File');
      return '';
    });
    for (const args of [{ file: { name: 'forged.pdf' } }, { file: '/etc/passwd' }, { path: '/etc/passwd' }, null]) {
      expect(await desk.invoke('shell.grantDroppedFile', args)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});
