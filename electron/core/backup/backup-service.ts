import type { BackupManifest, BackupProgress, BackupStatus, ScansBack } from '../../../shared/contract/backup.js';
import { CommandError } from '../../../shared/contract/errors.js';
import { VIETNAM_UTC_OFFSET_MS } from '../../../shared/domain/calendar/vietnam-time.js';
import type { SettingsRepository } from '../settings/settings-repository.js';
import { readBackupSettings, readLastBackup, writeLastBackup } from './backup-settings.js';
import { writeBackup, type BackupSource } from './write-backup.js';

// Runs backups one at a time (on demand and daily), remembers the last good one and says when it is
// getting old. The daily one runs once per Vietnam day, after the set hour: at the close of the day
// when the desk is open then, else at the first check after a start.

const DAY_MS = 86_400_000;
const vietnamDay = (ms: number): number => Math.floor((ms + VIETNAM_UTC_OFFSET_MS) / DAY_MS);
const vietnamHour = (ms: number): number => Math.floor(((ms + VIETNAM_UTC_OFFSET_MS) % DAY_MS) / 3_600_000);

export interface BackupServiceDeps {
  settings: SettingsRepository;
  source: () => BackupSource;
  now(): number;
  onProgress(progress: BackupProgress): void;
  /** A restored backup's scans still coming back (scan-restore.ts). */
  scansBack(): ScansBack | null;
}

export class BackupService {
  private running: Promise<BackupManifest> | null = null;
  private lastError: string | null = null;

  constructor(private readonly deps: BackupServiceDeps) {}

  status(): BackupStatus {
    const settings = readBackupSettings(this.deps.settings);
    const last = readLastBackup(this.deps.settings);
    return { settings, last, warning: this.warning(last?.at ?? null, settings.warnDays), running: this.running !== null, lastError: this.lastError, scansBack: this.deps.scansBack() };
  }

  /** One backup now; a second call while one runs waits for that one instead of starting another. */
  run(): Promise<BackupManifest> {
    const scansBack = this.deps.scansBack();
    // A backup now would lack the scans not back yet, and its retention could drop the backup they come from.
    if (scansBack !== null) {
      const count = scansBack.total === null ? '' : ` (${scansBack.done}/${scansBack.total})`;
      return Promise.reject(new CommandError('conflict', `Máy đang chép lại bản quét từ bản sao lưu${count}. Hãy sao lưu sau khi chép xong, để bản sao lưu mới có đủ bản quét.`));
    }
    this.running ??= this.runOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The daily backup, when it is due (a folder is set, past the hour, none yet this Vietnam day). */
  async runDailyIfDue(): Promise<BackupManifest | null> {
    const settings = readBackupSettings(this.deps.settings);
    const nowMs = this.deps.now();
    if (settings.folder === null || vietnamHour(nowMs) < settings.dailyHour || this.deps.scansBack() !== null) return null;
    const last = readLastBackup(this.deps.settings);
    if (last !== null && vietnamDay(Date.parse(last.at)) >= vietnamDay(nowMs)) return null;
    return this.run().catch(() => null); // the failure is in status().lastError and the status bar
  }

  private async runOnce(): Promise<BackupManifest> {
    const settings = readBackupSettings(this.deps.settings);
    try {
      const manifest = await writeBackup(this.deps.source(), { folder: settings.folder, keep: settings.keep }, this.deps.now(), this.deps.onProgress);
      writeLastBackup(this.deps.settings, { at: manifest.createdAt, name: manifest.name, folder: settings.folder! });
      this.lastError = null;
      this.deps.onProgress({ phase: 'done', done: 1, total: 1 });
      return manifest;
    } catch (error) {
      this.lastError = error instanceof CommandError ? error.message : 'Sao lưu không thành công.';
      this.deps.onProgress({ phase: 'failed', done: 0, total: 1 });
      throw error;
    }
  }

  private warning(lastAt: string | null, warnDays: number): string | null {
    if (lastAt === null) return 'Máy chưa có bản sao lưu nào. Hãy chọn thư mục sao lưu và bấm "Sao lưu ngay".';
    const days = Math.floor((this.deps.now() - Date.parse(lastAt)) / DAY_MS);
    return days >= warnDays ? `Bản sao lưu gần nhất đã cũ ${days} ngày. Hãy sao lưu ngay.` : null;
  }
}
