import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/registry.js';
import { backoffDelay } from '../../../electron/core/sync/backoff.js';
import { clockWarning, measureSkewMs } from '../../../electron/core/sync/clock-skew.js';
import { SyncFailure } from '../../../electron/core/sync/sync-failure.js';
import { SyncRepository } from '../../../electron/core/sync/sync-repository.js';
import { startTestCentre } from '../../server/support/test-centre.js';
import { openSyncDesk } from '../support/sync-desk.js';

describe('migration 60 (sync)', () => {
  it('applies on :memory: after the earlier steps, and the push queue reads through its index', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 60));
    expect(db.pragma('user_version', { simple: true })).toBe(60);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('events')").all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['origin', 'pushed_at', 'push_rejection']));
    const plan = JSON.stringify(
      db
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM events WHERE origin = 'local' AND pushed_at IS NULL AND push_rejection IS NULL ORDER BY seq LIMIT 100")
        .all(),
    );
    expect(plan).toContain('events_waiting_to_push');
    expect(() => db.prepare("INSERT INTO events (id, dossier_id, type, payload, officer_id, device_id, device_seq, hlc, occurred_at, recorded_at, origin) VALUES ('x','d','t','{}','o','dev',1,'h','o','r','elsewhere')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('back-off and clock skew', () => {
  it('grows exponentially with jitter, within [half, all] of the capped ceiling', () => {
    const options = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelay(0, options)).toBe(0);
    expect(backoffDelay(1, options, () => 0)).toBe(500);
    expect(backoffDelay(1, options, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(4, options, () => 0)).toBe(4000);
    expect(backoffDelay(30, options, () => 1)).toBe(60_000);
    expect(backoffDelay(30, options, () => 0)).toBe(30_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(5, options)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('warns in Vietnamese beyond two minutes, either way, and only then', () => {
    expect(measureSkewMs('2026-11-23T02:00:00.000Z', Date.parse('2026-11-23T04:00:00.000Z') - 50, Date.parse('2026-11-23T04:00:00.000Z') + 50)).toBe(-7_200_000);
    expect(clockWarning(-7_200_000)).toBe('Đồng hồ của máy này nhanh hơn giờ của trung tâm khoảng 2 giờ. Hãy chỉnh lại giờ máy tính; việc đồng bộ vẫn tiếp tục.');
    expect(clockWarning(5 * 60_000)).toMatch(/chậm hơn .* khoảng 5 phút/);
    expect(clockWarning(119_000)).toBeNull();
    expect(clockWarning(null)).toBeNull();
  });

  it("beyond the bound the centre refuses the desk's changes, and the warning says so and what to do", () => {
    expect(clockWarning(-400 * 86_400_000)).toBe(
      'Đồng hồ của máy này nhanh hơn giờ của trung tâm khoảng 400 ngày, nên trung tâm không nhận các thay đổi ghi trên máy. ' +
        'Hãy chỉnh lại ngày giờ của máy tính cho đúng (bật tự động lấy giờ) rồi báo giám sát: các hồ sơ ghi với giờ sai cần được ghi lại.',
    );
    expect(clockWarning(-(3 * 3_600_000 + 60_000))).toMatch(/không nhận các thay đổi/);
    // A slow clock is never refused (an offline desk pushes old events anyway).
    expect(clockWarning(400 * 86_400_000)).toMatch(/chậm hơn .* việc đồng bộ vẫn tiếp tục/);
  });

  it('classifies failures: revoked stops, the rest are retried or shown', () => {
    expect(SyncFailure.fromStatus(401, 'device_revoked', null)).toMatchObject({ kind: 'revoked', retryable: false });
    expect(SyncFailure.fromStatus(401, 'unauthorized', null)).toMatchObject({ kind: 'unauthorized', retryable: false });
    expect(SyncFailure.fromStatus(502, null, null)).toMatchObject({ kind: 'server', retryable: true });
    expect(SyncFailure.fromStatus(429, 'rate_limited', null)).toMatchObject({ kind: 'server', retryable: true });
    expect(SyncFailure.fromNetwork(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toMatchObject({ kind: 'timeout', retryable: true });
    expect(SyncFailure.fromNetwork(new TypeError('fetch failed'))).toMatchObject({ kind: 'offline' });
  });
});

describe('the desk side of sync', () => {
  it('a desk not enrolled says so and sends nothing; enrolling needs a supervisor and a valid code', async () => {
    const desk = await openSyncDesk({ unit: 'hongGai', station: 1 });
    const centre = await startTestCentre();
    try {
      await desk.receiveDossier();
      expect(await desk.call('sync.status', {})).toMatchObject({ state: 'not_configured', pendingEvents: 1, centreUrl: null });
      expect(await desk.syncNow()).toMatchObject({ state: 'not_configured', pendingEvents: 1 });

      const wrong = await desk.raw('sync.enroll', { centreUrl: centre.url, code: 'AAAA-BBBB-CCCC', deviceName: 'Quầy 1' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      const unreachable = await desk.raw('sync.enroll', { centreUrl: 'http://127.0.0.1:9', code: 'AAAA-BBBB-CCCC', deviceName: 'Quầy 1' });
      expect(unreachable).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const notUrl = await desk.raw('sync.enroll', { centreUrl: 'ftp://centre', code: 'AAAA-BBBB-CCCC', deviceName: 'Quầy 1' });
      expect(notUrl).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

      const issued = await centre.request('POST', '/v1/admin/enrollment-codes', { token: centre.adminToken, body: { unitGsoCode: '06649', station: 1 } });
      const otherUnit = await desk.raw('sync.enroll', { centreUrl: centre.url, code: (issued.body as { code: string }).code, deviceName: 'Quầy 1' });
      expect(otherUnit).toMatchObject({ ok: false, error: { code: 'conflict' } });

      await desk.call('officers.create', { username: 'canbo1', fullName: 'Lê Văn Cán Bộ', role: 'officer', password: 'mat-khau-can-bo' });
      await desk.call('auth.signIn', { username: 'canbo1', password: 'mat-khau-can-bo' });
      const good = await centre.request('POST', '/v1/admin/enrollment-codes', { token: centre.adminToken, body: { unitGsoCode: '06691', station: 1 } });
      const byOfficer = await desk.raw('sync.enroll', { centreUrl: centre.url, code: (good.body as { code: string }).code, deviceName: 'Quầy 1' });
      expect(byOfficer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await desk.call('auth.signIn', { username: 'giamsat', password: 'mat-khau-thu-nghiem' });
      const enrolled = await desk.call('sync.enroll', { centreUrl: centre.url, code: (good.body as { code: string }).code, deviceName: 'Quầy 1' });
      expect(enrolled.centreUrl).toBe(centre.url);
      expect(await desk.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0, lastError: null });
    } finally {
      desk.dispose();
      await centre.close();
    }
  });

  it('an unreachable centre shows as offline, in Vietnamese, and the officer keeps working', async () => {
    const desk = await openSyncDesk({ unit: 'hongGai', station: 1 });
    const centre = await startTestCentre();
    try {
      const issued = await centre.request('POST', '/v1/admin/enrollment-codes', { token: centre.adminToken, body: { unitGsoCode: '06691', station: 1 } });
      await desk.call('sync.enroll', { centreUrl: centre.url, code: (issued.body as { code: string }).code, deviceName: 'Quầy 1' });
      await centre.app.close();
      const id = await desk.receiveDossier();
      const status = await desk.syncNow();
      expect(status).toMatchObject({ state: 'offline', pendingEvents: 1 });
      expect(status.lastError).toMatch(/Không kết nối được máy chủ trung tâm/);
      expect((await desk.call('sync.dossierStates', { dossierIds: [id] })).dossiers).toEqual([{ dossierId: id, state: 'pending', waitingEvents: 1 }]);
      expect(new SyncRepository(desk.core.db).waitingEvents(10).map((e) => e.dossierId)).toEqual([id]);
    } finally {
      desk.dispose();
      await centre.close().catch(() => undefined);
    }
  });
});
