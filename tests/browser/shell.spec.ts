import type { Route } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { configureDesk, TEST_WARD } from './support/configure-desk.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

const SCREENS_DIR = 'test-results/screens';
const isAppInfoCall = (url: string): boolean => new URL(url).pathname === '/api/invoke/app.info';

test.beforeAll(async () => {
  await mkdir(SCREENS_DIR, { recursive: true });
});

test('an unconfigured desk shows the Vietnamese shell and app.info from the core over HTTP', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  const firstInfo = page.waitForResponse((response) => isAppInfoCall(response.url()));
  // "Thông tin ứng dụng" opens before any sign-in: support asks for it when nothing else works.
  const document = await page.goto(`${webHost.url}#/thong-tin`);
  expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect((await firstInfo).status()).toBe(200);

  await expect(page).toHaveTitle('Một cửa Hạ Long');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Một cửa Hạ Long');
  await expect(page.getByTestId('header-unit')).toHaveText('Chưa cấu hình đơn vị');
  await expect(page.getByTestId('header-station')).toHaveText('Chưa chọn quầy');

  const about = page.getByRole('region', { name: 'Thông tin ứng dụng' });
  const schemaVersion = webHost.core.db.pragma('user_version', { simple: true }) as number;
  expect(schemaVersion).toBeGreaterThan(0);
  await expect(about.getByTestId('about-version')).toHaveText(webHost.appVersion);
  await expect(about.getByTestId('about-schema-version')).toHaveText(String(schemaVersion));
  await expect(about.getByTestId('about-data-dir')).toHaveText(webHost.dataDir);
  await expect(about.getByTestId('about-device-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(about.getByTestId('about-freshness')).toHaveText(/^Cập nhật lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

  const statusBar = page.getByRole('contentinfo');
  await expect(statusBar).toContainText('Đồng bộ: chưa cấu hình máy chủ trung tâm');
  await expect(statusBar).toContainText(`Phiên bản ${webHost.appVersion}`);
  await expect(statusBar).toContainText(`Dữ liệu: ${webHost.dataDir}`);

  await page.screenshot({ path: `${SCREENS_DIR}/shell.png`, fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);

  // The officer reaches "Tải lại" from the keyboard; the panel answers with what the core holds now.
  configureDesk(webHost.core, TEST_WARD);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '← Quay lại' })).toBeFocused();
  await page.keyboard.press('Tab');
  const reloadButton = about.getByRole('button', { name: 'Tải lại' });
  await expect(reloadButton).toBeFocused();
  await page.screenshot({ path: `${SCREENS_DIR}/shell-focus.png` });
  const reloaded = page.waitForResponse((response) => isAppInfoCall(response.url()));
  await page.keyboard.press('Enter');
  expect((await reloaded).status()).toBe(200);
  await expect(about.getByTestId('about-unit')).toHaveText(`${TEST_WARD.unitName} (mã định danh ${TEST_WARD.agencyId})`);
  await expect(about.getByTestId('about-station')).toHaveText(`Quầy số ${TEST_WARD.station}`);

  expect(problems).toEqual([]);
});

test('a configured desk shows its unit and follows sync status pushed over the event stream', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  configureDesk(webHost.core, TEST_WARD);
  await page.goto(webHost.url);

  // A unit but no supervisor yet: the first-start screen, under a header that already names the unit.
  await expect(page.getByRole('heading', { name: 'Khởi tạo bàn làm việc' })).toBeVisible();
  await expect(page.getByTestId('header-unit')).toHaveText(TEST_WARD.unitName);
  await expect(page.getByTestId('header-station')).toHaveText(`Quầy số ${TEST_WARD.station}`);

  const lastSuccessAt = new Date('2025-09-02T07:05:00Z'); // 14:05 in Hạ Long, whatever zone runs the test
  const statusBar = page.getByRole('contentinfo');
  // The page subscribes to /api/events after it loads; publish until the subscription has picked it up.
  await expect(async () => {
    webHost.core.events.publish('sync.status', {
      state: 'idle',
      pendingEvents: 3,
      lastSuccessAt: lastSuccessAt.toISOString(),
      lastError: null,
    });
    await expect(statusBar).toContainText(
      'Đồng bộ: đã đồng bộ lúc 02/09/2025 14:05 (3 thay đổi chờ gửi)',
      { timeout: 500 },
    );
  }).toPass({ timeout: 10_000 });

  await page.screenshot({ path: `${SCREENS_DIR}/shell-configured.png`, fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);
  expect(problems).toEqual([]);
});

test('the API refuses calls without the token and answers app.info with it', async ({ request, webHost }) => {
  const invokeUrl = `${webHost.url}api/invoke/app.info`;

  const missing = await request.post(invokeUrl, { data: {} });
  expect(missing.status()).toBe(401);
  expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

  const wrong = await request.post(invokeUrl, { data: {}, headers: { authorization: 'Bearer not-the-token-of-this-host' } });
  expect(wrong.status()).toBe(401);

  const events = await request.get(`${webHost.url}api/events`);
  expect(events.status()).toBe(401);

  const allowed = await request.post(invokeUrl, { data: {}, headers: { authorization: `Bearer ${webHost.token}` } });
  expect(allowed.status()).toBe(200);
  const body = (await allowed.json()) as { ok: boolean; value: { version: string; dataDir: string; schemaVersion: number } };
  expect(body.ok).toBe(true);
  expect(body.value.version).toBe(webHost.appVersion);
  expect(body.value.dataDir).toBe(webHost.dataDir);
  expect(body.value.schemaVersion).toBeGreaterThan(0);
});

test('a refused token shows the Vietnamese error near its cause, and "Thử lại" recovers', async ({ page, webHost }) => {
  // The page keeps the token it was served with; a different one stands for a host restarted with a new token.
  const staleToken = async (route: Route): Promise<void> => {
    await route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer stale-token-from-before-a-restart' } });
  };
  await page.route('**/api/**', staleToken);
  await page.goto(`${webHost.url}#/thong-tin`);

  const about = page.getByRole('region', { name: 'Thông tin ứng dụng' });
  await expect(about.getByRole('alert')).toContainText('Không có quyền truy cập');
  await expect(about.getByRole('alert')).toContainText('Thiếu hoặc sai mã truy cập');
  await expect(page.getByTestId('header-unit')).toHaveText('Không đọc được');
  const shellNotice = page.getByRole('alert').filter({ hasText: 'Không đọc được đơn vị và quầy của máy này.' });
  await expect(shellNotice).toContainText('Không có quyền truy cập');
  await page.screenshot({ path: `${SCREENS_DIR}/shell-refused.png`, fullPage: true });
  await expectNoSeriousAccessibilityViolations(page);

  await page.unroute('**/api/**', staleToken);
  await shellNotice.getByRole('button', { name: 'Thử lại' }).press('Enter');
  await expect(page.getByTestId('header-unit')).toHaveText('Chưa cấu hình đơn vị');
  await expect(shellNotice).toHaveCount(0);
});

test('the console watch catches a Content-Security-Policy refusal', async ({ page, webHost }) => {
  // Proves the "no CSP violations" checks above can fail: an inline script must be refused and reported.
  const problems = watchPageProblems(page);
  await page.goto(webHost.url);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
  });
  await expect.poll(() => problems.join('\n')).toContain('Content Security Policy');
  expect(await page.evaluate(() => 'inlineRan' in window || '__inlineRan' in window)).toBe(false);
});
