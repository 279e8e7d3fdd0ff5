import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { DeskCore } from '../../electron/core/start-core.js';
import { DeskUpdater } from '../../electron/main/updates/desk-updater.js';
import { FakeAutoUpdater, FakeCancellation } from '../electron/main/fake-auto-updater.js';
import { shellOver } from '../electron/main/shell-fixture.js';
import { initialiseDesk } from './support/desk-session.js';
import { expect, test } from './support/web-host.js';

// The "Cập nhật" notice and the about panel's update facts in real Chromium: the page gets a `window.desk`
// as the preload gives it, behind it main's own shell code and DeskUpdater over a fake autoUpdater that
// has downloaded version 0.2.0 (electron-updater itself needs the Electron binary).

async function downloadedUpdate(): Promise<{ updater: DeskUpdater; fake: FakeAutoUpdater }> {
  const fake = new FakeAutoUpdater();
  const updater = new DeskUpdater({
    updater: fake,
    newCancellation: () => new FakeCancellation(),
    version: '0.1.0',
    deviceToken: async () => 'ma-thiet-bi-thu-nghiem',
    now: () => Date.parse('2026-11-25T03:00:00Z'),
    setTimer: () => null,
    clearTimer: () => undefined,
  });
  updater.onSyncStatus({ state: 'idle', pendingEvents: 0, lastSuccessAt: null, lastError: null, progress: null, centreUrl: 'https://trungtam.halong.example' });
  fake.answer = () => fake.emit('update-available', { version: '0.2.0' });
  await updater.check();
  fake.downloads[0]!.finish('0.2.0');
  await new Promise((resolve) => setImmediate(resolve));
  return { updater, fake };
}

async function installBridge(page: Page, core: DeskCore, updater: DeskUpdater): Promise<void> {
  const shell = shellOver(core.handlers, { documentsDir: join(tmpdir(), 'khong-dung'), updates: updater });
  await page.exposeFunction('__mainInvoke', (name: unknown, args: unknown) => shell.shell.invoke(name, args));
  await page.exposeFunction('__mainShell', (operation: unknown, args: unknown) => shell.shell.run(operation, args));
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> & { desk: unknown };
    w.desk = {
      invoke: (name: string, args: unknown) => (name.startsWith('shell.') ? w.__mainShell!(name, args) : w.__mainInvoke!(name, args)),
      on: () => () => undefined,
    };
  });
}

test('a downloaded update is offered outside an intake, installs when the officer agrees, and shows in the about panel', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  const { updater, fake } = await downloadedUpdate();
  await installBridge(page, webHost.core, updater);

  await page.goto(`${webHost.url}#/ho-so`);
  const notice = page.getByTestId('update-notice');
  await expect(notice).toContainText('Cập nhật: phiên bản 0.2.0 đã sẵn sàng');
  await expect(notice.getByRole('button', { name: 'Khởi động lại để cập nhật' })).toBeVisible();

  // During an intake: no button, and main knows (it would refuse too).
  await page.goto(`${webHost.url}#/tiep-nhan`);
  await expect(notice).toContainText('Hãy hoàn tất hồ sơ đang tiếp nhận trước khi cập nhật.');
  await expect(notice.getByRole('button', { name: 'Khởi động lại để cập nhật' })).toHaveCount(0);
  await expect.poll(() => updater.state().intakeOpen).toBe(true);
  expect(() => updater.installNow()).toThrow(/Đang tiếp nhận hồ sơ/);

  await page.goto(`${webHost.url}#/ho-so`);
  await expect.poll(() => updater.state().intakeOpen).toBe(false);
  await notice.getByRole('button', { name: 'Khởi động lại để cập nhật' }).click();
  await expect.poll(() => fake.installs).toEqual([[false, true]]);

  await page.goto(`${webHost.url}#/thong-tin`);
  await expect(page.getByTestId('update-channel')).toHaveText('stable');
  await expect(page.getByTestId('update-phase')).toHaveText('Đã tải xong, sẽ cài khi khởi động lại');
  await expect(page.getByTestId('update-available-version')).toHaveText('0.2.0');
  await expect(page.getByTestId('update-last-check')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
});

test('in the browser the about panel says the desk does not update itself, and no notice shows', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await page.goto(`${webHost.url}#/thong-tin`);
  await expect(page.getByTestId('update-browser')).toContainText('không tự cập nhật');
  await page.goto(`${webHost.url}#/ho-so`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
});
