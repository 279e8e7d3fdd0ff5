import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';

// `npm start` where Electron cannot be downloaded (these machines, and many a ward's PC): the download
// is pointed at a loopback port nobody listens on, with an empty cache, so it fails in well under a second
// and can never succeed (nothing is written to node_modules/electron). Node's better-sqlite3 build in the
// shared node_modules is only read, to prove it is left alone.
const ROOT = resolve(import.meta.dirname, '../..');
const NODE_ADDON = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
let cache: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  cache = makeTempDir('electron-cache-');
});
afterEach(() => cache.remove());

async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('npm start without a way to download Electron', () => {
  it('ends with one Vietnamese/English sentence pointing at `npm run web`, and leaves Node\'s better-sqlite3 build alone', async () => {
    const port = await closedLoopbackPort();
    const addonBefore = sha256(NODE_ADDON);
    const privateBuildBefore = existsSync(join(ROOT, '.electron-native'));
    const started = Date.now();
    // The start script as npm runs it: through the shell, with node_modules/.bin on the PATH.
    const result = spawnSync('sh', ['-c', pkg.scripts.start ?? 'false'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: [join(ROOT, 'node_modules/.bin'), process.env.PATH ?? ''].join(delimiter),
        HOME: cache.path,
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: cache.path,
        // Another platform's binary: never "already installed", even on a machine where Electron is.
        ELECTRON_INSTALL_PLATFORM: process.platform === 'win32' ? 'linux' : 'win32',
      },
    });
    const elapsedMs = Date.now() - started;
    const output = `${result.stdout}${result.stderr}`.trim();
    expect(result.status, output).toBe(1);
    expect(output.split('\n'), output).toHaveLength(1);
    expect(output).toContain('Không tải được Electron');
    expect(output).toContain('Electron could not be downloaded');
    expect(output).toContain('npm run web');
    expect(output).not.toMatch(/TypeError|fetch failed|\n\s+at /);
    expect(sha256(NODE_ADDON)).toBe(addonBefore);
    expect(existsSync(join(ROOT, '.electron-native'))).toBe(privateBuildBefore);
    expect(elapsedMs).toBeLessThan(30_000);
  });
});
