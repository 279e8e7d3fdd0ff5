import { EventEmitter } from 'node:events';
import type { OutgoingHttpHeaders } from 'node:http';
import type { AutoUpdaterLike, Cancellation } from '../../../electron/main/updates/desk-updater.js';

// A stand-in for electron-updater's autoUpdater: the same properties, methods and events (the real one
// loads Electron's binary at import). A test plays the feed's part by emitting what electron-updater
// would emit, and settles or fails each download itself.

export class FakeCancellation implements Cancellation {
  cancelled = false;
  private readonly onCancel: (() => void)[] = [];
  cancel(): void {
    this.cancelled = true;
    for (const run of this.onCancel) run();
  }
  whenCancelled(run: () => void): void {
    this.onCancel.push(run);
  }
}

export class FakeAutoUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  requestHeaders: OutgoingHttpHeaders | null = null;
  feeds: { provider: 'generic'; url: string; useMultipleRangeRequest?: boolean }[] = [];
  checks = 0;
  /** The downloads asked for, oldest first; each settles when the test says. */
  downloads: { cancellation: FakeCancellation; finish(version: string): void; fail(error: Error): void }[] = [];
  installs: [boolean | undefined, boolean | undefined][] = [];
  /** What the next checkForUpdates does (the feed's answer). */
  answer: () => void = () => this.emit('update-not-available', { version: '0.1.0' });

  setFeedURL(options: { provider: 'generic'; url: string; useMultipleRangeRequest?: boolean }): void {
    this.feeds.push(options);
  }

  async checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    this.emit('checking-for-update');
    this.answer();
    return null;
  }

  downloadUpdate(cancellation?: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const token = cancellation as FakeCancellation;
      token.whenCancelled(() => {
        reject(new Error('cancelled'));
        this.emit('update-cancelled');
      });
      this.downloads.push({
        cancellation: token,
        finish: (version) => {
          this.emit('update-downloaded', { version });
          resolve([`/tmp/pending/mot-cua-desk-${version}-win-x64.exe`]);
        },
        // electron-updater emits 'error' and rejects the promise, both.
        fail: (error) => {
          this.emit('error', error);
          reject(error);
        },
      });
    });
  }

  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}
