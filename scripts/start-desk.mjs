// `npm start`: the desk in Electron from a development checkout. Three steps, each of which may need
// the internet the first time (Electron's binary; Electron's headers to build better-sqlite3):
//   1. Electron's binary into node_modules/electron (its own installer, skipped when present);
//   2. better-sqlite3 built for Electron's ABI into .electron-native/, a private copy: node_modules keeps
//      the build for Node, so the web host, the tests and the benchmarks keep working afterwards;
//   3. electron-vite build, then Electron, told where the Electron build is (DESK_SQLITE_ADDON).
// A step that fails ends with one sentence saying what to do instead (`npm run web`), not a stack.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(join(ROOT, 'package.json'));
const NATIVE_DIR = join(ROOT, '.electron-native');
const ADDON = join(NATIVE_DIR, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const NO_ELECTRON =
  'Không tải được Electron (cần Internet lần đầu); dùng `npm run web` để mở bàn làm việc trong trình duyệt. / ' +
  'Electron could not be downloaded (the first run needs the internet); use `npm run web` to open the desk in a browser.';
const NO_ADDON =
  'Không dựng được better-sqlite3 cho Electron (cần Internet và trình biên dịch C++); dùng `npm run web`. / ' +
  'better-sqlite3 could not be built for Electron (needs the internet and a C++ compiler); use `npm run web`.';

function fail(sentence, detail) {
  // The details only on request: a new user needs the sentence, a developer can ask for the rest.
  if (process.env.DESK_START_VERBOSE && detail) process.stderr.write(`${detail}\n`);
  process.stderr.write(`${sentence}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
}

// 1. Electron's binary.
const installer = run(process.execPath, [require.resolve('electron/install.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
if (installer.status !== 0) fail(NO_ELECTRON, `${installer.stdout ?? ''}${installer.stderr ?? ''}`);
const electronVersion = require('electron/package.json').version;

// 2. better-sqlite3 for Electron, in its own folder; rebuilt only when either version changed.
const sqliteVersion = require('better-sqlite3/package.json').version;
const stampPath = join(NATIVE_DIR, 'built-for.json');
const stamp = JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion });
if (!existsSync(ADDON) || !existsSync(stampPath) || readFileSync(stampPath, 'utf8') !== stamp) {
  rmSync(NATIVE_DIR, { recursive: true, force: true });
  const sourceDir = dirname(require.resolve('better-sqlite3/package.json'));
  const nodeBuild = join(sourceDir, 'build');
  // A copy, never a link: node_modules is shared, and its build/ stays Node's.
  cpSync(sourceDir, join(NATIVE_DIR, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (path) => path !== nodeBuild && !path.startsWith(`${nodeBuild}${sep}`),
  });
  writeFileSync(join(NATIVE_DIR, 'package.json'), JSON.stringify({ name: 'desk-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  const rebuild = run(
    process.execPath,
    [require.resolve('@electron/rebuild/lib/cli.js'), '--version', electronVersion, '--module-dir', NATIVE_DIR, '--only', 'better-sqlite3', '--force'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (rebuild.status !== 0 || !existsSync(ADDON)) fail(NO_ADDON, `${rebuild.stdout ?? ''}${rebuild.stderr ?? ''}`);
  mkdirSync(NATIVE_DIR, { recursive: true });
  writeFileSync(stampPath, stamp);
}

// 3. The bundles, then the app.
const build = run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const electronPath = require('electron');
const app = run(electronPath, ['.'], { stdio: 'inherit', env: { ...process.env, DESK_SQLITE_ADDON: ADDON } });
process.exit(app.status ?? 1);
