import type { OutgoingHttpHeaders } from 'node:http';
import { CommandError } from '../../../shared/contract/errors.js';
import type { SyncStatus } from '../../../shared/contract/events.js';
import type { UpdateState } from '../../../shared/contract/shell.js';

// The desk's updates (electron-updater's generic provider, pointed at the centre it is enrolled with):
// checked in the background, downloaded only while sync is not moving data, installed when the officer
// agrees and no intake is open, or when the app quits. Nothing here imports 'electron' or
// 'electron-updater': the updater comes in as an object with electron-updater's methods and events, so
// tests drive this code with a fake (the real one needs the Electron binary).
//
// The download's priority against sync: it never runs while sync reports progress (push, pull or scan
// upload). One found while sync works waits ('waiting-for-sync'); one running when sync starts is
// cancelled and starts again once sync is quiet — electron-updater then downloads only the blocks that
// differ from the installed version (differential download) or the whole file again. A failed download
// (network, or a SHA-512 that does not match the feed) leaves the installed app as it was: electron-updater
// installs only a verified file, and only at quit or "Khởi động lại để cập nhật". Checks repeat every
// CHECK_INTERVAL_MS, and RETRY_MS after a failure.

export const FIRST_CHECK_DELAY_MS = 60_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60_000;
export const RETRY_MS = 30 * 60_000;
export const UPDATE_CHANNEL = 'stable';

/** The feed of a channel on a centre: electron-updater appends latest.yml and the installers' names. */
export const feedUrlOf = (centreUrl: string, channel: string): string => `${centreUrl.replace(/\/+$/u, '')}/v1/updates/${channel}/`;

/** What this code uses of electron-updater's AppUpdater (the real autoUpdater has all of it). */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  requestHeaders: OutgoingHttpHeaders | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string; useMultipleRangeRequest?: boolean }): void;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(cancellationToken?: unknown): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** electron-updater's CancellationToken, reduced: one per download. */
export interface Cancellation {
  cancel(): void;
}

export interface DeskUpdaterDeps {
  updater: AutoUpdaterLike;
  /** A new electron-updater CancellationToken (passed to downloadUpdate). */
  newCancellation(): Cancellation;
  /** The installed version (package.json, as the core reports it). */
  version: string;
  channel?: string;
  /** The desk's centre token (main's secret store); null when not enrolled. */
  deviceToken(): Promise<string | null>;
  now(): number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  log?: { warn(message: string, detail?: unknown): void };
}

const FAILED_MESSAGE = 'Không tải được bản cập nhật từ trung tâm; ứng dụng đang dùng vẫn hoạt động bình thường và sẽ thử lại sau.';
const INTAKE_OPEN_MESSAGE = 'Đang tiếp nhận hồ sơ: hãy hoàn tất hoặc lưu nháp rồi cập nhật. Bản cập nhật cũng sẽ được cài khi đóng ứng dụng.';
const NOT_READY_MESSAGE = 'Chưa có bản cập nhật nào được tải xong.';

