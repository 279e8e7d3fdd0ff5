import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { feedUrlOf, UPDATE_CHANNEL } from '../../electron/main/updates/desk-updater.js';
import { nativeBinaries, productionTree } from './production-tree.js';

// Installers cannot be built on these machines (electron-builder downloads Electron); this checks the
// configuration instead: against electron-builder's own schema, and for what the desks need.
const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// Patterns are matched the way electron-builder matches them: its own minimatch, with dot files.
const { minimatch } = createRequire(require.resolve('app-builder-lib'))('minimatch') as {
  minimatch(path: string, pattern: string, options: { dot: boolean }): boolean;
};
const matchesGlob = (path: string, pattern: string): boolean => minimatch(path, pattern, { dot: true });

interface TargetSpec {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  executableName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  icon: string;
  electronFuses: Record<string, boolean>;
  win: { target: TargetSpec[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: TargetSpec[]; category: string; maintainer: string; icon: string };
  publish: { provider: string; url: string; useMultipleRangeRequest: boolean };
}

const CONFIG_PATH = join(ROOT, 'build/electron-builder.config.cjs');
const config = require(CONFIG_PATH) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  productName: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const rootPkg = pkg as typeof pkg & { devDependencies: Record<string, string>; workspaces: string[] };
/** A workspace's package.json (server/: the centre, bench/: the benchmarks). */
function workspacePkg(dir: string): { name: string; dependencies: Record<string, string> } {
  return JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
}

// Bundled into the renderer by Vite: the packaged app needs none of them in node_modules.
const RENDERER_ONLY = ['react', 'react-dom', 'zustand', 'pdfjs-dist', 'bwip-js', '@fontsource/tinos'];
// The city centre's server (server/); the desk talks to it over HTTP only.
const CENTRE_ONLY = ['fastify', '@fastify/rate-limit', '@tus/server', '@tus/file-store', 'pg'];
// The benchmarks' comparison stores (bench/), and the native store pouchdb-node brings with it.
const BENCH_DECLARED = ['pouchdb-node', 'express-pouchdb', 'express'];
const BENCH_ONLY = [...BENCH_DECLARED, 'leveldown'];

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The schema check bites: a misspelt fuse is refused.
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('is the file `npm run dist` uses', () => {
    expect(pkg.scripts.dist).toContain('electron-builder --config build/electron-builder.config.cjs');
    expect(pkg.scripts.dist).toMatch(/^electron-vite build && /);
  });

