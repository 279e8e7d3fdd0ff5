import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

// The desk's production dependency tree as installed in node_modules: what `npm ls --omit=dev --all`
// lists and what electron-builder copies into the app. Walked by hand (Node's resolution, from each
// package's own folder upwards) so the packaging test needs neither npm nor the lock file's dev flags.

interface Manifest {
  name?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface InstalledPackage {
  name: string;
  /** Absolute folder of the installed copy. */
  dir: string;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The folder `require(name)` would find from `fromDir`, looking no higher than `root`; null when absent. */
function resolvePackageDir(name: string, fromDir: string, root: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Every installed package reachable from the root package.json's `dependencies` (and installed optional ones). */
export function productionTree(root: string): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const visit = (dir: string, manifest: Manifest): void => {
    const optionalPeers = Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name);
    const wanted: Array<[string, boolean]> = [
      ...Object.keys(manifest.dependencies ?? {}).map((name): [string, boolean] => [name, true]),
      ...Object.keys(manifest.optionalDependencies ?? {}).map((name): [string, boolean] => [name, false]),
      ...Object.keys(manifest.peerDependencies ?? {}).map((name): [string, boolean] => [name, !optionalPeers.includes(name)]),
    ];
    for (const [name, required] of wanted) {
      const depDir = resolvePackageDir(name, dir, root);
      if (depDir === null) {
        // An optional dependency for another platform (sharp's @img/sharp-win32-x64 on Linux) is not installed.
        if (required && dir === root) throw new Error(`${name} is a dependency but is not installed`);
        continue;
      }
      if (found.has(depDir)) continue;
      found.set(depDir, { name, dir: depDir });
      visit(depDir, readManifest(depDir));
    }
  };
  visit(root, readManifest(root));
  return [...found.values()];
}

/**
 * Files the operating system must load from a real path, so they cannot live inside an asar: Node
 * addons and shared libraries, versioned ones included (sharp's libvips-cpp.so.8.18.7, which
 * electron-builder's own smart-unpack test, a plain `.so` suffix, misses).
 */
export function isNativeBinary(fileName: string): boolean {
  return /\.(node|dll|dylib|exe)$/i.test(fileName) || /\.so(\.\d+)*$/.test(fileName);
}

/** Native binaries of the given packages, as paths relative to `root` with forward slashes. */
export function nativeBinaries(root: string, packages: InstalledPackage[]): string[] {
  const files = new Set<string>();
  for (const pkg of packages) {
    for (const entry of readdirSync(pkg.dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !isNativeBinary(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      // A nested package's files are listed under that package (it is in the tree, or it is dev-only).
      if (relative(pkg.dir, path).split(/[\\/]/).includes('node_modules')) continue;
      files.add(relative(root, path).split(/[\\/]/).join('/'));
    }
  }
  return [...files].sort();
}
