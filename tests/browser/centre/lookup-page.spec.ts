import { expect, test } from '@playwright/test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCentre } from '../../../server/centre-app.js';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.js';
import { appendEntries } from '../../../server/sync/append-entries.js';
import { prepareEvent } from '../../../server/sync/prepare-event.js';
import { lookupPagePath } from '../../../shared/sync/protocol.js';
import { FakeDevice, HONG_GAI_UNIT } from '../../server/support/fabricate-events.js';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.js';

// The page the receipt's QR opens, in Chromium with JavaScript off (as a citizen's phone may be): it
// reads right, at a phone's width, and passes axe — the found page and the not-found one.

const CENTRE_NOW = Date.parse('2026-11-25T03:00:00Z');

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

test('the status page reads on a phone with scripts off, and passes axe; so does the not-found page', async ({ browser, page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'centre-lookup-page-'));
  const storage = new SqliteStorage(join(dataDir, 'centre.sqlite'));
  await mkdir(join(dataDir, 'blobs', 'uploads'), { recursive: true });
  const { app } = await createCentre({ storage, blobDir: join(dataDir, 'blobs'), now: () => CENTRE_NOW, logger: false });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const desk = new FakeDevice('desk-06691-1', HONG_GAI_UNIT);
    const received = desk.receive({ fullName: 'Lê Thị Bí Mật' });
    const prepared = [received, desk.forward(received.dossierId)].map((e) => {
      const result = prepareEvent(e as unknown as Record<string, unknown>);
      if (!result.ok) throw new Error(result.message);
      return result.prepared;
    });
    await storage.transaction((tx) => appendEntries(tx, { deviceId: desk.deviceId, unitGso: desk.unit.gsoCode }, prepared, [], new Date(CENTRE_NOW).toISOString()));
    const code = received.payload.code!;

    // Scripts off: everything is there. (axe itself is a script, so it checks the same page with them on.)
    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'vi-VN' });
    try {
      const phone = await noScript.newPage();
      const response = await phone.goto(`${url}${lookupPagePath(code)}`);
      expect(response?.status()).toBe(200);
      await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Tình trạng hồ sơ');
      await expect(phone.getByRole('definition').filter({ hasText: 'Đang xử lý' })).toBeVisible();
      await expect(phone.getByText('09 giờ 00 phút, ngày 24/11/2026')).toBeVisible();
      await expect(phone.locator('body')).not.toContainText('Lê Thị Bí Mật');
      await phone.screenshot({ path: test.info().outputPath('lookup-page-phone.png'), fullPage: true });
    } finally {
      await noScript.close();
    }

    await page.goto(`${url}${lookupPagePath(code)}`);
    // Nothing wider than the phone: the long code wraps instead of scrolling sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousAccessibilityViolations(page);

    const missing = await page.goto(`${url}${lookupPagePath('000.15.20.H49-261123-9999')}`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy hồ sơ');
    await expectNoSeriousAccessibilityViolations(page);
  } finally {
    await app.close();
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
