// Starts a packaged desk (the executable electron-builder produced) on a fresh data folder and checks
// that its window comes up showing the Vietnamese shell, then quits it. Playwright cannot launch a
// packaged desk the usual way (it needs the Node inspector, which the binary's fuses disable), so the
// app is started with Chromium's remote-debugging port and reached over CDP.
//   node scripts/smoke-packaged.mjs <executable> [expected window title] [extra Chromium args…]
// Used by .github/workflows/desktop-release.yml; tests/build/smoke-packaged.test.ts runs it against
// Debian's Chromium (no Electron binary exists on the development machines).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [executable, expectedTitle = 'Một cửa Hạ Long', ...extraArgs] = process.argv.slice(2);
if (!executable) {
  process.stderr.write('usage: node scripts/smoke-packaged.mjs <executable> [expected title] [args…]\n');
  process.exit(2);
}
const START_TIMEOUT_MS = Number(process.env.SMOKE_TIMEOUT_MS ?? 60_000);
const dataDir = mkdtempSync(join(tmpdir(), 'desk-smoke-'));
const root = process.getuid?.() === 0 ? ['--no-sandbox'] : []; // CI containers run as root
const app = spawn(executable, [...root, '--remote-debugging-port=0', ...extraArgs], {
  env: { ...process.env, DESK_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';

let finishing = false;
function finish(code, message) {
  if (finishing) return; // the first verdict stands
  finishing = true;
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  if (code !== 0 && output) process.stderr.write(`--- the app's output ---\n${output.slice(-4000)}\n`);
  // Wait (boundedly) for the app to be gone before removing its data folder: it writes there until it exits.
  const done = () => {
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
    process.exit(code);
  };
  if (app.exitCode !== null || app.signalCode !== null) done();
  app.removeAllListeners('exit');
  app.once('exit', done);
  setTimeout(done, 5000).unref();
  app.kill();
}

const endpoint = await new Promise((resolveEndpoint) => {
  const timer = setTimeout(() => finish(1, `${executable} did not open a debugging port within ${START_TIMEOUT_MS / 1000} s.`), START_TIMEOUT_MS);
  const read = (chunk) => {
    output += chunk.toString();
    // The whole line: a chunk can end inside the address.
    const match = /DevTools listening on (ws:\/\/\S+)\r?\n/u.exec(output);
    if (match) {
      clearTimeout(timer);
      resolveEndpoint(match[1]);
    }
  };
  app.stdout.on('data', read);
  app.stderr.on('data', read);
  app.on('exit', (code, signal) => finish(1, `${executable} exited (${signal ?? code}) before its window came up.`));
});

try {
  const browser = await chromium.connectOverCDP(endpoint, { timeout: START_TIMEOUT_MS });
  const deadline = Date.now() + START_TIMEOUT_MS;
  let titles = [];
  while (Date.now() < deadline) {
    const pages = browser.contexts().flatMap((context) => context.pages());
    titles = await Promise.all(pages.map((page) => page.title().catch(() => '')));
    if (titles.includes(expectedTitle)) break;
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  app.removeAllListeners('exit');
  if (titles.includes(expectedTitle)) finish(0, `${executable} started and shows "${expectedTitle}".`);
  else finish(1, `No window titled "${expectedTitle}" (seen: ${JSON.stringify(titles)}).`);
} catch (error) {
  app.removeAllListeners('exit');
  finish(1, `Could not reach ${executable} over CDP: ${error instanceof Error ? error.message : String(error)}`);
}
