import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

// The one-time move of a desk's data folder to a new default location (data-dir.ts), done before
// anything opens either folder. The rule that keeps it safe: the new folder, once it exists, is the live
// one, and it comes into existence in one atomic step (a rename), never half-filled. Until then the old
// folder is the only live copy; after it, the old folder is only leftovers, removed at once or at the
// next start. So a crash at any point leaves exactly one folder the desk would open, and whole.

/** Written into the new folder before it goes live; while present, the old folder may still need removing. */
export const MOVED_FROM_MARKER = '.moved-from';

export type DataDirMove =
  /** Nothing to move: no old folder, or the new one already lives. */
  | 'none'
  /** Same volume: the folder was renamed in one step. */
  | 'renamed'
  /** Another volume: copied beside the target, verified, then switched in by a rename. */
  | 'copied'
  /** A move interrupted after the switch: the old folder's leftovers were removed. */
  | 'finished';

export interface MoveDeps {
  rename(from: string, to: string): void;
}

/** Moves `from` to `to` unless `to` already exists; see the rule above. Throws when neither step can be taken. */
export function moveDataDirOnce(from: string, to: string, deps: MoveDeps = { rename: renameSync }): DataDirMove {
  if (existsSync(to)) return finishInterruptedMove(from, to);
  if (!existsSync(from)) return 'none';
  mkdirSync(dirname(to), { recursive: true });
  try {
    deps.rename(from, to);
    return 'renamed';
  } catch (error) {
    if (errorCode(error) !== 'EXDEV') {
      // Another desk process starting at the same moment may have moved it first.
      if (existsSync(to) && !existsSync(from)) return 'none';
      throw error;
    }
  }
  return copyVerifySwitch(from, to, deps);
}

function copyVerifySwitch(from: string, to: string, deps: MoveDeps): DataDirMove {
  // A staging folder is never opened by the desk: a crash while copying leaves the old folder live.
  const staging = `${to}.moving`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(from, staging, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
  const mismatch = firstDifference(from, staging);
  if (mismatch !== null) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`copy of the desk data folder differs at ${mismatch}; the folder stays where it is`);
  }
  writeFileSync(join(staging, MOVED_FROM_MARKER), from, 'utf8');
  // The switch: from here on the new folder is the live one.
  deps.rename(staging, to);
  return finishInterruptedMove(from, to) === 'finished' ? 'copied' : 'none';
}

/** Removes the old folder's leftovers after a switch to `to` from `from`; 'none' when no such move is pending. */
function finishInterruptedMove(from: string, to: string): DataDirMove {
  const marker = join(to, MOVED_FROM_MARKER);
  // Only the folder this move came from is ever removed, whatever the marker says.
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== from) return 'none';
  rmSync(from, { recursive: true, force: true });
  rmSync(marker, { force: true });
  return 'finished';
}

/** The first relative path whose presence, type, size or content differs between two trees; null when equal. */
export function firstDifference(a: string, b: string): string | null {
  const listA = listFiles(a);
  const listB = listFiles(b);
  if (listA.length !== listB.length) return listA.find((p, i) => p !== listB[i]) ?? listB[listA.length] ?? '(file count)';
  for (const [index, path] of listA.entries()) {
    if (path !== listB[index]) return path;
    const [fileA, fileB] = [join(a, path), join(b, path)];
    if (statSync(fileA).size !== statSync(fileB).size || hashFile(fileA) !== hashFile(fileB)) return path;
  }
  return null;
}

function listFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** SHA-256 read in chunks, so a large scan never sits in memory whole. */
function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
