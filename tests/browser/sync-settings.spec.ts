import type { Page } from '@playwright/test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDateTime } from '../../renderer/ui/format-date.js';
import { centreLog } from '../sync/support/inspect.js';
import { prepareCentre, startCentre, type CentreProcess } from '../sync/support/centre-process.js';
import { StaffClient } from '../sync/support/staff-client.js';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, DESK, initialiseDesk, receiveThroughCore } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test, type RunningWebHost } from './support/web-host.js';

// Enrollment and sync as a supervisor sees them, against a REAL centre (`node` on its build, on
// loopback, its own SQLite folder): the one-time code is issued through the centre's storage API, the
// desk enrolls through the settings screen, and dossiers become "Đã đồng bộ" once the centre has them.

const SCREENS_DIR = 'test-results/screens';
const CODE_REFUSED = 'Mã đăng ký không đúng, đã hết hạn hoặc đã được dùng. Hãy xin quản trị viên trung tâm cấp mã mới.';
const DATE_TIME = String.raw`\d{2}/\d{2}/\d{4} \d{2}:\d{2}`;

interface TestCentre {
  dataDir: string;
  process: CentreProcess;
  /** One-time codes issued for the desk's unit and station. */
  codes: string[];
}

/** A real centre process on the desk's clock (libfaketime), so the two agree on the time whatever the real date. */
async function openCentre(webHost: RunningWebHost, codes: number): Promise<TestCentre> {
  const dataDir = await mkdtemp(join(tmpdir(), 'centre-browser-'));
  const wanted = Array.from({ length: codes }, () => ({ unitGsoCode: DESK.unitGsoCode, station: DESK.station }));
  const issued = await prepareCentre(dataDir, wanted, {}, webHost.clock.now);
  return { dataDir, process: await startCentre({ dataDir, clock: webHost.clock }), codes: issued };
}

async function closeCentre(centre: TestCentre | null): Promise<void> {
  if (centre === null) return;
  await centre.process.stop();
  await rm(centre.dataDir, { recursive: true, force: true });
}

/** A loopback port nothing listens on: the centre the officer typed is not there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** From anywhere on the desk, the nav link by keyboard: focus it and press Enter. */
async function openSyncSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Cài đặt', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Cài đặt đồng bộ' })).toBeVisible();
}

function worklistRow(page: Page, applicantName: string) {
  return page.getByTestId('worklist-row').filter({ hasText: applicantName });
}

