import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentre } from '../../../server/centre-app.js';
import { lookupPage } from '../../../server/lookup/lookup-page.js';
import type { CentreStorage } from '../../../server/storage/storage.js';
import { appendEntries } from '../../../server/sync/append-entries.js';
import { prepareEvent } from '../../../server/sync/prepare-event.js';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { lookupPagePath } from '../../../shared/sync/protocol.js';
import { STORAGE_KINDS } from '../dashboard/support/storages.js';
import { FakeDevice, HONG_GAI_UNIT } from '../support/fabricate-events.js';
import { makeTempDir } from '../../support/temp-dir.js';

// The page the receipt's QR opens (GET /tra-cuu/<code>), on a real Fastify on loopback over each storage
// adapter: status, procedure and appointment in Vietnamese and Vietnam time, nothing personal, its
// problems as pages (400, 404, 429), and headers a phone's browser and a shared cache read right.

const NOW_MS = Date.parse('2026-11-25T03:00:00Z'); // Wednesday 25/11/2026 10:00 in Hạ Long
const LOOKUPS_PER_MINUTE = 5;

async function push(storage: CentreStorage, desk: FakeDevice, events: readonly DossierEvent[]) {
  const prepared = events.map((e) => {
    const result = prepareEvent(e as unknown as Record<string, unknown>);
    if (!result.ok) throw new Error(result.message);
    return result.prepared;
  });
  return storage.transaction((tx) => appendEntries(tx, { deviceId: desk.deviceId, unitGso: desk.unit.gsoCode }, prepared, [], new Date(NOW_MS).toISOString()));
}

/** The text a reader sees: tags dropped, the five escapes undone. */
const textOf = (page: string): string =>
  page
    .replace(/<style>[\s\S]*?<\/style>/u, ' ')
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ');

for (const kind of STORAGE_KINDS) {
  describe.skipIf(!kind.available)(`the public status page, at a centre on ${kind.name}`, { timeout: 30_000 }, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function startCentre() {
      const storage = await kind.open();
      cleanups.push(() => kind.dispose(storage));
      const dir = makeTempDir('lookup-page-');
      cleanups.push(async () => dir.remove());
      // Made here, not left to the upload server's unawaited start, which a short test would outrun.
      mkdirSync(join(dir.path, 'blobs', 'uploads'), { recursive: true });
      const { app } = await createCentre({ storage, blobDir: join(dir.path, 'blobs'), now: () => NOW_MS, logger: false, lookupPerMinute: LOOKUPS_PER_MINUTE });
      cleanups.push(() => app.close());
      await app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      return { storage, get: (path: string) => fetch(`${url}${path}`) };
    }

    it('shows status, procedure and appointment in Vietnam time, and nothing personal', async () => {
      const centre = await startCentre();
      const desk = new FakeDevice('desk-06691-1', HONG_GAI_UNIT); // Monday 23/11 09:00
      const received = desk.receive({ fullName: 'Lê Thị Bí Mật', idNumber: '022301987654' });
      expect(await push(centre.storage, desk, [received, desk.forward(received.dossierId)])).toMatchObject({ rejected: [] });
      const code = received.payload.code!;

      // As a phone sends what it read, with the H typed small by someone copying it.
      const response = await centre.get(lookupPagePath(code.replace('H49', 'h49')));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=60');
      const page = await response.text();
      const text = textOf(page);
      expect(page).toMatch(/^<!doctype html><html lang="vi">/u);
      expect(text).toContain(`Mã hồ sơ ${code}`);
      expect(text).toContain('Thủ tục Đăng ký khai sinh');
      expect(text).toContain('Tình trạng Đang xử lý');
      expect(text).toContain('Thời gian hẹn trả kết quả 09 giờ 00 phút, ngày 24/11/2026');
      expect(text).toContain('Thông tin tại trung tâm lúc 10 giờ 00 phút, ngày 25/11/2026');
      for (const personal of ['Lê Thị Bí Mật', '022301987654', '0912345678', 'Tổ 1, Khu 2', '05/06/1990', '1990-06-05']) expect(page).not.toContain(personal);

      // No script at all, and the one inline style sheet is the one the policy's hash allows.
      expect(page).not.toMatch(/<script/iu);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).not.toContain('unsafe-inline');
      const style = /<style>([\s\S]*?)<\/style>/u.exec(page)?.[1] ?? '';
      expect(policy).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('answers an unknown code with a 404 page, a malformed one with a 400 page, and too many with a 429 page', async () => {
      const centre = await startCentre();
      const unknown = await centre.get(lookupPagePath('000.15.20.H49-261123-9999'));
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(unknown.headers.get('cache-control')).toBe('no-store');
      expect(textOf(await unknown.text())).toContain('Không tìm thấy hồ sơ');

      for (const malformed of ['<b>xin-chao</b>', '000.15.20.H49-261131-1001', '000.15.20.H49-261123-10011']) {
        const response = await centre.get(lookupPagePath(malformed));
        expect(response.status, malformed).toBe(400);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const page = await response.text();
        expect(textOf(page)).toContain('Mã hồ sơ không đúng');
        expect(page).not.toContain('<b>');
      }

      // Lookups spent above count too: the limit is reached within this many more.
      const statuses: number[] = [];
      for (let i = 0; i < LOOKUPS_PER_MINUTE; i += 1) statuses.push((await centre.get(lookupPagePath('000.15.20.H49-261123-9998'))).status);
      expect(statuses).toContain(429);
      const limited = await centre.get(lookupPagePath('000.15.20.H49-261123-9998'));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(textOf(await limited.text())).toContain('Quá nhiều lượt tra cứu');
    });
  });
}

describe('the status page’s markup', () => {
  it('escapes what it shows: a procedure name is text, never markup', () => {
    const page = lookupPage(
      { code: '000.15.20.H49-261123-1001', status: 2, statusLabel: 'Được tiếp nhận', procedureName: '<img src=x onerror=alert(1)> & "Hộ tịch"', appointmentAt: null },
      '2026-11-25T03:00:00.000Z',
    );
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Hộ tịch&quot;');
    expect(textOf(page)).toContain('Thời gian hẹn trả kết quả Chưa có');
  });
});
