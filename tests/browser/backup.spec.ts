import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../support/temp-dir.js';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { initialiseDesk, receiveThroughCore } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

// The supervisor chooses a backup folder on Cài đặt › Sao lưu, a missing one is refused in place, and
// "Sao lưu ngay" writes a backup: the panel and the status bar then show when the last one was made.

test('a supervisor sets the backup folder and backs up now; the status bar shows the last backup', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  const problems = watchPageProblems(page);
  const target = makeTempDir('desk-backup-ui-');
  try {
    await initialiseDesk(webHost.core);
    await receiveThroughCore(webHost.core, 'Lê Văn Khách');
    await page.goto(`${webHost.url}#/dong-bo`);
    const panel = page.getByRole('region', { name: 'Sao lưu' });
    await expect(panel.getByTestId('backup-warning')).toContainText('Máy chưa có bản sao lưu nào');

    // No native folder dialog in the browser: the path is typed.
    await expect(panel.getByTestId('pick-folder')).toHaveCount(0);
    const field = panel.getByTestId('backup-folder');
    await field.fill(join(target.path, 'o-usb-da-rut'));
    await panel.getByRole('button', { name: 'Lưu cài đặt sao lưu' }).click();
    await expect(panel).toContainText('Không tìm thấy thư mục sao lưu');

    await field.fill(target.path);
    await panel.getByRole('button', { name: 'Lưu cài đặt sao lưu' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
    await panel.getByTestId('backup-now').click();
    await expect(panel.getByTestId('backup-last')).toContainText('Bản sao lưu gần nhất:');
    await expect(panel.getByTestId('backup-warning')).toHaveCount(0);
    await expect(page.getByTestId('status-backup')).toContainText('Sao lưu:');
    const backups = readdirSync(target.path).filter((name) => name.startsWith('desk-'));
    expect(backups).toHaveLength(1);
    expect(existsSync(join(target.path, backups[0]!, 'manifest.json'))).toBe(true);
    await expectNoSeriousAccessibilityViolations(page);
    // The one refused folder is the browser's logged 404 answer; nothing else went wrong.
    expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 404 (Not Found)']);
  } finally {
    target.remove();
  }
});

test('a supervisor sets the bound on disk use for scans fetched from the centre; a wrong value is refused in place', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  await page.goto(`${webHost.url}#/dong-bo`);
  const section = page.getByRole('region', { name: 'Giới hạn dung lượng bản quét tải về' });
  await expect(section.getByTestId('scan-limit-state')).toContainText('Đã dùng 0 GB / 50 GB (mặc định).');
  const field = section.getByTestId('scan-limit-gb');
  await field.fill('0');
  await section.getByRole('button', { name: 'Lưu giới hạn' }).click();
  await expect(section.getByRole('alert')).toContainText('ít nhất là 1 GB');
  await field.fill('12,5');
  await section.getByRole('button', { name: 'Lưu giới hạn' }).click();
  await expect(section.getByTestId('scan-limit-state')).toContainText('Đã lưu. Đã dùng 0 GB / 12,5 GB.');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Giới hạn dung lượng bản quét tải về' }).getByTestId('scan-limit-gb')).toHaveValue('12.5');
  await expectNoSeriousAccessibilityViolations(page);
  // The refused value is the browser's logged 400 answer; nothing else went wrong.
  expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});
