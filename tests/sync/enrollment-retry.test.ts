import { afterAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre } from './support/centre-process.js';
import { FaultProxy } from './support/fault-proxy.js';
import { centreLog } from './support/inspect.js';
import { enrollDesk, openSyncDesk, UNITS } from './support/sync-desk.js';

// The connection breaks after the centre used the enrollment code but before the desk read its token.
// The desk asks again with the same code and gets a working token; the token it never read is dead,
// and the code still works for no other machine.

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The token in an enrollment answer the proxy kept from the desk (status line, headers, JSON body). */
function tokenIn(answer: Buffer): string {
  const text = answer.toString('utf8');
  expect(text).toMatch(/^HTTP\/1\.1 200 /);
  return (JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { token: string }).token;
}

describe('an enrollment whose answer is lost', () => {
  it('is retried by the same desk with the same code; the unread token is refused; another machine with the code is refused', async () => {
    const centreDir = makeTempDir('centre-');
    cleanups.push(() => centreDir.remove());
    const [code] = await prepareCentre(centreDir.path, [{ unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 }]);
    const centre = await startCentre({ dataDir: centreDir.path });
    cleanups.push(() => centre.stop());
    const proxy = await new FaultProxy({ upstreamPort: centre.port, rates: { cutAnswer: 1 }, only: /^POST \/v1\/enroll / }).listen();
    cleanups.push(() => proxy.close());
    const desk = await openSyncDesk({ unit: 'hongGai', station: 1 });
    // A second machine set up for the same station (say, someone tries the code on a spare PC).
    const spare = await openSyncDesk({ unit: 'hongGai', station: 1 });
    cleanups.push(() => desk.dispose(), () => spare.dispose());

    const cut = await desk.raw('sync.enroll', { centreUrl: proxy.url, code: code!, deviceName: 'Quầy 1 — Hồng Gai' });
    expect(cut).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('thử lại với cùng mã đăng ký') } });
    expect(proxy.counters.answersCut).toBe(1);
    expect((await desk.call('sync.status', {})).state).toBe('not_configured');
    const unread = tokenIn(proxy.withheldAnswers[0]!);

    proxy.setRates('none');
    const status = await enrollDesk(desk, proxy.url, code!);
    expect(status).toMatchObject({ centreUrl: proxy.url, revoked: false });
    const token = (await desk.token());
    expect(token).not.toBe(unread);
    const gaps = (bearer: string) => fetch(`${centre.url}${SYNC_PATHS.gaps}`, { headers: { authorization: `Bearer ${bearer}` } });
    const refused = await gaps(unread);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });

    // The desk syncs with the token it holds.
    const dossierId = await desk.receiveDossier();
    expect(await desk.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0 });
    expect(centreLog(centreDir.path).filter((row) => row.dossierId === dossierId)).toHaveLength(1);
    expect((await gaps(token)).status).toBe(200);

    // The same code on another machine: refused with the centre's message, and the desk keeps syncing.
    const other = await spare.raw('sync.enroll', { centreUrl: proxy.url, code: code!, deviceName: 'Máy dự phòng' });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('đã được dùng') } });
    expect((await spare.call('sync.status', {})).state).toBe('not_configured');
    await desk.receiveDossier();
    expect(await desk.syncNow()).toMatchObject({ state: 'idle', pendingEvents: 0 });
  });
});
