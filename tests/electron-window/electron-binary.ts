import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Finds the Electron executable the way the `electron` package does, but without its fallback of
 * downloading one: `require('electron')` starts a download when the binary is missing, which here
 * (no internet) would only hang. Then checks the binary really starts (`--version`).
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let moduleDir: string;
  try {
    moduleDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm ci).' };
  }
  const pathFile = join(moduleDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      ok: false,
      reason: `${pathFile} is missing: the Electron binary was never downloaded (it comes from outside the npm registry). ` +
        'On a machine with internet access, run `npx install-electron` (or `node node_modules/electron/install.js`).',
    };
  }
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relativePath)
    : join(moduleDir, 'dist', relativePath);
  try {
    accessSync(executable, constants.X_OK);
  } catch {
    return { ok: false, reason: `${executable} is missing or not executable.` };
  }
  const probe = spawnSync(executable, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.status !== 0) {
    const detail = (probe.error?.message ?? probe.stderr ?? '').split('\n')[0] ?? '';
    return { ok: false, reason: `${executable} does not start (${detail || `exit ${String(probe.status)}`}).` };
  }
  return { ok: true, path: executable };
}
