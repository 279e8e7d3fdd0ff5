import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../shared/contract/envelope.js';
import type { UpdateState } from '../../../shared/contract/shell.js';
import { SYNC_PATHS } from '../../../shared/sync/protocol.js';
import { startDeskApp, type DeskAppOptions } from '../../../electron/main/lifecycle.js';
import type { InvokeEventLike } from '../../../electron/main/ipc-wrapper.js';
import { INVOKE_CHANNEL, SHELL_CHANNEL } from '../../../electron/main/ipc-channels.js';
import { builtEntry } from '../../support/entry-builds.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { startTestCentre, type TestCentre } from '../../server/support/test-centre.js';
import { FakeAutoUpdater, FakeCancellation } from './fake-auto-updater.js';
import { app, BrowserWindow, endFakeUtilityProcesses, FakeUtilityProcess, ipcMain, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// Main's wiring of the updater (mocked `electron`, fake autoUpdater, the real core in its process, a real
// centre in this process): not enrolled, the desk does not update; enrolled, the feed is its centre's.
// The window reaches the update state, the intake flag and "install now" through the shell channel.

const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let dataDir: ReturnType<typeof makeTempDir>;
let centre: TestCentre | null = null;
let fake: FakeAutoUpdater;

function options(): DeskAppOptions {
  return {
    preloadPath: '/app/out/preload/index.cjs',
    rendererDir: '/app/out/renderer',
    coreEntryPath: builtEntry('core-entry'),
    packageJsonPath: join(PROJECT_ROOT, 'package.json'),
    renderer: { url: 'app://desk/index.html', origin: 'app://desk' },
    env: { DESK_DATA_DIR: dataDir.path },
    loadAutoUpdater: async () => ({ updater: fake, newCancellation: () => new FakeCancellation() }),
  };
}

type Listener = (event: InvokeEventLike, name: unknown, args: unknown) => Promise<Envelope<unknown>>;
const listenerOf = (channel: string) => ipcMain.handle.mock.calls.find((call) => call[0] === channel)?.[1] as Listener;

function windowCall(channel: string, name: string, args: unknown = {}): Promise<Envelope<unknown>> {
  const window = BrowserWindow.created[0]!;
  return listenerOf(channel)({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, name, args);
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}

beforeEach(() => {
  resetFakeElectron();
  dataDir = makeTempDir('desk-main-updates-');
  fake = new FakeAutoUpdater();
});

afterEach(async () => {
  app.emit('will-quit', { preventDefault: () => undefined });
  await until(() => FakeUtilityProcess.forked.every((process) => process.exited), 10_000).catch(() => undefined);
  await endFakeUtilityProcesses();
  await centre?.close();
  centre = null;
  dataDir.remove();
  vi.restoreAllMocks();
}, 30_000);

describe('the installed desk and its updates', { timeout: 60_000 }, () => {
  it('does not update before enrolling; once enrolled, points the feed at its centre; install waits for a download and no open intake', async () => {
    expect(await startDeskApp(options())).toBe(true);
    expect(fake.autoDownload).toBe(false);
    expect(fake.autoInstallOnAppQuit).toBe(true);
    const before = await windowCall(SHELL_CHANNEL, 'shell.updateState');
    expect(before).toMatchObject({ ok: true, value: { phase: 'disabled', channel: 'stable', version: VERSION } });
    expect(fake.feeds).toEqual([]);

    centre = await startTestCentre();
    const issued = await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station: 1 } });
    const setup = await windowCall(INVOKE_CHANNEL, 'setup.initialise', {
      unitGsoCode: '06691',
      agencyId: '000.15.20.H49',
      station: 1,
      supervisor: { username: 'giamsat', fullName: 'Trần Văn Giám Sát', password: 'mat-khau-thu-nghiem' },
    });
    expect(setup.ok).toBe(true);
    const enrolled = await windowCall(INVOKE_CHANNEL, 'sync.enroll', { centreUrl: centre.url, code: (issued.body as { code: string }).code, deviceName: 'Quầy 1' });
    expect(enrolled.ok).toBe(true);
    await until(() => fake.feeds.length > 0);
    expect(fake.feeds).toEqual([{ provider: 'generic', url: `${centre.url}/v1/updates/stable/`, useMultipleRangeRequest: false }]);
    expect(((await windowCall(SHELL_CHANNEL, 'shell.updateState')) as { value: UpdateState }).value.phase).toBe('idle');

    expect(await windowCall(SHELL_CHANNEL, 'shell.setIntakeOpen', { open: true })).toMatchObject({ ok: true, value: { intakeOpen: true } });
    expect(await windowCall(SHELL_CHANNEL, 'shell.installUpdate')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await windowCall(SHELL_CHANNEL, 'shell.setIntakeOpen', { open: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(fake.installs).toEqual([]);
  });
});
