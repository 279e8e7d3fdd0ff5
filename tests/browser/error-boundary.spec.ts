import type { Page } from '@playwright/test';
import { RENDER_FAULT_KEY } from '../../renderer/app/components/RenderFaultProbe.js';
import { initialiseDesk, SAMPLE_QR_LINE } from './support/desk-session.js';
import { expect, test } from './support/web-host.js';

// A screen that throws while rendering shows the Vietnamese recovery screen, not a blank window: the
// navigation stays, the crash is queued for the centre (without the citizen's data), and the intake
// typed so far is there again after "Thử lại". The throw is the web build's test hook (RenderFaultProbe).

async function askForRenderFault(page: Page, screen: string | null): Promise<void> {
  await page.evaluate(
    ([key, value]) => (value === null ? window.localStorage.removeItem(key!) : window.localStorage.setItem(key!, value)),
    [RENDER_FAULT_KEY, screen] as const,
  );
}

test('a render error on the intake screen shows the recovery screen, is reported, and the draft survives', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await page.goto(`${webHost.url}#/tiep-nhan`);
  await expect(page.getByTestId('intake-id-number')).toBeFocused();
  await page.keyboard.type(SAMPLE_QR_LINE);
  await page.keyboard.press('Enter');
  await page.getByLabel('Ghi chú').fill('Công dân quay lại sau 14 giờ');
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Trần Thị B');

  // Away and back, with the fault asked for: the intake screen throws as it renders.
  await page.goto(`${webHost.url}#/ho-so`);
  await askForRenderFault(page, 'intake');
  await page.goto(`${webHost.url}#/tiep-nhan`);
  const recovery = page.getByTestId('screen-error');
  await expect(recovery).toBeVisible();
  await expect(recovery.getByRole('heading', { name: 'Màn hình này gặp lỗi' })).toBeVisible();
  await expect(recovery).toContainText('Những gì bạn đã nhập vẫn được giữ');
  await expect(page.getByRole('navigation').first()).toBeVisible();

  // One small report waits for the next sync: where and what, no citizen's data.
  await expect.poll(() => (webHost.core.db.prepare('SELECT count(*) AS n FROM crash_reports').get() as { n: number }).n).toBeGreaterThan(0);
  const reports = webHost.core.db.prepare('SELECT kind, place, message, stack FROM crash_reports').all() as { kind: string; place: string; message: string; stack: string }[];
  expect(reports[0]).toMatchObject({ kind: 'render_error', place: 'intake' });
  expect(reports[0]!.message).toContain('render fault asked for by a test');
  for (const secret of ['Trần Thị B', '022190000123']) expect(JSON.stringify(reports)).not.toContain(secret);

  // The fault is gone: "Thử lại" brings the screen back with everything typed.
  await askForRenderFault(page, null);
  await recovery.getByRole('button', { name: 'Thử lại' }).click();
  await expect(recovery).toBeHidden();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Trần Thị B');
  await expect(page.getByTestId('intake-id-number')).toHaveValue('022190000123');
  await expect(page.getByLabel('Ghi chú')).toHaveValue('Công dân quay lại sau 14 giờ');
});

test('"Về danh sách hồ sơ" leaves a failed screen for the work list, which works', async ({ page, webHost }) => {
  await initialiseDesk(webHost.core);
  await page.goto(`${webHost.url}#/ho-so`);
  await askForRenderFault(page, 'reports');
  await page.goto(`${webHost.url}#/bao-cao`);
  await expect(page.getByTestId('screen-error')).toBeVisible();
  await page.getByRole('button', { name: 'Về danh sách hồ sơ' }).click();
  await expect(page.getByTestId('screen-error')).toBeHidden();
  await expect(page).toHaveURL(/#\/ho-so$/u);
});
