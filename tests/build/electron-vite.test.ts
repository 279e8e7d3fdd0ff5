import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig, type UserConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import electronViteConfig from '../../electron.vite.config.js';
import { makeTempDir } from '../support/temp-dir.js';

// Builds main and preload with the project's electron.vite.config.ts into a temp folder (never out/,
// which other suites serve), then checks what Electron will load. The renderer has its own tests.
const ROOT = resolve(import.meta.dirname, '../..');
let tmp: ReturnType<typeof makeTempDir>;
let mainCode: string;
let coreCode: string;
let preloadCode: string;

beforeAll(async () => {
  tmp = makeTempDir('electron-vite-');
  // electron-vite writes NODE_ENV and a few of its own variables into process.env: put them back after.
  const savedEnv = { ...process.env };
  try {
    const resolved = await resolveConfig({ root: ROOT, logLevel: 'silent', build: { outDir: tmp.path } }, 'build', 'production');
    const { main, preload } = resolved.config ?? {};
    if (!main || !preload) throw new Error('electron.vite.config.ts lacks a main or preload section');
    await build(main as InlineConfig);
    await build(preload as InlineConfig);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
  mainCode = readFileSync(join(tmp.path, 'main/index.js'), 'utf8');
  coreCode = readFileSync(join(tmp.path, 'main/core-entry.js'), 'utf8');
  preloadCode = readFileSync(join(tmp.path, 'preload/index.cjs'), 'utf8');
}, 120_000);
afterAll(() => tmp?.remove());

describe('main bundle', () => {
  it('is an ES module at the path package.json names (out/main/index.js)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; type: string };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.type).toBe('module');
    expect(mainCode).toMatch(/^import .* from "electron";$/m);
    // A bare require( call (not a method such as session.require) would fail in an ES module.
    expect(mainCode).not.toMatch(/(^|[^.\w])require\(/m);
  });

  it('leaves better-sqlite3 (a native addon) to node_modules, loaded by the core\'s process only, never by main', () => {
    expect(coreCode).toMatch(/^import \w+ from "better-sqlite3";$/m);
    expect(mainCode).not.toContain('"better-sqlite3"');
    expect(existsSync(join(tmp.path, 'main', 'better_sqlite3.node'))).toBe(false);
  });

  it('builds the core\'s process entry beside index.js (utilityProcess.fork), taking only net from the electron module', () => {
    expect(mainCode).toContain('"core-entry.js"');
    // Electron's net (Chromium's stack: system proxy/PAC, OS certificates) is the one module a utilityProcess uses.
    const fromElectron = [...coreCode.matchAll(/^import (.*) from "electron";$/gm)].map((match) => match[1]);
    expect(fromElectron).toEqual([expect.stringMatching(/^\{\s*net\s*\}$/)]);
    expect(coreCode).not.toMatch(/(^|[^.\w])require\(/m);
  });

  it('finds its siblings with import.meta.dirname and never declares __dirname (a SyntaxError under electron-vite)', () => {
    expect(mainCode).toContain('import.meta.dirname');
    expect(mainCode).not.toMatch(/\b(const|let|var)\s+__dirname\b/);
    expect(mainCode).toContain('"index.cjs"');
  });
});

describe('preload bundle', () => {
  it('is CommonJS requiring nothing but electron (a sandboxed preload can require nothing else)', () => {
    const required = [...preloadCode.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preloadCode).not.toMatch(/^\s*(import|export)\s/m);
    expect(preloadCode).not.toContain('zod');
  });

  it('runs in a bare context and exposes window.desk with invoke and on', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })),
        on: () => {},
        removeListener: () => {},
      },
    };
    const fakeRequire = (id: string): unknown => {
      if (id === 'electron') return electron;
      throw new Error(`sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    runInNewContext(`(function (exports, require, module) {${preloadCode}\n})`, { console })(module.exports, fakeRequire, module);
    const desk = exposed.desk as { invoke(name: string, args: unknown): Promise<{ ok: boolean }> };
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);
    expect((await desk.invoke('app.info', {})).ok).toBe(true);
    expect(invoked).toEqual([['app:invoke', 'app.info', {}]]);
    expect((await desk.invoke('shell.exec', {})).ok).toBe(false);
    expect(invoked).toHaveLength(1);
  });
});

describe('renderer section', () => {
  it('builds the same renderer as renderer/vite.config.ts (`npm run build:web`), into the same folder', async () => {
    const webPath = join(ROOT, 'renderer/vite.config.ts');
    const web = ((await import(pathToFileURL(webPath).href)) as { default: UserConfig }).default;
    const desk = electronViteConfig.renderer as UserConfig;
    expect(resolve(desk.root ?? '')).toBe(resolve(web.root ?? ''));
    expect(resolve(desk.build?.outDir ?? '')).toBe(resolve(web.build?.outDir ?? ''));
    expect(resolve(desk.build?.outDir ?? '')).toBe(join(ROOT, 'out/renderer'));
    expect(desk.base).toBe(web.base);
    expect(desk.build?.assetsInlineLimit).toBe(web.build?.assetsInlineLimit);
    expect(desk.build?.target).toBe(web.build?.target);
  });
});