  it('names the desk app and keeps file names ASCII', () => {
    expect(config.productName).toBe('Một cửa Hạ Long');
    expect(config.productName).toBe(pkg.productName);
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.executableName).toMatch(/^[a-z0-9-]+$/);
  });

  it('builds NSIS for the Windows desks, AppImage and deb for Linux', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  });

  it("writes the centre's update feed files (latest.yml, blockmaps) with single byte ranges, on the feed path the desk uses", () => {
    expect(config.publish).toMatchObject({ provider: 'generic', useMultipleRangeRequest: false });
    expect(new URL(config.publish.url).pathname).toBe(new URL(feedUrlOf('https://trung-tam.invalid', UPDATE_CHANNEL)).pathname);
  });

  it('never deletes the desk records when the program is uninstalled', () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.nsis.oneClick).toBe(false);
  });

  it('packs the built bundles, including the entry package.json points at', () => {
    expect(config.files).toContain('out/**/*');
    expect(matchesGlob(pkg.main, 'out/**/*')).toBe(true);
  });

  it('unpacks every native binary of the production tree from the asar, and rebuilds them for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    const natives = nativeBinaries(ROOT, productionTree(ROOT));
    // The scan is not blind: it finds better-sqlite3's addon and sharp's, with libvips beside it.
    expect(natives).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(natives.some((file) => /^node_modules\/@img\/sharp-[^/]+\/lib\/sharp-.+\.node$/.test(file))).toBe(true);
    expect(natives.some((file) => /^node_modules\/@img\/sharp-libvips-[^/]+\/lib\/libvips-cpp\.(so[.\d]*|dylib|dll)/.test(file))).toBe(true);
    const packed = natives.filter((file) => !config.asarUnpack.some((pattern) => matchesGlob(file, pattern)));
    expect(packed, 'native files left inside app.asar').toEqual([]);
    // …and the patterns are not so wide that they unpack everything.
    expect(config.asarUnpack.some((pattern) => matchesGlob('out/main/index.js', pattern))).toBe(false);
    expect(config.asarUnpack.some((pattern) => matchesGlob('node_modules/zod/index.js', pattern))).toBe(false);
  });

  it('ships the desk main process only what it imports: no renderer-only, centre-only or benchmark package', () => {
    const tree = new Set(productionTree(ROOT).map((p) => p.name));
    const notForTheDesk = [...RENDERER_ONLY, ...CENTRE_ONLY, ...BENCH_ONLY].filter((name) => tree.has(name));
    expect(notForTheDesk, 'in the desk app\'s production tree').toEqual([]);
    // Every runtime dependency is imported by code the main bundle is built from.
    const imported = packagesImportedBy(['electron/main', 'electron/core', 'shared'].map((dir) => join(ROOT, dir)));
    const unused = Object.keys(rootPkg.dependencies).filter((name) => !imported.has(name));
    expect(unused, 'dependencies the desk main process never imports (devDependencies instead?)').toEqual([]);
    // The lists above are real imports, not guesses.
    const rendererImports = packagesImportedBy([join(ROOT, 'renderer')]);
    for (const name of RENDERER_ONLY) expect(rendererImports.has(name) && !imported.has(name), name).toBe(true);
    const centreImports = packagesImportedBy([join(ROOT, 'server')]);
    for (const name of CENTRE_ONLY) expect(centreImports.has(name) && !imported.has(name), name).toBe(true);
  });

  it("keeps the centre's and the benchmarks' packages in their own workspaces, out of the desk's package.json", () => {
    expect(rootPkg.workspaces).toEqual(['server', 'bench']);
    const deskImports = packagesImportedBy(['electron/main', 'electron/core', 'shared'].map((dir) => join(ROOT, dir)));
    const deskManifest = new Set([...Object.keys(rootPkg.dependencies), ...Object.keys(rootPkg.devDependencies)]);
    for (const [dir, listed] of [['server', CENTRE_ONLY], ['bench', BENCH_DECLARED]] as const) {
      const workspace = workspacePkg(dir);
      // What only this workspace needs (packages the desk also imports, like better-sqlite3 or zod, are shared).
      const own = Object.keys(workspace.dependencies).filter((name) => !deskImports.has(name));
      expect(own.filter((name) => deskManifest.has(name)), `${workspace.name}'s packages in the desk's package.json`).toEqual([]);
      // The lists this file checks the production tree against are the workspace's own packages.
      expect(listed.filter((name) => !own.includes(name)), `${workspace.name} does not declare`).toEqual([]);
    }
    // The centre declares every package its build imports, shared/ included (resolution from the root's
    // node_modules would hide a gap until it is installed on its own).
    const centreImports = [...packagesImportedBy(['server', 'shared'].map((dir) => join(ROOT, dir)))];
    expect(centreImports.filter((name) => workspacePkg('server').dependencies[name] === undefined)).toEqual([]);
  });

  it("electron-builder's own collector (npm ls, as `npm run dist` runs it) packs no workspace and none of their packages", async () => {
    const builderRequire = createRequire(require.resolve('app-builder-lib'));
    const { getCollectorByPackageManager, PM } = require('app-builder-lib/out/node-module-collector/index.js') as {
      PM: { NPM: unknown };
      getCollectorByPackageManager(pm: unknown, root: string, tmp: unknown): { getNodeModules(options: { packageName: string }): Promise<{ nodeModules: CollectedModule[] }> };
    };
    const { TmpDir } = builderRequire('temp-file') as { TmpDir: new (name: string) => { cleanup(): Promise<void> } };
    const tmp = new TmpDir('packaging-test');
    try {
      const { nodeModules } = await getCollectorByPackageManager(PM.NPM, ROOT, tmp).getNodeModules({ packageName: rootPkg.name });
      const packed = new Set<string>();
      const walk = (modules: CollectedModule[]): void => {
        for (const module of modules) {
          packed.add(module.name);
          walk(module.dependencies ?? []);
        }
      };
      walk(nodeModules);
      // The collector is read right: the desk's own runtime packages are there.
      expect(packed.has('better-sqlite3') && packed.has('sharp')).toBe(true);
      const workspaces = rootPkg.workspaces.map((dir) => workspacePkg(dir).name);
      expect([...workspaces, ...RENDERER_ONLY, ...CENTRE_ONLY, ...BENCH_ONLY].filter((name) => packed.has(name))).toEqual([]);
    } finally {
      await tmp.cleanup();
    }
  });

  it('flips the fuses: no Node mode, no inspector or NODE_OPTIONS, cookies encrypted, code only from the asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('build/icon.png', () => {
  it('is a valid 512×512 PNG that every platform target uses', () => {
    for (const icon of [config.icon, config.win.icon, config.linux.icon]) expect(icon).toBe('build/icon.png');
    const png = readFileSync(join(ROOT, config.icon));
    const image = decodePng(png);
    expect(image).toMatchObject({ width: 512, height: 512, bitDepth: 8, colourType: 6 });
    // Not blank: the corners are transparent and the middle is opaque.
    expect(image.alphaAt(0, 0)).toBe(0);
    expect(image.alphaAt(256, 256)).toBe(255);
  });

  it('the decoder refuses a damaged PNG (so the check above means something)', () => {
    const png = Buffer.from(readFileSync(join(ROOT, config.icon)));
    png[60] = (png[60] ?? 0) ^ 0xff; // inside the IDAT data (IHDR ends at byte 33)
    expect(() => decodePng(png)).toThrow();
    expect(() => decodePng(Buffer.from('not a png'))).toThrow(/signature/);
  });
});

