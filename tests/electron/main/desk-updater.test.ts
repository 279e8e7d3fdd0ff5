import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/events.js';
import { CHECK_INTERVAL_MS, DeskUpdater, FIRST_CHECK_DELAY_MS, RETRY_MS } from '../../../electron/main/updates/desk-updater.js';
import { FakeAutoUpdater, FakeCancellation } from './fake-auto-updater.js';

// The desk's update logic, driven with a fake autoUpdater (electron-updater's real one needs the Electron
// binary, which the test machines do not have) and a manual timer list.

const CENTRE = 'https://trungtam.halong.example';
const idle: SyncStatus = { state: 'idle', pendingEvents: 0, lastSuccessAt: null, lastError: null, progress: null, centreUrl: CENTRE };
const uploading: SyncStatus = { ...idle, state: 'syncing', progress: { phase: 'upload', done: 1, total: 4 } };

class ManualTimers {
  pending: { run: () => void; ms: number; id: number }[] = [];
  private next = 1;
  set = (run: () => void, ms: number) => {
    const id = this.next++;
    this.pending.push({ run, ms, id });
    return id;
  };
  clear = (id: unknown) => {
    this.pending = this.pending.filter((timer) => timer.id !== id);
  };
  /** Runs the one pending timer (there is never more than one), checking its delay. */
  async fire(expectedMs: number): Promise<void> {
    expect(this.pending.map((timer) => timer.ms)).toEqual([expectedMs]);
    const [timer] = this.pending.splice(0, 1);
    timer!.run();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

let fake: FakeAutoUpdater;
let timers: ManualTimers;
let token: string | null;
let updater: DeskUpdater;

const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  fake = new FakeAutoUpdater();
  timers = new ManualTimers();
  token = 'device-token-fabricated';
  updater = new DeskUpdater({
    updater: fake,
    newCancellation: () => new FakeCancellation(),
    version: '0.2.0',
    deviceToken: async () => token,
    now: () => Date.parse('2026-11-25T03:00:00Z'),
    setTimer: timers.set,
    clearTimer: timers.clear,
  });
});

describe('the desk updater', () => {
  it('does nothing until the desk is enrolled; then points the feed at its centre and checks with the device token', async () => {
    expect(fake.autoDownload).toBe(false);
    expect(fake.autoInstallOnAppQuit).toBe(true);
    updater.onSyncStatus({ ...idle, centreUrl: null });
    expect(updater.state()).toMatchObject({ phase: 'disabled', version: '0.2.0', channel: 'stable', lastCheckAt: null });
    expect(timers.pending).toEqual([]);
    await updater.check();
    expect(fake.checks).toBe(0);

    updater.onSyncStatus(idle);
    expect(fake.feeds).toEqual([{ provider: 'generic', url: `${CENTRE}/v1/updates/stable/`, useMultipleRangeRequest: false }]);
    await timers.fire(FIRST_CHECK_DELAY_MS);
    expect(fake.checks).toBe(1);
    expect(fake.requestHeaders).toEqual({ authorization: 'Bearer device-token-fabricated' });
    expect(updater.state()).toMatchObject({ phase: 'up-to-date', lastCheckAt: '2026-11-25T03:00:00.000Z', lastError: null });
    // Checked again later.
    expect(timers.pending.map((timer) => timer.ms)).toEqual([CHECK_INTERVAL_MS]);

    // Leaving the centre stops the checks.
    updater.onSyncStatus({ ...idle, centreUrl: null });
    expect(updater.state().phase).toBe('disabled');
    expect(timers.pending).toEqual([]);
  });

  it('never downloads while sync is uploading: waits, and stops a running download when an upload starts', async () => {
    fake.answer = () => fake.emit('update-available', { version: '0.3.0' });
    updater.onSyncStatus(idle);
    updater.onSyncStatus(uploading);
    await timers.fire(FIRST_CHECK_DELAY_MS);
    expect(updater.state()).toMatchObject({ phase: 'waiting-for-sync', availableVersion: '0.3.0' });
    expect(fake.downloads).toHaveLength(0);

    updater.onSyncStatus(idle);
    expect(updater.state().phase).toBe('downloading');
    expect(fake.downloads).toHaveLength(1);
    fake.emit('download-progress', { percent: 42.7 });
    expect(updater.state().downloadPercent).toBe(42);

    updater.onSyncStatus(uploading);
    expect(fake.downloads[0]!.cancellation.cancelled).toBe(true);
    await settle();
    // A cancellation for sync is no failure.
    expect(updater.state()).toMatchObject({ phase: 'waiting-for-sync', lastError: null });

    updater.onSyncStatus(idle);
    expect(fake.downloads).toHaveLength(2);
    fake.downloads[1]!.finish('0.3.0');
    await settle();
    expect(updater.state()).toMatchObject({ phase: 'downloaded', availableVersion: '0.3.0', downloadPercent: null });
    expect(timers.pending).toEqual([]);
  });

  it('after a failed download (a checksum that does not match) keeps the installed app and tries again later', async () => {
    fake.answer = () => fake.emit('update-available', { version: '0.3.0' });
    updater.onSyncStatus(idle);
    await timers.fire(FIRST_CHECK_DELAY_MS);
    fake.downloads[0]!.fail(new Error('sha512 checksum mismatch, expected abc, got def'));
    await settle();
    expect(updater.state()).toMatchObject({ phase: 'error', version: '0.2.0' });
    expect(updater.state().lastError).toMatch(/vẫn hoạt động bình thường/);
    expect(fake.installs).toEqual([]);
    expect(() => updater.installNow()).toThrow(/Chưa có bản cập nhật/);

    await timers.fire(RETRY_MS);
    expect(fake.checks).toBe(2);
    expect(fake.downloads).toHaveLength(2);
    fake.downloads[1]!.finish('0.3.0');
    await settle();
    expect(updater.state()).toMatchObject({ phase: 'downloaded', lastError: null });
  });

  it('a check that cannot reach the centre is retried later', async () => {
    fake.answer = () => {
      throw new Error('net::ERR_CONNECTION_REFUSED');
    };
    updater.onSyncStatus(idle);
    await timers.fire(FIRST_CHECK_DELAY_MS);
    expect(updater.state().phase).toBe('error');
    fake.answer = () => fake.emit('update-not-available', { version: '0.2.0' });
    await timers.fire(RETRY_MS);
    expect(updater.state()).toMatchObject({ phase: 'up-to-date', lastError: null });
  });

  it('installs only when asked, with a downloaded update and no intake open', async () => {
    fake.answer = () => fake.emit('update-available', { version: '0.3.0' });
    updater.onSyncStatus(idle);
    await timers.fire(FIRST_CHECK_DELAY_MS);
    fake.downloads[0]!.finish('0.3.0');
    await settle();
    expect(fake.installs).toEqual([]);

    updater.setIntakeOpen(true);
    expect(() => updater.installNow()).toThrow(/Đang tiếp nhận hồ sơ/);
    expect(fake.installs).toEqual([]);

    expect(updater.setIntakeOpen(false).intakeOpen).toBe(false);
    updater.installNow();
    expect(fake.installs).toEqual([[false, true]]);
  });
});
