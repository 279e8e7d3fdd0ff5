import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireRouteSchemas } from '../../server/http/json-schema.js';
import type { DossierEvent } from '../../shared/domain/dossier/events.js';
import { SYNC_PATHS, type GapsResponse, type PushResponse } from '../../shared/sync/protocol.js';
import { pullEntrySchema, pullResponseFrameSchema, pushResponseSchema } from '../../shared/sync/schemas.js';
import { FakeDevice, HA_KHANH_UNIT, HONG_GAI_UNIT } from './support/fabricate-events.js';
import { ADMIN, startTestCentre, type TestCentre } from './support/test-centre.js';

// The centre's HTTP API in process: enrollment and its codes, push and pull with their checks,
// revocation, staff roles, the public lookup and what the logs may contain.

describe('centre API', { timeout: 30_000 }, () => {
  let centre: TestCentre;
  beforeEach(async () => {
    centre = await startTestCentre({ lookupPerMinute: 5 });
  });
  afterEach(async () => {
    await centre.close();
  });

  const push = async (token: string, events: DossierEvent[]) => {
    const { status, body } = await centre.request('POST', SYNC_PATHS.push, { token, body: { events } });
    expect(status).toBe(200);
    return pushResponseSchema.parse(body) as PushResponse;
  };

  describe('enrollment', () => {
    it('a code works once, is bound to its unit and station, and expires', async () => {
      const issued = await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station: 2 } });
      expect(issued.status).toBe(200);
      const { code, expiresAt } = issued.body as { code: string; expiresAt: string };
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(Date.parse(expiresAt) - centre.clock.ms).toBe(72 * 3_600_000);

      // The wrong unit is refused without spending the code.
      const wrongUnit = await centre.request('POST', SYNC_PATHS.enroll, { body: { code, deviceName: 'Quầy 2', deviceId: 'desk-a', unitGsoCode: '06649' } });
      expect(wrongUnit).toMatchObject({ status: 409, body: { error: { code: 'unit_mismatch' } } });

      const typedLoosely = code.toLowerCase().replace(/-/g, ' ');
      const enrolled = await centre.request('POST', SYNC_PATHS.enroll, { body: { code: typedLoosely, deviceName: 'Quầy 2', deviceId: 'desk-a', unitGsoCode: '06691' } });
      expect(enrolled).toMatchObject({ status: 200, body: { deviceId: 'desk-a', unitGsoCode: '06691', station: 2 } });
      expect((enrolled.body as { token: string }).token).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const again = await centre.request('POST', SYNC_PATHS.enroll, { body: { code, deviceName: 'Quầy 3', deviceId: 'desk-b' } });
      expect(again).toMatchObject({ status: 400, body: { error: { code: 'enrollment_code_invalid' } } });

      const late = (await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station: 3, validHours: 1 } })).body as { code: string };
      centre.clock.ms += 3_600_001;
      expect((await centre.request('POST', SYNC_PATHS.enroll, { body: { code: late.code, deviceName: 'Quầy 3' } })).status).toBe(400);

      // Tokens are stored hashed: the database never holds the token itself.
      const devices = await centre.storage.listDevices();
      expect(JSON.stringify(devices)).not.toContain((enrolled.body as { token: string }).token);
    });

    it('the same desk may ask again with its code until it uses the token; no other device may', async () => {
      const { code } = (await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station: 2 } })).body as { code: string };
      const ask = (deviceId: string) => centre.request('POST', SYNC_PATHS.enroll, { body: { code, deviceName: 'Quầy 2', deviceId, unitGsoCode: '06691' } });
      const gaps = (token: string) => centre.request('GET', SYNC_PATHS.gaps, { token });
      const lost = ((await ask('desk-a')).body as { token: string }).token;
      // The answer never reached the desk; it asks again with the same code.
      const retried = await ask('desk-a');
      expect(retried).toMatchObject({ status: 200, body: { deviceId: 'desk-a', unitGsoCode: '06691', station: 2 } });
      const token = (retried.body as { token: string }).token;
      expect(token).not.toBe(lost);
      expect(await gaps(lost)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
      expect((await gaps(token)).status).toBe(200);
      // Once its token is in use, and for any other device, the code is spent.
      for (const deviceId of ['desk-a', 'desk-b']) {
        const refused = await ask(deviceId);
        expect(refused).toMatchObject({ status: 400, body: { error: { code: 'enrollment_code_invalid', message: expect.stringContaining('đã được dùng') } } });
      }
      expect((await gaps(token)).status).toBe(200);
      // And not after the code expires, even before the token is used.
      const other = (await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station: 3, validHours: 1 } })).body as { code: string };
      const first = { code: other.code, deviceName: 'Quầy 3', deviceId: 'desk-c', unitGsoCode: '06691' };
      expect((await centre.request('POST', SYNC_PATHS.enroll, { body: first })).status).toBe(200);
      centre.clock.ms += 3_600_001;
      expect((await centre.request('POST', SYNC_PATHS.enroll, { body: first })).status).toBe(400);
    });

    it('staff who are not administrators cannot issue codes or revoke devices; bad credentials are refused', async () => {
      await centre.request('POST', SYNC_PATHS.adminStaff, { token: centre.adminToken, body: { username: 'canbo', password: 'mat-khau-can-bo-1', role: 'staff' } });
      const staffSession = await centre.request('POST', SYNC_PATHS.staffSession, { body: { username: 'canbo', password: 'mat-khau-can-bo-1' } });
      const staffToken = (staffSession.body as { token: string }).token;
      expect((await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: staffToken, body: { unitGsoCode: '06691', station: 1 } })).status).toBe(403);
      expect((await centre.request('POST', `${SYNC_PATHS.adminDevices}/desk-a/revoke`, { token: staffToken })).status).toBe(403);
      expect((await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { body: { unitGsoCode: '06691', station: 1 } })).status).toBe(401);
      expect((await centre.request('POST', SYNC_PATHS.staffSession, { body: { ...ADMIN, password: 'sai-mat-khau' } })).status).toBe(401);
      expect((await centre.request('POST', SYNC_PATHS.staffSession, { body: { username: 'khongco', password: 'x' } })).status).toBe(401);
    });

    it('a revoked device is told so with its own code; an unknown token is just unauthorized', async () => {
      const desk = await centre.enroll('06691', 1, 'desk-a');
      expect((await centre.request('GET', `${SYNC_PATHS.pull}?after=0`, { token: desk.token })).status).toBe(200);
      // Another code cannot take over a desk that is still enrolled.
      await expect(centre.enroll('06691', 2, 'desk-a')).rejects.toThrow(/conflict/);
      expect((await centre.request('POST', `${SYNC_PATHS.adminDevices}/desk-a/revoke`, { token: centre.adminToken })).body).toMatchObject({ revokedAt: expect.any(String) });
      expect(await centre.request('GET', `${SYNC_PATHS.pull}?after=0`, { token: desk.token })).toMatchObject({ status: 401, body: { error: { code: 'device_revoked' } } });
      expect(await centre.request('GET', `${SYNC_PATHS.pull}?after=0`, { token: 'x'.repeat(43) })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
      expect((await centre.request('POST', `${SYNC_PATHS.adminDevices}/nobody/revoke`, { token: centre.adminToken })).status).toBe(404);
      // Re-enrolling with a new code brings the same device back.
      const back = await centre.enroll('06691', 1, 'desk-a');
      expect((await centre.request('GET', `${SYNC_PATHS.pull}?after=0`, { token: back.token })).status).toBe(200);
      expect((await centre.request('GET', `${SYNC_PATHS.pull}?after=0`, { token: desk.token })).status).toBe(401);
    });
  });

  describe('push and pull', () => {
    it('stores, reports duplicates and refusals, and pages what the device may see', async () => {
      const a = await centre.enroll('06691', 1, 'desk-a');
      const b = await centre.enroll('06691', 2, 'desk-b');
      const c = await centre.enroll('06649', 1, 'desk-c');
      const deskA = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const deskC = new FakeDevice('desk-c', HA_KHANH_UNIT);
      const mine = [...deskA.dossier(2), ...deskA.dossier(1)];
      const first = await push(a.token, mine);
      expect(first).toMatchObject({ stored: mine.map((e) => e.id), duplicates: [], rejected: [], device: { highestSeq: 5, contiguousThrough: 5, missing: 0 } });
      expect(Math.abs(Date.parse(first.centreTime) - centre.clock.ms)).toBeLessThan(1000);

      const invalid = { ...deskA.note(mine[0]!.dossierId), payload: { text: '' } } as DossierEvent;
      const foreign = deskC.dossier(0)[0]!;
      const second = await push(a.token, [mine[0]!, invalid, foreign]);
      expect(second.duplicates).toEqual([mine[0]!.id]);
      expect(second.rejected.map((r) => r.code).sort()).toEqual(['foreign_device', 'invalid_event']);
      // Desk A skipped counter 6 (the invalid one): the centre reports the gap.
      const later = deskA.note(mine[0]!.dossierId);
      expect((await push(a.token, [later])).device).toEqual({ deviceId: 'desk-a', highestSeq: 7, contiguousThrough: 5, missing: 1 });
      const gaps = await centre.request('GET', SYNC_PATHS.gaps, { token: a.token });
      // The log's epoch names this life of the centre's log; never restored from a backup, so no restore point.
      expect(gaps.body as GapsResponse).toEqual({ deviceId: 'desk-a', highestSeq: 7, contiguousThrough: 5, missing: 1, missingRanges: [[6, 6]], logEpoch: expect.any(Number), restoredThrough: null });

      await push(c.token, [foreign]);

      // Desk B pulls its unit's events in pages; the answer follows the protocol's schema.
      const seen: string[] = [];
      let after = '0';
      for (;;) {
        const page = await centre.request('GET', `${SYNC_PATHS.pull}?after=${after}&limit=2`, { token: b.token });
        const frame = pullResponseFrameSchema.parse(page.body);
        for (const raw of frame.entries) {
          const entry = pullEntrySchema.parse(raw);
          if (entry.kind === 'event') seen.push(entry.event.id);
        }
        after = frame.next;
        if (!frame.hasMore) break;
      }
      expect(seen).toEqual([...mine, later].map((e) => e.id));
      // Desk A does not get its own events back, unless it asks.
      const own = await centre.request('GET', `${SYNC_PATHS.pull}?after=0`, { token: a.token });
      expect((own.body as { entries: unknown[] }).entries).toEqual([]);
      const withOwn = await centre.request('GET', `${SYNC_PATHS.pull}?after=0&own=1`, { token: a.token });
      expect((withOwn.body as { entries: unknown[] }).entries).toHaveLength(6);
      expect((await centre.request('GET', `${SYNC_PATHS.pull}?after=-1`, { token: a.token })).status).toBe(400);
      expect((await centre.request('GET', `${SYNC_PATHS.pull}?after=0&limit=99999`, { token: a.token })).status).toBe(400);
    });

    it('accepts an event naming a scan the centre does not have yet', async () => {
      const a = await centre.enroll('06691', 1, 'desk-a');
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const [created] = desk.dossier(0);
      const base = desk.note(created!.dossierId);
      const attachment = {
        ...base,
        type: 'attachment.added',
        payload: {
          attachmentId: '01KB0000000000000000000001',
          blobSha256: 'f'.repeat(64),
          fileName: 'to-khai.pdf',
          mediaType: 'application/pdf',
          pages: 2,
          sizeBytes: 120_000,
          kind: 'intake',
          checklistItemId: 'to-khai',
          source: 'scan',
          reusedFromDossierId: null,
        },
      } as unknown as DossierEvent;
      const answer = await push(a.token, [created!, attachment]);
      expect(answer.stored).toHaveLength(2);
      expect((await centre.request('HEAD', `/v1/blobs/${'f'.repeat(64)}`, { token: a.token })).status).toBe(404);
    });

    it('a malformed body is refused as a whole, with a Vietnamese message', async () => {
      const a = await centre.enroll('06691', 1, 'desk-a');
      const answer = await centre.request('POST', SYNC_PATHS.push, { token: a.token, body: { events: 'nope' } });
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
      const extra = await centre.request('POST', SYNC_PATHS.push, { token: a.token, body: { events: [], more: 1 } });
      expect(extra.status).toBe(400);
    });
  });

  describe('public lookup', () => {
    it('shows status, procedure and appointment only, and is rate-limited', async () => {
      const a = await centre.enroll('06691', 1, 'desk-a');
      const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
      const created = desk.receive();
      await push(a.token, [created, desk.forward(created.dossierId)]);
      const found = await centre.request('GET', `/v1/lookup/${encodeURIComponent(created.payload.code!.toLowerCase())}`);
      expect(found.status).toBe(200);
      expect(found.body).toEqual({
        code: created.payload.code,
        status: 4,
        statusLabel: expect.any(String),
        procedureName: 'Đăng ký khai sinh',
        appointmentAt: created.payload.appointmentAt,
      });
      expect(JSON.stringify(found.body)).not.toContain(created.payload.applicant.fullName);
      expect((await centre.request('GET', '/v1/lookup/000.15.20.H49-261123-9999')).status).toBe(404);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await centre.request('GET', '/v1/lookup/000.15.20.H49-261123-9999')).status);
      expect(statuses).toContain(429);
      const limited = await centre.request('GET', '/v1/lookup/000.15.20.H49-261123-9999');
      expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    });
  });

  it('logs hold no names, ID numbers, tokens, codes or passwords', async () => {
    const issued = await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station: 1 } });
    const { code } = issued.body as { code: string };
    const enrolled = await centre.request('POST', SYNC_PATHS.enroll, { body: { code, deviceName: 'Quầy 1', deviceId: 'desk-a' } });
    const token = (enrolled.body as { token: string }).token;
    const desk = new FakeDevice('desk-a', HONG_GAI_UNIT);
    const created = desk.receive({ fullName: 'Lê Thị Bí Mật', idNumber: '022301987654' });
    const clash = { ...created, payload: { ...created.payload, notes: 'khác' } } as DossierEvent;
    await push(token, [created]);
    await push(token, [clash]); // rejected: logged, without its content
    await centre.request('GET', `/v1/lookup/${created.payload.code}`);
    await centre.request('GET', `${SYNC_PATHS.pull}?after=0&own=1`, { token });
    await centre.request('POST', SYNC_PATHS.staffSession, { body: { username: ADMIN.username, password: 'sai-mat-khau-nay' } });

    const log = centre.logLines.join('\n');
    expect(centre.logLines.length).toBeGreaterThan(10);
    expect(log).toContain('push: event rejected');
    for (const secret of ['Lê Thị Bí Mật', '022301987654', token, centre.adminToken, code, code.replace(/-/g, ''), 'sai-mat-khau-nay', ADMIN.password, created.payload.code]) {
      expect(log).not.toContain(secret);
    }
  });

  it('every route declares a JSON schema: the centre refuses to start otherwise', async () => {
    // The centre started, so each of its routes passed the guard; the guard itself refuses a bare route.
    expect(centre.app.printRoutes({ commonPrefix: false })).toContain('/v1/sync/push');
    const bare = Fastify();
    requireRouteSchemas(bare);
    expect(() => bare.get('/v1/bare', async () => ({}))).toThrow(/has no JSON schema/);
    expect(() => bare.get('/v1/described', { schema: { response: { 200: { type: 'object' } } } }, async () => ({}))).not.toThrow();
    await bare.close();
  });
});
