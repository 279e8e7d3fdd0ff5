import { constants } from 'node:fs';
import { access, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupManifest } from '../../../shared/contract/backup.js';
import { CommandError } from '../../../shared/contract/errors.js';

// The layout of a backup folder (the supervisor's USB drive or network share):
//
//   <folder>/blobs/ab/cd/<sha256>             every scan of every kept backup, once (content-addressed)
//   <folder>/desk-20261123-100000/            one complete backup: desk.sqlite, manifest.json, scans.txt
//   <folder>/.partial-desk-20261123-100000/   a backup being written (renamed when complete)
//
// A backup folder exists under its name only once everything it names is in place, so a kill at any
// moment leaves the earlier backups whole and the new one either complete or absent (its partial folder
// and any stray blob temp files are removed by the next backup).

export const BACKUP_DATABASE = 'desk.sqlite';
export const BACKUP_MANIFEST = 'manifest.json';
/** The scans a backup holds, one SHA-256 a line: what a restore copies back and retention keeps. */
export const BACKUP_SCANS = 'scans.txt';
export const PARTIAL_PREFIX = '.partial-';
const NAME_PATTERN = /^desk-\d{8}-\d{6}(-\d+)?$/;

export const blobAreaOf = (folder: string): string => join(folder, 'blobs');

/** `desk-yyyyMMdd-HHmmss` of the instant, in UTC (names sort by time). */
export function backupNameAt(nowMs: number): string {
  const iso = new Date(nowMs).toISOString();
  return `desk-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** Refuses a folder that is missing, not a folder, or not writable, in words the supervisor can act on. */
export async function assertUsableFolder(folder: string | null): Promise<string> {
  if (folder === null) throw new CommandError('invalid_argument', 'Chưa chọn thư mục sao lưu. Hãy chọn thư mục trong Cài đặt › Sao lưu.');
  const info = await stat(folder).catch(() => null);
  if (info === null) {
    throw new CommandError('not_found', `Không tìm thấy thư mục sao lưu "${folder}". Hãy cắm ổ USB hoặc kết nối ổ mạng, hoặc chọn thư mục khác.`);
  }
  if (!info.isDirectory()) throw new CommandError('invalid_argument', `"${folder}" không phải là một thư mục.`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new CommandError('storage_failure', `Không ghi được vào thư mục sao lưu "${folder}" (không có quyền ghi hoặc ổ chỉ đọc).`);
  }
  return folder;
}

/** The complete backups in a folder, oldest first. */
export async function completeBackups(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.filter((name) => NAME_PATTERN.test(name)).sort();
}

export async function readManifest(folder: string, name: string): Promise<BackupManifest> {
  try {
    return JSON.parse(await readFile(join(folder, name, BACKUP_MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new CommandError('not_found', `Không đọc được bản sao lưu "${name}" trong "${folder}": bản sao lưu không có hoặc bị hỏng.`);
  }
}

export async function readScanList(backupDir: string): Promise<string[]> {
  const text = await readFile(join(backupDir, BACKUP_SCANS), 'utf8');
  return text.split('\n').filter((line) => line.length > 0);
}

/** Removes what an interrupted backup left (its partial folder); stray blob temps go with the blob area's open. */
export async function removePartials(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (name.startsWith(PARTIAL_PREFIX)) await rm(join(folder, name), { recursive: true, force: true });
  }
}

/** A name not taken yet (two backups in the same second get -2, -3…). */
export async function freeName(folder: string, base: string): Promise<string> {
  const taken = new Set(await readdir(folder));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i += 1) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function ensureFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
}
