import { safeStorage } from 'electron';
import { FileSecretStore, type SecretSeal } from '../core/secrets/file-secret-store.js';
import type { SecretStore } from '../core/secrets/secret-store.js';

// The core's secrets in the packaged app: sealed with Electron's safeStorage (DPAPI on Windows, so
// only this Windows user on this machine can open them; the Keychain on macOS; libsecret/KWallet on
// Linux) and kept as ciphertext in an owner-only file of the data folder. Where safeStorage has no
// real key (Linux with no keyring: the "basic_text" backend), sealing would be make-believe, so the
// desk keeps the plain owner-only file, as under Node, and the README says so.

export const SEALED_SECRETS_FILE = 'secrets.sealed.json';

const SAFE_STORAGE_SEAL: SecretSeal = {
  seal: async (value) => (await safeStorage.encryptStringAsync(value)).toString('base64'),
  open: async (sealed) => (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result,
};

async function safeStorageHasARealKey(): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/** Call after `app` is ready (safeStorage's key is not there before). */
export async function safeStorageSecretStore(dataDir: string): Promise<SecretStore> {
  const plain = new FileSecretStore(dataDir);
  if (!(await safeStorageHasARealKey())) return plain;
  const sealed = new FileSecretStore(dataDir, { fileName: SEALED_SECRETS_FILE, seal: SAFE_STORAGE_SEAL });
  return {
    async get(name) {
      const value = await sealed.get(name);
      if (value !== null) return value;
      // A desk that ran under Node first (the web host) kept it in the plain file: seal it, then forget that copy.
      const unsealed = await plain.get(name);
      if (unsealed !== null) {
        await sealed.set(name, unsealed);
        await plain.delete(name);
      }
      return unsealed;
    },
    set: (name, value) => sealed.set(name, value),
    async delete(name) {
      await sealed.delete(name);
      await plain.delete(name);
    },
  };
}
