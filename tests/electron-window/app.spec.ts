// The desk in a real Electron window: the packaged shape (app://, sandboxed preload, IPC to the core).
// Electron's binary comes from outside the npm registry, so on machines without it this suite is skipped
// with the reason; the same checks run as unit tests against a stub of 'electron' (tests/electron/main).
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findElectronBinary } from './electron-binary.js';
import { ensureDisplay } from './virtual-display.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SCREENS_DIR = join(ROOT, 'test-results/screens');
const binary = findElectronBinary();

test.skip(!binary.ok, `No Electron binary on this machine: ${binary.ok ? '' : binary.reason}`);
// The list reporter does not print skip reasons: say it in the output too.
if (!binary.ok) {
  console.warn(`[electron] suite skipped. No Electron binary on this machine: ${binary.reason}`);
}
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let dataDir: string;
let launchEnv: Record<string, string>;
let stopDisplay = (): void => {};

/** Builds main and preload into out/ (fast); the renderer only when it has not been built yet. */
async function buildDesk(): Promise<void> {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  type InlineConfig = Parameters<typeof build>[0];
  const savedEnv = { ...process.env };
  try {
    const { config } = await resolveConfig({ root: ROOT, logLevel: 'warn' }, 'build', 'production');
    if (!config?.main || !config.preload || !config.renderer) throw new Error('electron.vite.config.ts lacks a section');
    await build(config.main as InlineConfig);
    await build(config.preload as InlineConfig);
    if (!existsSync(join(ROOT, 'out/renderer/index.html'))) await build(config.renderer as InlineConfig);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!binary.ok) return;
  const display = await ensureDisplay();
  test.skip(!display.ok, `No display for an Electron window: ${display.ok ? '' : display.reason}`);
  if (!display.ok) return;
  stopDisplay = display.stop;
  await buildDesk();
  dataDir = mkdtempSync(join(tmpdir(), 'desk-electron-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RENDERER_URL; // the built renderer over app://, never a dev server
  delete env.ELECTRON_RUN_AS_NODE;
  launchEnv = { ...env, ...display.env, DESK_DATA_DIR: dataDir };
  app = await electron.launch({
    executablePath: binary.path,
    // Chromium refuses to run as root without --no-sandbox (CI containers); the window's own sandbox stays on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
    cwd: ROOT,
    env: launchEnv,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  stopDisplay();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('opens one window on app://desk showing the Vietnamese shell', async () => {
  expect(page.url()).toBe('app://desk/index.html');
  await expect(page).toHaveTitle('Một cửa Hạ Long');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Một cửa Hạ Long');
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, 'electron-window.png') });
  expect(app.windows()).toHaveLength(1);
});

test('the page reaches the core only through window.desk, over IPC', async () => {
  await expect(page.getByTestId('about-data-dir')).toHaveText(dataDir);
  const seen = await page.evaluate(async () => {
    const desk = (window as unknown as { desk: { invoke(name: string, args: unknown): Promise<unknown> } }).desk;
    return {
      keys: Object.keys(desk).sort(),
      info: await desk.invoke('app.info', {}),
      unknown: await desk.invoke('fs.readFile', { path: '/etc/passwd' }),
      invalid: await desk.invoke('app.info', { extra: 1 }),
      // Node stays out of the page (nodeIntegration off, context isolated, sandboxed preload).
      nodeGlobals: ['require', 'process', 'module', 'Buffer', 'ipcRenderer'].filter((name) => name in window),
    };
  });
  expect(seen.keys).toEqual(['invoke', 'on']);
  expect(seen.info).toMatchObject({ ok: true, value: { dataDir, appName: 'Một cửa Hạ Long' } });
  expect(seen.unknown).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  expect(seen.invalid).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  expect(seen.nodeGlobals).toEqual([]);
});

test('app:// answers with the strict CSP and refuses traversal', async () => {
  const answers = await page.evaluate(async () => {
    const index = await fetch('app://desk/index.html');
    const escape = await fetch('app://desk/..%2f..%2f..%2fetc/passwd');
    return { csp: index.headers.get('content-security-policy'), escapeStatus: escape.status };
  });
  expect(answers.csp).toContain("script-src 'self'");
  expect(answers.csp).toContain("object-src 'none'");
  expect(answers.escapeStatus).toBe(404);
});

test('new windows and foreign navigation are refused', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://desk/index.html');
  expect(app.windows()).toHaveLength(1);
});

test('a second start focuses the running desk and exits', async () => {
  const second = spawn(binary.ok ? binary.path : 'false', [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT], {
    cwd: ROOT,
    env: launchEnv,
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((done) => second.once('exit', done));
  expect(code).toBe(0);
  expect(app.windows()).toHaveLength(1);
});
