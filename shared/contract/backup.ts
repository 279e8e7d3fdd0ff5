import { z } from 'zod';

// Desk backups (issue 16): the database through SQLite's online backup API plus the scans, to a folder
// the supervisor chooses; and the restore of one of them. Paths are the supervisor's own choice on this
// machine (a USB drive, a network share), so they travel as text; the core checks them.

const folderArg = z.string().trim().min(1, 'Hãy chọn thư mục sao lưu.').max(1024, 'Đường dẫn thư mục sao lưu quá dài.');
/** A backup's folder name, as `backup.list` gives it: never a path. */
const backupNameArg = z.string().regex(/^desk-\d{8}-\d{6}(-\d+)?$/, 'Tên bản sao lưu không hợp lệ.');

export const backupStatusArgs = z.strictObject({});
export const backupRunArgs = z.strictObject({});
export const backupConfigureArgs = z.strictObject({
  folder: folderArg.nullable().optional(),
  keep: z.int('Số bản sao lưu giữ lại phải là số nguyên.').min(1, 'Phải giữ ít nhất 1 bản sao lưu.').max(365, 'Giữ tối đa 365 bản sao lưu.').optional(),
  warnDays: z.int('Số ngày cảnh báo phải là số nguyên.').min(1, 'Số ngày cảnh báo ít nhất là 1.').max(90, 'Số ngày cảnh báo tối đa là 90.').optional(),
  dailyHour: z.int('Giờ sao lưu hằng ngày phải là số nguyên.').min(0, 'Giờ từ 0 đến 23.').max(23, 'Giờ từ 0 đến 23.').optional(),
});
/** The backups in a folder (the configured one when omitted): what the restore screen lists. */
export const backupListArgs = z.strictObject({ folder: folderArg.optional() });
export const backupRestoreArgs = z.strictObject({
  folder: folderArg.optional(),
  name: backupNameArg,
  /** The supervisor confirmed that the desk's data is replaced (the current data is kept aside). */
  confirm: z.literal(true, 'Hãy xác nhận việc khôi phục: dữ liệu hiện tại của máy sẽ được thay bằng bản sao lưu.'),
});

export interface BackupCounts {
  events: number;
  dossiers: number;
  attachments: number;
  officers: number;
}

/** What a backup says about itself (manifest.json): no personal data. */
export interface BackupManifest {
  format: 1;
  name: string;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  deviceId: string;
  unitGsoCode: string | null;
  station: number | null;
  counts: BackupCounts;
  scans: { count: number; bytes: number; copied: number; copiedBytes: number };
}

export interface BackupSettings {
  folder: string | null;
  keep: number;
  warnDays: number;
  /** Vietnam-time hour after which the daily backup runs (at close, or at the first start after it). */
  dailyHour: number;
}

export interface BackupStatus {
  settings: BackupSettings;
  /** The last backup that was written and verified. */
  last: { at: string; name: string; folder: string } | null;
  /** In Vietnamese, when there is no good backup or the last one is older than `warnDays`. */
  warning: string | null;
  running: boolean;
  /** The last failure (Vietnamese), cleared by the next good backup. */
  lastError: string | null;
  /** A restored backup's scans still being copied back into the desk (after its restart); null when none wait. */
  scansBack: ScansBack | null;
}

/** The scans of a restored backup coming back in the background: the desk receives meanwhile. */
export interface ScansBack {
  done: number;
  /** null until the backup's scan list has been read. */
  total: number | null;
  /** In Vietnamese, why the copy waits (the backup folder cannot be read); it tries again. */
  problem: string | null;
}

export interface BackupProgress {
  /** 'scansBack': a restored backup's scans being copied back after the restart (done when done === total). */
  phase: 'database' | 'scans' | 'verify' | 'done' | 'failed' | 'scansBack';
  done: number;
  total: number;
}

export interface BackupList {
  folder: string;
  backups: BackupManifest[];
}

export interface RestoreStaged {
  name: string;
  /** The restore takes effect when the desk core starts again (the app restarts it). */
  restartRequired: true;
}
