import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SecretName, SecretStore } from './secret-store.js';

// Secrets under Node (the web host, tests, a desk run with `node`): one JSON file in the data folder,
// readable and writable only by the user (0600), replaced atomically (written beside, then renamed).
// It protects against other users of the machine and against copying the database alone, not against
// someone who can read the whole data folder as this user: see the README's trade-off. On Windows
// the mode bits mean little; the file takes the data folder's ACL (the user's profile). Main gives it a
// seal (Electron's safeStorage) so that what the file holds is ciphertext only this OS user can open.

export const SECRETS_FILE = 'secrets.json';

const OWNER_ONLY = 0o600;

type SecretFile = Partial<Record<SecretName, string>>;

/** How a value is written into the file and read back (plain text under Node). */
export interface SecretSeal {
  seal(value: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

const PLAIN: SecretSeal = { seal: (value) => Promise.resolve(value), open: (sealed) => Promise.resolve(sealed) };

export class FileSecretStore implements SecretStore {
  private readonly path: string;
  private readonly seal: SecretSeal;
  /** One change at a time, so two writes never race on the temporary file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, options: { fileName?: string; seal?: SecretSeal } = {}) {
    this.path = join(dataDir, options.fileName ?? SECRETS_FILE);
    this.seal = options.seal ?? PLAIN;
  }

  private async read(): Promise<SecretFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    // A copy restored with looser permissions is tightened before it is trusted again.
    if (process.platform !== 'win32' && ((await stat(this.path)).mode & 0o077) !== 0) await chmod(this.path, OWNER_ONLY);
    return JSON.parse(text) as SecretFile;
  }

  private change(apply: (secrets: SecretFile) => Promise<void> | void): Promise<void> {
    const next = this.queue.then(async () => {
      const secrets = await this.read();
      await apply(secrets);
      await mkdir(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(secrets), { mode: OWNER_ONLY, flush: true });
      await rename(temporary, this.path);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async get(name: SecretName): Promise<string | null> {
    await this.queue;
    const sealed = (await this.read())[name];
    return sealed === undefined ? null : this.seal.open(sealed);
  }

  set(name: SecretName, value: string): Promise<void> {
    return this.change(async (secrets) => {
      secrets[name] = await this.seal.seal(value);
    });
  }

  delete(name: SecretName): Promise<void> {
    return this.change((secrets) => {
      delete secrets[name];
    });
  }
}