async function expectStatusBarShowsLastSuccess(page: Page, webHost: RunningWebHost): Promise<void> {
  const headline = page.getByRole('contentinfo').getByTestId('status-sync');
  await expect(headline).toHaveText(new RegExp(`^Đồng bộ: đã đồng bộ lúc ${DATE_TIME}$`));
  // The very time the core recorded, in Vietnam time (whatever zone runs the browser).
  await expect(async () => {
    const status = await call(webHost.core, 'sync.status', {});
    expect(status.lastSuccessAt).not.toBeNull();
    await expect(headline).toHaveText(`Đồng bộ: đã đồng bộ lúc ${formatDateTime(status.lastSuccessAt!)}`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test.beforeAll(async () => {
  await mkdir(SCREENS_DIR, { recursive: true });
});

test('a supervisor enrolls the desk with a real centre; dossiers become "Đã đồng bộ" and the status bar shows the last success', { tag: '@today' }, async ({ page, webHost }) => {
  test.setTimeout(120_000);
  const problems = watchPageProblems(page);
  let centre: TestCentre | null = null;
  try {
    centre = await openCentre(webHost, 1);
    await initialiseDesk(webHost.core);
    const info = await call(webHost.core, 'app.info', {});
    // Received before the desk knew any centre: it must still reach the centre after enrollment.
    const early = await receiveThroughCore(webHost.core, 'Nguyễn Văn An');

    await page.goto(`${webHost.url}#/ho-so`);
    const statusBar = page.getByRole('contentinfo');
    await expect(statusBar.getByTestId('status-sync')).toHaveText(/^Đồng bộ: chưa cấu hình máy chủ trung tâm/);
    await expect(worklistRow(page, 'Nguyễn Văn An')).toBeVisible();
    // A desk that never syncs wears no badges (every dossier would say "Chờ gửi" for ever).
    await expect(page.getByTestId('dossier-sync-badge')).toHaveCount(0);

    await openSyncSettings(page);
    const form = page.getByRole('form', { name: 'Đăng ký máy với trung tâm' });
    await expect(form.getByLabel('Tên máy')).toHaveValue(`${DESK.unitName} – quầy ${DESK.station}`);
    // Keyboard only: the address field has focus, Tab reaches the code, Ctrl+Enter sends.
    await expect(form.getByLabel('Địa chỉ máy chủ trung tâm')).toBeFocused();
    await page.keyboard.type(centre.process.url);
    await page.keyboard.press('Tab');
    await expect(form.getByLabel('Mã đăng ký')).toBeFocused();
    await page.keyboard.type(centre.codes[0]!);
    await page.screenshot({ path: `${SCREENS_DIR}/sync-settings-form.png`, fullPage: true });
    await expectNoSeriousAccessibilityViolations(page);
    await page.keyboard.press('Control+Enter');

    await expect(page.getByTestId('sync-enrolled')).toHaveText('Đã đăng ký máy với trung tâm. Máy bắt đầu đồng bộ.');
    await expect(page.getByRole('heading', { name: 'Tình trạng đồng bộ' })).toBeFocused();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('sync-device-id')).toHaveText(info.desk.deviceId);
    await expect(page.getByTestId('sync-centre-url')).toHaveText(centre.process.url);
    await expect(page.getByTestId('sync-last-success')).toHaveText(new RegExp(`^${DATE_TIME}$`));
    await expect(page.getByTestId('sync-pending')).toHaveText('Không có gì chờ gửi');
    await expect(page.getByTestId('sync-last-error')).toHaveText('Không có');
    await expect(page.getByTestId('sync-clock')).toHaveText('Khớp với giờ của trung tâm');
    await expectStatusBarShowsLastSuccess(page, webHost);
    // The centre really holds the dossier received before enrollment.
    expect(centreLog(centre.dataDir).some((row) => row.dossierId === early.state.id)).toBe(true);
    await page.screenshot({ path: `${SCREENS_DIR}/sync-settings-enrolled.png`, fullPage: true });
    await expectNoSeriousAccessibilityViolations(page);

    await page.getByRole('link', { name: /Danh sách hồ sơ/ }).click();
    await expect(worklistRow(page, 'Nguyễn Văn An').getByTestId('dossier-sync-badge')).toHaveText('Đã đồng bộ');

    // The centre goes away; a dossier received meanwhile waits ("Chờ gửi") and the status bar says why.
    await centre.process.stop();
    await receiveThroughCore(webHost.core, 'Trần Thị Bình');
    const waitingBadge = worklistRow(page, 'Trần Thị Bình').getByTestId('dossier-sync-badge');
    await expect(waitingBadge).toHaveText('Chờ gửi');
    await expect(statusBar.getByTestId('status-sync')).toHaveText(/^Đồng bộ: chưa kết nối được máy chủ trung tâm \(\d+ thay đổi chờ gửi\)$/, { timeout: 15_000 });
    await expect(statusBar.getByTestId('status-sync-last-success')).toHaveText(new RegExp(`^Lần đồng bộ cuối: ${DATE_TIME}$`));
    await expect(statusBar.getByTestId('status-sync-error')).toContainText('Không kết nối được máy chủ trung tâm');
    await expect(worklistRow(page, 'Nguyễn Văn An').getByTestId('dossier-sync-badge')).toHaveText('Đã đồng bộ');
    await page.screenshot({ path: `${SCREENS_DIR}/sync-worklist-waiting.png`, fullPage: true });
    await expectNoSeriousAccessibilityViolations(page);

    // The centre returns on the same address; "Đồng bộ ngay" sends what waited. (What waits is read while
    // the centre is still away: once it is back, the agent's own retry may send it first.)
    await openSyncSettings(page);
    await expect(page.getByTestId('sync-pending')).toHaveText(/^\d+ thay đổi$/);
    centre.process = await startCentre({ dataDir: centre.dataDir, port: centre.process.port, clock: webHost.clock });
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sync-now-outcome')).toHaveText(new RegExp(`^Đã đồng bộ xong lúc ${DATE_TIME}\\.$`), { timeout: 30_000 });
    await expect(page.getByTestId('sync-pending')).toHaveText('Không có gì chờ gửi');
    await expect(page.getByRole('button', { name: 'Đồng bộ ngay' })).toBeFocused();
    await expectStatusBarShowsLastSuccess(page, webHost);
    await page.screenshot({ path: `${SCREENS_DIR}/sync-settings-synced-now.png`, fullPage: true });

    await page.getByRole('link', { name: /Danh sách hồ sơ/ }).click();
    await expect(waitingBadge).toHaveText('Đã đồng bộ');
    await page.screenshot({ path: `${SCREENS_DIR}/sync-worklist-synced.png`, fullPage: true });
    await worklistRow(page, 'Trần Thị Bình').click();
    await expect(page.getByTestId('dossier-applicant')).toHaveText('Trần Thị Bình');
    await expect(page.getByTestId('dossier-sync-badge')).toHaveText('Đã đồng bộ');
    await page.screenshot({ path: `${SCREENS_DIR}/sync-dossier-synced.png`, fullPage: true });
    await expectNoSeriousAccessibilityViolations(page);

    // The centre's administrator revokes the desk: it is told so at its next sync, keeps working, and a
    // new code (issued through the centre's admin route) enrolls it again.
    const staff = await StaffClient.signIn(centre.process.url);
    expect(await staff.revoke(info.desk.deviceId)).toBe(200);
    await openSyncSettings(page);
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sync-revoked')).toContainText('Trung tâm đã thu hồi quyền đồng bộ của máy này');
    await expect(page.getByTestId('sync-state')).toHaveText('Đã bị thu hồi quyền đồng bộ');
    await expect(page.getByTestId('sync-now-outcome')).toHaveText(/^Chưa đồng bộ được: Trung tâm đã thu hồi quyền đồng bộ của máy này/);
    await expect(statusBar.getByTestId('status-sync')).toHaveText('Đồng bộ: trung tâm đã thu hồi quyền đồng bộ của máy này');
    const again = page.getByRole('form', { name: 'Đăng ký lại với trung tâm' });
    await expect(again.getByLabel('Địa chỉ máy chủ trung tâm')).toHaveValue(centre.process.url);
    await page.screenshot({ path: `${SCREENS_DIR}/sync-settings-revoked.png`, fullPage: true });
    await expectNoSeriousAccessibilityViolations(page);

    await again.getByLabel('Mã đăng ký').fill(await staff.issueCode(DESK.unitGsoCode, DESK.station));
    await again.getByRole('button', { name: /Đăng ký với trung tâm/ }).press('Enter');
    await expect(page.getByTestId('sync-revoked')).toHaveCount(0);
    await expect(again).toHaveCount(0);
    await expectStatusBarShowsLastSuccess(page, webHost);
    expect(problems).toEqual([]);
  } finally {
    await closeCentre(centre);
  }
});

test('a wrong code, an unreachable centre and a malformed address are each named next to their field', async ({ page, webHost }) => {
  test.setTimeout(90_000);
  let centre: TestCentre | null = null;
  try {
    centre = await openCentre(webHost, 0);
    await initialiseDesk(webHost.core);
    await page.goto(`${webHost.url}#/dong-bo`);
    const form = page.getByRole('form', { name: 'Đăng ký máy với trung tâm' });
    const address = form.getByLabel('Địa chỉ máy chủ trung tâm');
    const code = form.getByLabel('Mã đăng ký');
    const submit = form.getByRole('button', { name: /Đăng ký với trung tâm/ });

    // Not an address: refused on the desk before anything is sent.
    await address.fill('motcua.halong.gov.vn');
    await code.fill('7K3M-Q9RT-X2VD');
    await submit.press('Enter');
    await expect(address).toHaveAccessibleDescription(/Địa chỉ máy chủ trung tâm phải bắt đầu bằng http:\/\/ hoặc https:\/\//);
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(address).toBeFocused();

    // An address where no centre answers.
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    await address.fill(nowhere);
    await submit.press('Enter');
    await expect(address).toHaveAccessibleDescription(new RegExp(`Không kết nối được máy chủ trung tâm tại ${nowhere.replace(/[.]/g, '\\.')}\\. Hãy kiểm tra địa chỉ và đường mạng\\.`));
    await expect(address).toBeFocused();

    // The real centre, a code it never issued.
    await address.fill(centre.process.url);
    await submit.press('Enter');
    await expect(code).toHaveAccessibleDescription(new RegExp(CODE_REFUSED.replace(/[.]/g, '\\.')));
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(code).toBeFocused();
    await expect(address).not.toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: `${SCREENS_DIR}/sync-settings-wrong-code.png`, fullPage: true });
    await expectNoSeriousAccessibilityViolations(page);

    // Nothing was saved: the desk is still not enrolled, and the status bar says so.
    expect((await call(webHost.core, 'sync.status', {})).state).toBe('not_configured');
    await expect(page.getByRole('contentinfo').getByTestId('status-sync')).toHaveText(/^Đồng bộ: chưa cấu hình máy chủ trung tâm/);
  } finally {
    await closeCentre(centre);
  }
});

test('the status bar shows progress, a wrong clock and the last error as the agent reports them', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  await initialiseDesk(webHost.core);
  await page.goto(`${webHost.url}#/ho-so`);
  const statusBar = page.getByRole('contentinfo');
  const lastSuccessAt = '2025-09-02T07:05:00.000Z'; // 14:05 in Hạ Long
  const clockWarning = 'Đồng hồ của máy này nhanh hơn giờ của trung tâm khoảng 2 giờ. Hãy chỉnh lại giờ máy tính; việc đồng bộ vẫn tiếp tục.';
  // The page subscribes to the event stream after it loads: publish until it has picked one up.
  await expect(async () => {
    webHost.core.events.publish('sync.status', {
      state: 'syncing',
      pendingEvents: 1200,
      pendingScans: 3,
      lastSuccessAt,
      lastError: 'Máy chủ trung tâm không trả lời kịp (đường truyền chậm hoặc bị treo). Máy sẽ tự thử lại.',
      progress: { phase: 'upload', done: 5 * 1024 * 1024, total: 20 * 1024 * 1024 },
      clockSkewMs: 2 * 3_600_000,
      clockWarning,
      centreUrl: 'http://10.0.0.5:8787',
      revoked: false,
    });
    await expect(statusBar.getByTestId('status-sync')).toHaveText('Đồng bộ: đang đồng bộ… (1.200 thay đổi, 3 bản quét chờ gửi)', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(statusBar.getByTestId('status-sync-last-success')).toHaveText('Lần đồng bộ cuối: 02/09/2025 14:05');
  await expect(statusBar.getByTestId('status-sync-error')).toHaveText('Lỗi gần nhất: Máy chủ trung tâm không trả lời kịp (đường truyền chậm hoặc bị treo). Máy sẽ tự thử lại.');
  await expect(statusBar.getByTestId('status-sync-clock')).toHaveText(clockWarning);
  const progress = statusBar.getByRole('progressbar', { name: 'Tiến độ đồng bộ' });
  await expect(progress).toHaveAttribute('value', '0.25');
  await expect(statusBar.getByTestId('status-sync-progress')).toHaveText('Đang tải bản quét lên: 5,0/20,0 MB');
  // The text a screen reader hears politely: the whole sync account, in one live region.
  await expect(statusBar.getByRole('status')).toContainText('Lần đồng bộ cuối: 02/09/2025 14:05');
  await page.screenshot({ path: `${SCREENS_DIR}/sync-status-bar-busy.png` });
  await expectNoSeriousAccessibilityViolations(page);
  expect(problems).toEqual([]);
});

test('an enrolled desk keeps its station until the supervisor un-enrols, which waits for unsent changes unless forced', async ({ page, webHost }) => {
  test.setTimeout(120_000);
  const problems = watchPageProblems(page);
  let centre: TestCentre | null = null;
  try {
    centre = await openCentre(webHost, 1);
    await page.setViewportSize({ width: 1366, height: 768 });
    await initialiseDesk(webHost.core);
    await call(webHost.core, 'sync.enroll', { centreUrl: centre.process.url, code: centre.codes[0]!, deviceName: 'Quầy 2 Hồng Gai' });
    await page.goto(`${webHost.url}#/ho-so`);
    await openSyncSettings(page);

    // A new station is refused while enrolled, with what to do instead.
    const place = page.getByTestId('desk-place');
    await place.getByLabel('Số quầy').fill('5');
    await place.getByLabel('Số quầy').press('Enter');
    await expect(place.getByRole('alert')).toContainText('trung tâm chưa có chức năng đổi số quầy của máy đã đăng ký. Hãy hủy đăng ký đồng bộ trước');
    expect((await call(webHost.core, 'settings.get', {})).station).toBe(DESK.station);

    // The centre goes away; a reception waits to go.
    await centre.process.stop();
    await receiveThroughCore(webHost.core, 'Lê Văn Chờ Gửi');
    await expect(page.getByTestId('sync-pending')).toContainText('thay đổi');

    // By keyboard: the button, the dialog (focus on "keep"), the force box, then confirm.
    await page.getByTestId('sync-unenroll').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Hủy đăng ký máy với trung tâm?' });
    await expect(dialog).toContainText('Còn dữ liệu chưa gửi');
    await expect(dialog.getByRole('button', { name: /Giữ đăng ký/ })).toBeFocused();
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${SCREENS_DIR}/unenroll-1366.png` });
    // Without forcing, the core refuses and says what waits.
    await dialog.getByRole('button', { name: 'Hủy đăng ký' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('chưa gửi lên trung tâm');
    await dialog.getByTestId('unenroll-force').focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('button', { name: 'Hủy đăng ký' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Đăng ký máy với trung tâm' })).toBeVisible();
    const status = await call(webHost.core, 'sync.status', {});
    expect(status).toMatchObject({ state: 'not_configured', centreUrl: null });
    expect(status.pendingEvents).toBeGreaterThan(0);

    // Un-enrolled, the station changes.
    await place.getByLabel('Số quầy').fill('5');
    await place.getByLabel('Số quầy').press('Enter');
    await expect(page.getByTestId('desk-place-saved')).toContainText('quầy số 5');
    // The two refusals (station, then un-enrolment without force) are the browser's logged 409 answers.
    expect(problems.filter((p) => !p.includes('409 (Conflict)'))).toEqual([]);
  } finally {
    await closeCentre(centre);
  }
});