/** A package electron-builder's node-module collector would copy into the app. */
interface CollectedModule {
  name: string;
  dependencies?: CollectedModule[];
}

/** Package names imported (static, dynamic or require) by the .ts/.tsx files under `dirs`. */
function packagesImportedBy(dirs: string[]): Set<string> {
  const names = new Set<string>();
  const specifier = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (const file of dirs.flatMap((dir) => findFiles(dir, (name) => /\.tsx?$/.test(name)))) {
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(specifier)) {
      if (spec.startsWith('.') || spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec));
    }
  }
  return names;
}

function findFiles(dir: string, wanted: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && wanted(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Just enough of a PNG reader to prove the file is whole: chunks, CRCs, IHDR and the pixel data size. */
function decodePng(png: Buffer) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature)) throw new Error('bad PNG signature');
  let offset = 8;
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  let ended = false;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (header === null || !ended) throw new Error('missing IHDR or IEND');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header[8];
  const colourType = header[9];
  const pixels = inflateSync(Buffer.concat(data));
  const stride = 1 + width * 4;
  if (pixels.length !== height * stride) throw new Error(`pixel data is ${pixels.length} bytes, expected ${height * stride}`);
  // Only filter type 0 rows are read back; that is what build/make-icon.mjs writes.
  const alphaAt = (x: number, y: number): number => {
    if (pixels[y * stride] !== 0) throw new Error('filtered rows are not decoded here');
    return pixels[y * stride + 1 + x * 4 + 3] ?? -1;
  };
  return { width, height, bitDepth, colourType, alphaAt };
}
