import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { makeTempDir } from '../support/temp-dir.js';
import { startCentre, prepareCentre, type CentreProcess } from './support/centre-process.js';
import { blobPath, enrollHostile, lookup } from './support/hostile-device.js';
import { centreLog } from './support/inspect.js';
import { attachScan, fabricatedScan, sha256Of } from './support/scans.js';
import { StaffClient } from './support/staff-client.js';
import { converge, enrollDesk, openSyncDesk, UNITS } from './support/sync-desk.js';

// Issue 11, points 3 and 6: a replacement desk works at once, and a unit's data is only its own — a
// device of another unit can neither pre-claim a dossier nor learn that a unit's scan exists.

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let centre: CentreProcess;
let centreDir: string;
let staff: StaffClient;
const A = UNITS.hongGai.unitGsoCode;

beforeAll(async () => {
  const dir = makeTempDir('centre-');
  cleanups.push(() => dir.remove());
  centreDir = dir.path;
  await prepareCentre(dir.path, []);
  centre = await startCentre({ dataDir: dir.path });
  cleanups.push(() => centre.stop());
  staff = await StaffClient.signIn(centre.url);
});

describe('replacement desks and unit boundaries', () => {
  it('a new PC enrolled for the station of a revoked one pulls its dossiers and receives citizens the same day', async () => {
    const old = await openSyncDesk({ unit: 'hongGai', station: 5 });
    cleanups.push(() => old.dispose());
    await enrollDesk(old, centre.url, await staff.issueCode(A, 5));
    const before = [await old.receiveDossier(), await old.receiveDossier()];
    await converge([old]);
    expect(await staff.revoke(old.deviceId)).toBe(200);

    const replacement = await openSyncDesk({ unit: 'hongGai', station: 5 });
    cleanups.push(() => replacement.dispose());
    await enrollDesk(replacement, centre.url, await staff.issueCode(A, 5));
    await converge([replacement]);
    for (const id of before) expect((await replacement.call('dossiers.get', { id })).state.id).toBe(id);

    const fresh = await replacement.receiveDossier();
    const codes = await Promise.all([...before, fresh].map(async (id) => (await replacement.call('dossiers.get', { id })).state.code!));
    expect(new Set(codes).size).toBe(3);
    expect(Number(codes[2]!.slice(-4))).toBe(Number(codes[1]!.slice(-4)) + 1);
    await converge([replacement]);
    expect(await replacement.call('sync.status', {})).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0 });
    expect(await (await lookup(centre.url, codes[2]!)).json()).toMatchObject({ code: codes[2] });
  });

  it("another unit's device cannot pre-claim a dossier id: its event waits, and the unit's reception is stored", async () => {
    const honest = await openSyncDesk({ unit: 'hongGai', station: 6 });
    cleanups.push(() => honest.dispose());
    // Received before the desk first syncs: its id is known (say it leaked) before the centre sees it.
    const dossierId = await honest.receiveDossier();
    const hostile = await enrollHostile(centre.url, await staff.issueCode(UNITS.haKhanh.unitGsoCode, 6), 'haKhanh', 6);
    const claim = hostile.forge.note(dossierId, 'chiếm trước');
    const early = await hostile.push([claim]);
    expect(early.rejected).toEqual([{ id: claim.id, code: 'dossier_unknown', message: expect.any(String) }]);

    await enrollDesk(honest, centre.url, await staff.issueCode(A, 6));
    await converge([honest]);
    expect(await honest.call('sync.status', {})).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0 });
    expect(centreLog(centreDir).filter((row) => row.dossierId === dossierId).map((row) => row.deviceId)).toEqual([honest.deviceId]);
    // Asked again once the dossier exists, the claim is refused for what it is.
    expect((await hostile.push([claim])).rejected.map((r) => r.code)).toEqual(['foreign_unit']);
    await honest.receiveDossier();
    await converge([honest]);
    expect(await honest.call('sync.status', {})).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0 });
  });

  it("never confirms to another unit's device that a unit's scan exists; the unit's own desks still see it", async () => {
    const honest = await openSyncDesk({ unit: 'hongGai', station: 7 });
    const sibling = await openSyncDesk({ unit: 'hongGai', station: 8 });
    cleanups.push(() => honest.dispose(), () => sibling.dispose());
    await enrollDesk(honest, centre.url, await staff.issueCode(A, 7));
    await enrollDesk(sibling, centre.url, await staff.issueCode(A, 8));
    const dossierId = await honest.receiveDossier();
    const bytes = await fabricatedScan(20_000);
    const sha = await attachScan(honest, dossierId, bytes.length, bytes);
    await converge([honest, sibling]);
    expect(sha256Of(bytes)).toBe(sha);

    const hostile = await enrollHostile(centre.url, await staff.issueCode(UNITS.haKhanh.unitGsoCode, 7), 'haKhanh', 7);
    expect((await hostile.request('HEAD', blobPath(sha))).status).toBe(404);
    expect((await hostile.request('GET', blobPath(sha))).status).toBe(404);
    expect(await (await hostile.request('POST', SYNC_PATHS.blobsMissing, { sha256: [sha] })).json()).toEqual({ missing: [sha] });
    // Sending the very bytes is answered as a new scan: no sign that another unit holds them.
    expect(await (await hostile.request('PUT', blobPath(sha), bytes, 'application/octet-stream')).json()).toEqual({ sha256: sha, stored: true });

    // The unit's own desks: the scan counts as held (the sibling, which has no file, sees it done).
    expect(await sibling.call('sync.status', {})).toMatchObject({ pendingScans: 0 });
    expect(await honest.call('sync.status', {})).toMatchObject({ state: 'idle', pendingScans: 0 });
    const again = await fetch(`${centre.url}${blobPath(sha)}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${(await honest.token())}` },
    });
    expect(again.status).toBe(200);
  });
});
