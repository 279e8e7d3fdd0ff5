// Programs that tests start as child processes (the centre, the desk core's process entries) run as
// built JavaScript under plain `node`, as in production: starting them under tsx costs seconds each on
// a loaded machine (tsx starts esbuild's service and compiles every file on the way in).
//
// Each entry is bundled once per test run by vitest's globalSetup (build-entries.global.ts) and reused
// while none of its source files changed: a manifest beside the output holds each input's hash, so a
// rerun with nothing changed builds nothing. npm packages are left as imports (`packages: 'external'`).
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildCentre, nodeProgramOptions } from '../../server/build.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = join(ROOT, '.tsbuild/entries');
// A change to how entries are built is a change to every entry.
const BUILDERS = ['server/build.mjs', 'tests/support/entry-builds.ts'];

interface Entry {
  /** The built file to run, inside the entry's folder. */
  file: string;
  /** Builds into `outdir`; returns the source files that went in, relative to the repository root. */
  build(outdir: string): string[];
}

const nodeProgram = (source: string, file: string): Entry => ({
  file,
  build(outdir) {
    const result = buildSync(nodeProgramOptions(join(ROOT, source), join(outdir, file)));
    return Object.keys(result.metafile.inputs).map((input) => relative(ROOT, resolve(input)));
  },
});

const ENTRIES = {
  /** The city centre: the same build as `npm run build -w server` (server/build.mjs), here in its own folder. */
  centre: { file: 'cli.js', build: (outdir: string) => buildCentre(outdir, ROOT) },
  /** The desk core's process entry under Node (what the fake utilityProcess forks). */
  'core-entry': nodeProgram('electron/core/process/core-entry.ts', 'core-entry.js'),
  /** The desk core's test entry on a shifted test clock (forkCoreChild). */
  'core-child-entry': nodeProgram('tests/support/core-child-entry.ts', 'core-child-entry.js'),
  /** A desk that enrolls and syncs in its own process, to be killed mid-sync (kills.test.ts). */
  'desk-child': nodeProgram('tests/sync/support/desk-child.ts', 'desk-child.js'),
  /** A desk core that runs one backup, to be killed mid-copy (tests/electron/core/backup/backup-kill.test.ts). */
  'backup-child': nodeProgram('tests/electron/core/backup/support/backup-child.ts', 'backup-child.js'),
  /** A restored desk core copying its backup's scans back, to be killed mid-copy (restore-scans-back.test.ts). */
  'restore-child': nodeProgram('tests/electron/core/backup/support/restore-child.ts', 'restore-child.js'),
  /** A desk syncing in a fresh process, through a proxy or a private CA read at start (proxy, centre-tls). */
  'tls-desk-child': nodeProgram('tests/sync/support/tls-desk-child.ts', 'tls-desk-child.js'),
} satisfies Record<string, Entry>;

export type EntryName = keyof typeof ENTRIES;

interface Manifest {
  inputs: Record<string, string>;
}

const MANIFEST = 'inputs.json';

function hashOf(path: string): string {
  return createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');
}

function isFresh(outdir: string, entry: Entry): boolean {
  const manifestPath = join(outdir, MANIFEST);
  if (!existsSync(manifestPath) || !existsSync(join(outdir, entry.file))) return false;
  const { inputs } = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  return Object.entries(inputs).every(([path, hash]) => existsSync(join(ROOT, path)) && hashOf(path) === hash);
}

/** Entries this process has already checked or built. */
const checked = new Set<EntryName>();

/**
 * The built JavaScript file of `name`, built first if any of its sources changed since the last build.
 * Built in a folder of its own and then moved into place, so a process never runs a half-written file;
 * when another process (a Playwright worker) put a fresh build there first, that one is kept.
 */
export function builtEntry(name: EntryName): string {
  const entry: Entry = ENTRIES[name];
  const outdir = join(BUILDS, name);
  // Sources do not change during a run: a process checks each entry once (tests start the centre often).
  if (!checked.has(name) && !isFresh(outdir, entry)) {
    const staging = `${outdir}.building-${process.pid}`;
    const old = `${outdir}.old-${process.pid}`;
    try {
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      const inputs = [...entry.build(staging), ...BUILDERS];
      const manifest: Manifest = { inputs: Object.fromEntries(inputs.map((path) => [path, hashOf(path)])) };
      writeFileSync(join(staging, MANIFEST), JSON.stringify(manifest, null, 1));
      moveIntoPlace(staging, outdir, old, () => isFresh(outdir, entry));
    } finally {
      rmSync(staging, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
    }
  }
  checked.add(name);
  return join(outdir, entry.file);
}

function moveIntoPlace(staging: string, outdir: string, old: string, freshThere: () => boolean): void {
  if (existsSync(outdir) && !freshThere()) {
    try {
      renameSync(outdir, old);
    } catch {
      // Another process moved the stale build away first.
    }
  }
  try {
    renameSync(staging, outdir);
  } catch (error) {
    if (!freshThere()) throw error;
  }
}

/** Builds every entry that is not up to date (vitest's globalSetup, before any test file runs). */
export function buildEntries(): void {
  for (const name of Object.keys(ENTRIES) as EntryName[]) builtEntry(name);
}

/** Node's flags for a built entry: stack traces point at the TypeScript sources through the source maps. */
export const BUILT_ENTRY_EXEC_ARGV = ['--enable-source-maps'];
