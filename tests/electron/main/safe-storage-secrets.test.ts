import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SECRETS_FILE } from '../../../electron/core/secrets/file-secret-store.js';
import { SEALED_SECRETS_FILE, safeStorageSecretStore } from '../../../electron/main/safe-storage-secrets.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { resetFakeElectron, safeStorage } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// The packaged desk's secrets: sealed by safeStorage into an owner-only file, never written in clear;
// a token left in clear by the web host is sealed on first read; without a real key, the plain file.

const TOKEN = 'dv_thu-nghiem-3f9a1c7e5b2d4f6a8c0e';

describe('safeStorageSecretStore', () => {
  let dir: { path: string; remove(): void };
  beforeEach(() => {
    resetFakeElectron();
    dir = makeTempDir('desk-sealed-');
  });
  afterEach(() => dir.remove());

  it('seals the token with safeStorage into an owner-only file that never holds it in clear', async () => {
    const store = await safeStorageSecretStore(dir.path);
    await store.set('centre.token', TOKEN);
    const sealedPath = join(dir.path, SEALED_SECRETS_FILE);
    expect(readFileSync(sealedPath, 'utf8')).not.toContain(TOKEN);
    if (process.platform !== 'win32') expect(statSync(sealedPath).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir.path, SECRETS_FILE))).toBe(false);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith(TOKEN);
    expect(await (await safeStorageSecretStore(dir.path)).get('centre.token')).toBe(TOKEN);
    await store.delete('centre.token');
    expect(await store.get('centre.token')).toBeNull();
  });

  it('seals a token the web host left in the plain file on first read, and forgets the plain copy', async () => {
    writeFileSync(join(dir.path, SECRETS_FILE), JSON.stringify({ 'centre.token': TOKEN }), { mode: 0o600 });
    const store = await safeStorageSecretStore(dir.path);
    expect(await store.get('centre.token')).toBe(TOKEN);
    expect(readFileSync(join(dir.path, SECRETS_FILE), 'utf8')).not.toContain(TOKEN);
    expect(readFileSync(join(dir.path, SEALED_SECRETS_FILE), 'utf8')).not.toContain(TOKEN);
    expect(await store.get('centre.token')).toBe(TOKEN);
  });

  it.each([
    ['no key at all', () => safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false)],
    ['the basic_text backend of a Linux without keyring', () => safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text')],
  ])('with %s, keeps the owner-only plain file rather than pretend to seal', async (_name, arrange) => {
    if (process.platform !== 'linux' && _name.includes('Linux')) return;
    arrange();
    const store = await safeStorageSecretStore(dir.path);
    await store.set('centre.token', TOKEN);
    expect(readFileSync(join(dir.path, SECRETS_FILE), 'utf8')).toContain(TOKEN);
    expect(existsSync(join(dir.path, SEALED_SECRETS_FILE))).toBe(false);
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });
});
