import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_FOLDER_NAME, defaultDataDir, prepareDefaultDataDir } from '../../../../electron/core/app/data-dir.js';
import { firstDifference, moveDataDirOnce, MOVED_FROM_MARKER, type MoveDeps } from '../../../../electron/core/app/data-dir-move.js';
import { makeTempDir } from '../../../support/temp-dir.js';

let tmp: ReturnType<typeof makeTempDir>;
let from: string;
let to: string;

/** A desk folder as an earlier version leaves it: a SQLite database with a row, and a stored scan. */
function makeDeskFolder(dir: string): void {
  mkdirSync(join(dir, 'blobs', 'ab'), { recursive: true });
  const db = new Database(join(dir, 'desk.sqlite'));
  db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('hồ sơ giả')");
  db.close();
  writeFileSync(join(dir, 'blobs', 'ab', 'abcdef'), Buffer.alloc(3 << 20, 7));
}

function rowOf(dir: string): string {
  const db = new Database(join(dir, 'desk.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT v FROM t').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

/** rename that fails like a move between volumes for `from`, and renames for real otherwise. */
const otherVolume: MoveDeps = {
  rename(source, target) {
    if (source === from) throw Object.assign(new Error('cross-device link not permitted'), { code: 'EXDEV' });
    renameSync(source, target);
  },
};

beforeEach(() => {
  tmp = makeTempDir('desk-data-dir-');
  from = join(tmp.path, 'Roaming', DATA_FOLDER_NAME);
  to = join(tmp.path, 'Local', DATA_FOLDER_NAME);
});
afterEach(() => tmp.remove());

describe('defaultDataDir', () => {
  it('is machine-local on Windows (%LOCALAPPDATA%), not the roaming profile', () => {
    const env = { APPDATA: 'C:\\Users\\a\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' };
    expect(defaultDataDir(env, 'win32')).toBe(join(env.LOCALAPPDATA, DATA_FOLDER_NAME));
  });
});

describe('prepareDefaultDataDir', () => {
  it("moves an earlier version's roaming folder to %LOCALAPPDATA% once, with the database and the scans", () => {
    makeDeskFolder(from);
    const env = { APPDATA: join(tmp.path, 'Roaming'), LOCALAPPDATA: join(tmp.path, 'Local') };
    expect(prepareDefaultDataDir(env, 'win32')).toBe(to);
    expect(existsSync(from)).toBe(false);
    expect(rowOf(to)).toBe('hồ sơ giả');
    expect(readFileSync(join(to, 'blobs', 'ab', 'abcdef')).equals(Buffer.alloc(3 << 20, 7))).toBe(true);
    // A second start finds the folder in place and moves nothing.
    expect(prepareDefaultDataDir(env, 'win32')).toBe(to);
    expect(rowOf(to)).toBe('hồ sơ giả');
  });

  it('moves nothing on Linux, where the default folder never changed', () => {
    makeDeskFolder(from);
    expect(prepareDefaultDataDir({ XDG_DATA_HOME: join(tmp.path, 'Local'), APPDATA: join(tmp.path, 'Roaming') }, 'linux')).toBe(to);
    expect(existsSync(from)).toBe(true);
    expect(existsSync(to)).toBe(false);
  });
});

describe('moveDataDirOnce', () => {
  it('renames on the same volume', () => {
    makeDeskFolder(from);
    expect(moveDataDirOnce(from, to)).toBe('renamed');
    expect(rowOf(to)).toBe('hồ sơ giả');
    expect(existsSync(from)).toBe(false);
  });

  it('never touches either folder when the new one already lives', () => {
    makeDeskFolder(from);
    mkdirSync(to, { recursive: true });
    writeFileSync(join(to, 'desk.sqlite'), 'newer desk');
    expect(moveDataDirOnce(from, to)).toBe('none');
    expect(rowOf(from)).toBe('hồ sơ giả');
    expect(readFileSync(join(to, 'desk.sqlite'), 'utf8')).toBe('newer desk');
  });

  it('across volumes copies beside the target, verifies, switches in one rename and removes the old folder', () => {
    makeDeskFolder(from);
    expect(moveDataDirOnce(from, to, otherVolume)).toBe('copied');
    expect(rowOf(to)).toBe('hồ sơ giả');
    expect(readFileSync(join(to, 'blobs', 'ab', 'abcdef')).equals(Buffer.alloc(3 << 20, 7))).toBe(true);
    expect(existsSync(from)).toBe(false);
    expect(existsSync(join(to, MOVED_FROM_MARKER))).toBe(false);
    expect(readdirSync(join(tmp.path, 'Local'))).toEqual([DATA_FOLDER_NAME]);
  });

  it('a crash while copying leaves the old folder the only live one, and the next start redoes the copy', () => {
    makeDeskFolder(from);
    // What a crash mid-copy leaves: a half-filled staging folder, no target.
    mkdirSync(`${to}.moving`, { recursive: true });
    writeFileSync(join(`${to}.moving`, 'desk.sqlite'), 'half a copy');
    expect(existsSync(to)).toBe(false);
    expect(moveDataDirOnce(from, to, otherVolume)).toBe('copied');
    expect(rowOf(to)).toBe('hồ sơ giả');
    expect(existsSync(`${to}.moving`)).toBe(false);
  });

  it('a failed switch leaves the old folder whole and live, and no target', () => {
    makeDeskFolder(from);
    const switchFails: MoveDeps = {
      rename(source, target) {
        if (source === from) otherVolume.rename(source, target);
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    };
    expect(() => moveDataDirOnce(from, to, switchFails)).toThrow('disk full');
    expect(existsSync(to)).toBe(false);
    expect(rowOf(from)).toBe('hồ sơ giả');
    expect(moveDataDirOnce(from, to, otherVolume)).toBe('copied');
  });

  it('a crash after the switch is finished at the next start: the old leftovers go, the new folder stays', () => {
    makeDeskFolder(from);
    makeDeskFolder(to);
    writeFileSync(join(to, MOVED_FROM_MARKER), from);
    expect(moveDataDirOnce(from, to)).toBe('finished');
    expect(existsSync(from)).toBe(false);
    expect(rowOf(to)).toBe('hồ sơ giả');
    expect(existsSync(join(to, MOVED_FROM_MARKER))).toBe(false);
  });

  it('removes nothing a marker names other than the folder it moves from', () => {
    makeDeskFolder(from);
    const other = join(tmp.path, 'other');
    makeDeskFolder(other);
    makeDeskFolder(to);
    writeFileSync(join(to, MOVED_FROM_MARKER), other);
    expect(moveDataDirOnce(from, to)).toBe('none');
    expect(existsSync(other)).toBe(true);
    expect(existsSync(from)).toBe(true);
  });
});

describe('firstDifference', () => {
  it('finds a changed byte, a missing file and an extra file', () => {
    makeDeskFolder(from);
    makeDeskFolder(to);
    writeFileSync(join(to, 'desk.sqlite'), readFileSync(join(from, 'desk.sqlite')));
    expect(firstDifference(from, to)).toBeNull();
    const scan = Buffer.alloc(3 << 20, 7);
    scan[(3 << 20) - 1] = 8;
    writeFileSync(join(to, 'blobs', 'ab', 'abcdef'), scan);
    expect(firstDifference(from, to)).toBe(join('blobs', 'ab', 'abcdef'));
    writeFileSync(join(to, 'blobs', 'ab', 'abcdef'), Buffer.alloc(3 << 20, 7));
    writeFileSync(join(to, 'extra'), '');
    expect(firstDifference(from, to)).toBe('extra');
  });
});
