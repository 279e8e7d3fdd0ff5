import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../shared/contract/envelope.js';
import type { SyncStatus } from '../../../shared/contract/events.js';
import { FileSecretStore, SECRETS_FILE } from '../../../electron/core/secrets/file-secret-store.js';
import { startDeskApp, type DeskAppOptions } from '../../../electron/main/lifecycle.js';
import type { InvokeEventLike } from '../../../electron/main/ipc-wrapper.js';
import { SEALED_SECRETS_FILE, safeStorageSecretStore } from '../../../electron/main/safe-storage-secrets.js';
import { builtEntry } from '../../support/entry-builds.js';
import { requiredPapers } from '../../support/required-papers.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from '../../sync/support/centre-process.js';
import { UNITS } from '../../sync/support/sync-desk.js';
import { app, BrowserWindow, endFakeUtilityProcesses, FakeUtilityProcess, ipcMain, resetFakeElectron, safeStorage } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// The centre token in the Electron app: the core runs in its own process (a real Node child here, as the
// fake utilityProcess forks it), where safeStorage does not exist, so it keeps the token through main,
// whose store seals it with safeStorage (the fake one XORs, so sealed bytes never hold the clear text).
// After enrolling with a real centre process and syncing, no file anywhere in the data folder holds the
// token in clear: not the database, its WAL, nor a secrets file.

const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
let dataDir: ReturnType<typeof makeTempDir>;
let centreDir: ReturnType<typeof makeTempDir>;
let centre: CentreProcess;
let codes: string[];

function options(): DeskAppOptions {
  return {
    preloadPath: '/app/out/preload/index.cjs',
    rendererDir: '/app/out/renderer',
    coreEntryPath: builtEntry('core-entry'),
    packageJsonPath: join(PROJECT_ROOT, 'package.json'),
    renderer: { url: 'app://desk/index.html', origin: 'app://desk' },
    env: { DESK_DATA_DIR: dataDir.path },
  };
}

type InvokeListener = (event: InvokeEventLike, name: unknown, args: unknown) => Promise<Envelope<unknown>>;

/** The window's call, through main's IPC wrapper, to the core in its process. */
async function call(name: string, args: unknown): Promise<unknown> {
  const window = BrowserWindow.created[0]!;
  const listener = ipcMain.handle.mock.calls[0]?.[1] as InvokeListener;
  const envelope = await listener({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, name, args);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

/** Every file under the folder (recursively) whose bytes contain the text. */
function filesHolding(folder: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile() && readFileSync(path).includes(needle));
}

async function enrollAndSync(code: string): Promise<SyncStatus> {
  await call('setup.initialise', {
    ...UNITS.hongGai,
    station: 1,
    supervisor: { username: 'giamsat', fullName: 'Trần Văn Giám Sát', password: 'mat-khau-thu-nghiem' },
  });
  await call('sync.enroll', { centreUrl: centre.url, code, deviceName: 'Quầy thử nghiệm Electron' });
  await call('dossiers.receive', {
    procedureId: 'cu-tru.dang-ky-thuong-tru',
    channel: 1,
    applicant: { fullName: 'Nguyễn Văn Thử', idNumber: '022190000001' },
    documents: requiredPapers('cu-tru.dang-ky-thuong-tru'),
  });
  return (await call('sync.now', { wait: true })) as SyncStatus;
}

beforeAll(async () => {
  centreDir = makeTempDir('centre-secrets-');
  codes = await prepareCentre(centreDir.path, [
    { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
    { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
  ]);
  centre = await startCentre({ dataDir: centreDir.path });
}, 60_000);

afterAll(async () => {
  await centre?.stop();
  centreDir?.remove();
});

beforeEach(() => {
  resetFakeElectron();
  dataDir = makeTempDir('desk-main-secrets-');
});

afterEach(async () => {
  app.emit('will-quit', { preventDefault: () => undefined });
  const deadline = Date.now() + 10_000;
  while (!FakeUtilityProcess.forked.every((process) => process.exited) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await endFakeUtilityProcesses();
  dataDir.remove();
  vi.restoreAllMocks();
}, 30_000);

describe("the core's secrets kept by main (safeStorage) across the process boundary", { timeout: 90_000 }, () => {
  it('a core in its own process enrolls and syncs; the token is sealed by main, in clear in no file of the data folder', async () => {
    expect(await startDeskApp(options())).toBe(true);
    const status = await enrollAndSync(codes[0]!);
    expect(status).toMatchObject({ pendingEvents: 0, lastError: null });

    // The core asked main, whose store sealed the token (checked before this test reads main's store,
    // which would itself seal and remove a clear copy the core had left in the plain file).
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledOnce();
    expect(readdirSync(dataDir.path)).toContain(SEALED_SECRETS_FILE);
    expect(readdirSync(dataDir.path)).not.toContain(SECRETS_FILE);
    const token = await (await safeStorageSecretStore(dataDir.path)).get('centre.token');
    expect(token).not.toBeNull();
    expect(token!.length).toBeGreaterThanOrEqual(20);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith(token);

    expect(filesHolding(dataDir.path, token!)).toEqual([]); // while the core runs (WAL included)
    app.emit('will-quit', { preventDefault: () => undefined });
    await vi.waitFor(() => expect(FakeUtilityProcess.forked[0]!.exited).toBe(true), { timeout: 10_000 });
    expect(filesHolding(dataDir.path, token!)).toEqual([]);
  });

  it("where safeStorage has no real key (Linux's basic_text) main keeps the owner-only plain file, and the core still syncs", async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    expect(await startDeskApp(options())).toBe(true);
    platform.mockRestore();
    // Watched in this process (main's): the file is written by main, not by the core in its own process.
    const mainWrites = vi.spyOn(FileSecretStore.prototype, 'set');
    expect(await enrollAndSync(codes[1]!)).toMatchObject({ pendingEvents: 0, lastError: null });
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    const plain = join(dataDir.path, SECRETS_FILE);
    const token = (JSON.parse(readFileSync(plain, 'utf8')) as Record<string, string>)['centre.token'];
    expect(mainWrites).toHaveBeenCalledWith('centre.token', token);
    if (process.platform !== 'win32') expect(statSync(plain).mode & 0o777).toBe(0o600);
  });
});
