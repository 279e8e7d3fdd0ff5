import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore, SECRETS_FILE } from '../../../../electron/core/secrets/file-secret-store.js';
import { makeTempDir } from '../../../support/temp-dir.js';

// Secrets under Node: a file in the data folder only its owner can read, even after a careless restore.

describe.skipIf(process.platform === 'win32')('FileSecretStore', () => {
  let dir: { path: string; remove(): void };
  beforeEach(() => {
    dir = makeTempDir('desk-secrets-');
  });
  afterEach(() => dir.remove());

  it('writes an owner-only file, reads back what it wrote, and forgets on delete', async () => {
    const store = new FileSecretStore(dir.path);
    expect(await store.get('centre.token')).toBeNull();
    await store.set('centre.token', 'dv_mot');
    await store.set('centre.token', 'dv_hai');
    const path = join(dir.path, SECRETS_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await new FileSecretStore(dir.path).get('centre.token')).toBe('dv_hai');
    await store.delete('centre.token');
    expect(await store.get('centre.token')).toBeNull();
    expect(readFileSync(path, 'utf8')).not.toContain('dv_');
  });

  it('tightens a file restored with looser permissions before reading it', async () => {
    const store = new FileSecretStore(dir.path);
    await store.set('centre.token', 'dv_ba');
    const path = join(dir.path, SECRETS_FILE);
    chmodSync(path, 0o644);
    expect(await store.get('centre.token')).toBe('dv_ba');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