export class DeskUpdater {
  private readonly channel: string;
  private centreUrl: string | null = null;
  private syncBusy = false;
  private intakeOpen = false;
  private phase: UpdateState['phase'] = 'disabled';
  private availableVersion: string | null = null;
  private downloadPercent: number | null = null;
  private lastCheckAt: string | null = null;
  private lastError: string | null = null;
  private timer: unknown = null;
  private download: Cancellation | null = null;
  private readonly listeners = new Set<(state: UpdateState) => void>();
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly deps: DeskUpdaterDeps) {
    this.channel = deps.channel ?? UPDATE_CHANNEL;
    this.setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
    this.clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
    const updater = deps.updater;
    // This code decides when to download (after sync); electron-updater installs a downloaded update at quit.
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = true;
    updater.on('update-available', (info) => {
      this.availableVersion = info.version;
      this.startDownload();
    });
    updater.on('update-not-available', () => {
      this.lastError = null;
      this.settle('up-to-date', CHECK_INTERVAL_MS);
    });
    updater.on('download-progress', (progress) => {
      if (this.phase !== 'downloading') return;
      this.downloadPercent = Math.floor(progress.percent);
      this.emit();
    });
    updater.on('update-downloaded', (info) => {
      this.download = null;
      this.availableVersion = info.version;
      this.downloadPercent = null;
      this.lastError = null;
      // Nothing more to check until the desk restarts into it.
      this.settle('downloaded', null);
    });
    updater.on('error', (error) => this.fail(error));
  }

  state(): UpdateState {
    return {
      version: this.deps.version,
      channel: this.channel,
      phase: this.phase,
      availableVersion: this.availableVersion,
      downloadPercent: this.downloadPercent,
      lastCheckAt: this.lastCheckAt,
      lastError: this.lastError,
      intakeOpen: this.intakeOpen,
    };
  }

  onChange(listener: (state: UpdateState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Each sync.status from the core: the centre enrolled with (the feed's home) and whether sync is moving data. */
  onSyncStatus(status: SyncStatus): void {
    const centreUrl = status.revoked === true ? null : (status.centreUrl ?? null);
    this.syncBusy = status.progress !== undefined && status.progress !== null;
    if (centreUrl !== this.centreUrl) {
      this.centreUrl = centreUrl;
      this.download?.cancel();
      this.download = null;
      if (centreUrl === null) {
        this.settle('disabled', null);
        return;
      }
      this.deps.updater.setFeedURL({ provider: 'generic', url: feedUrlOf(centreUrl, this.channel), useMultipleRangeRequest: false });
      if (this.phase !== 'downloaded') this.settle('idle', FIRST_CHECK_DELAY_MS);
      return;
    }
    if (this.syncBusy && this.phase === 'downloading') {
      // Sync comes first: stop the download, take it up again when sync is quiet.
      this.download?.cancel();
      this.download = null;
      this.downloadPercent = null;
      this.phase = 'waiting-for-sync';
      this.emit();
    } else if (!this.syncBusy && this.phase === 'waiting-for-sync') {
      this.startDownload();
    }
  }

  setIntakeOpen(open: boolean): UpdateState {
    this.intakeOpen = open;
    this.emit();
    return this.state();
  }

  /** One check now (the timer's, or a test's). Does nothing when not enrolled, or while busy with one. */
  async check(): Promise<void> {
    if (this.centreUrl === null || ['checking', 'downloading', 'waiting-for-sync', 'downloaded'].includes(this.phase)) return;
    const token = await this.deps.deviceToken();
    if (token === null) {
      this.settle('disabled', null);
      return;
    }
    this.deps.updater.requestHeaders = { authorization: `Bearer ${token}` };
    this.lastCheckAt = new Date(this.deps.now()).toISOString();
    this.settle('checking', null);
    try {
      await this.deps.updater.checkForUpdates();
    } catch (error) {
      this.fail(error);
    }
  }

  /** "Khởi động lại để cập nhật": only with a downloaded update and no intake open. */
  installNow(): UpdateState {
    if (this.intakeOpen) throw new CommandError('conflict', INTAKE_OPEN_MESSAGE);
    if (this.phase !== 'downloaded') throw new CommandError('conflict', NOT_READY_MESSAGE);
    // Not silent (the officer sees the installer's progress), and the desk starts again afterwards.
    this.deps.updater.quitAndInstall(false, true);
    return this.state();
  }

  stop(): void {
    this.clearTimer(this.timer);
    this.timer = null;
    this.download?.cancel();
    this.download = null;
  }

  private startDownload(): void {
    if (this.centreUrl === null) return;
    if (this.syncBusy) {
      this.settle('waiting-for-sync', null);
      return;
    }
    const cancellation = this.deps.newCancellation();
    this.download = cancellation;
    this.downloadPercent = 0;
    this.settle('downloading', null);
    this.deps.updater.downloadUpdate(cancellation).catch((error: unknown) => {
      // Cancelled for sync (or by a new enrollment): not a failure.
      if (this.download !== cancellation) return;
      this.fail(error);
    });
  }

  /** Any failure: recorded once, the installed app untouched, a new check after RETRY_MS. */
  private fail(error: unknown): void {
    if (this.phase === 'error' || this.phase === 'disabled') return;
    this.download = null;
    this.downloadPercent = null;
    this.lastError = FAILED_MESSAGE;
    this.deps.log?.warn('update check or download failed', error instanceof Error ? error.message : String(error));
    this.settle('error', RETRY_MS);
  }

  private settle(phase: UpdateState['phase'], nextCheckInMs: number | null): void {
    this.phase = phase;
    this.clearTimer(this.timer);
    this.timer = nextCheckInMs === null ? null : this.setTimer(() => void this.check(), nextCheckInMs);
    this.emit();
  }

  private emit(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}

/** What the window's shell operations use of the updater. */
export type UpdateControls = Pick<DeskUpdater, 'state' | 'setIntakeOpen' | 'installNow'>;

/** A desk that does not update itself (a developer's run, the web bridge test): always 'disabled'. */
export function noUpdates(version: string): UpdateControls {
  let intakeOpen = false;
  const state = (): UpdateState => ({
    version,
    channel: UPDATE_CHANNEL,
    phase: 'disabled',
    availableVersion: null,
    downloadPercent: null,
    lastCheckAt: null,
    lastError: null,
    intakeOpen,
  });
  return {
    state,
    setIntakeOpen(open) {
      intakeOpen = open;
      return state();
    },
    installNow() {
      throw new CommandError('conflict', NOT_READY_MESSAGE);
    },
  };
}
