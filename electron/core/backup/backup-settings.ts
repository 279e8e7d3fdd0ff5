import type { BackupSettings } from '../../../shared/contract/backup.js';
import type { SettingsRepository } from '../settings/settings-repository.js';

// Where backups go and how many are kept, and the last good one: desk settings (key/value).

const KEYS = { folder: 'backup.folder', keep: 'backup.keep', warnDays: 'backup.warnDays', dailyHour: 'backup.dailyHour', last: 'backup.last' } as const;

export const DEFAULT_BACKUP_SETTINGS: Omit<BackupSettings, 'folder'> = { keep: 7, warnDays: 3, dailyHour: 17 };

export interface LastBackup {
  at: string;
  name: string;
  folder: string;
}

function intOr(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) ? n : fallback;
}

export function readBackupSettings(settings: SettingsRepository): BackupSettings {
  return {
    folder: settings.get(KEYS.folder) || null,
    keep: intOr(settings.get(KEYS.keep), DEFAULT_BACKUP_SETTINGS.keep),
    warnDays: intOr(settings.get(KEYS.warnDays), DEFAULT_BACKUP_SETTINGS.warnDays),
    dailyHour: intOr(settings.get(KEYS.dailyHour), DEFAULT_BACKUP_SETTINGS.dailyHour),
  };
}

export function writeBackupSettings(settings: SettingsRepository, change: Partial<BackupSettings>): void {
  if (change.folder !== undefined) settings.set(KEYS.folder, change.folder ?? '');
  if (change.keep !== undefined) settings.set(KEYS.keep, String(change.keep));
  if (change.warnDays !== undefined) settings.set(KEYS.warnDays, String(change.warnDays));
  if (change.dailyHour !== undefined) settings.set(KEYS.dailyHour, String(change.dailyHour));
}

export function readLastBackup(settings: SettingsRepository): LastBackup | null {
  const raw = settings.get(KEYS.last);
  return raw === null ? null : (JSON.parse(raw) as LastBackup);
}

export function writeLastBackup(settings: SettingsRepository, last: LastBackup): void {
  settings.set(KEYS.last, JSON.stringify(last));
}
