import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreDatabase, type CentreProcess } from './support/centre-process.js';
import { deskEvents, duplicatesOf, expectedIdsFor, readCentreLog } from './support/inspect.js';
import { converge, enrollDesk, openSyncDesk, settledStatus, UNITS, type SyncDesk } from './support/sync-desk.js';

// Two desks of Hồng Gai and one of Hà Khánh against a real centre process: each converges to exactly
// the events it may see, and no desk can read or write another unit's dossiers.

const url = process.env.DATABASE_URL;
const BACKENDS: { name: string; db: CentreDatabase; skip: boolean }[] = [
  { name: 'SQLite', db: {}, skip: false },
  { name: 'PostgreSQL', db: url === undefined ? {} : { database: url, schema: `sync_${randomBytes(5).toString('hex')}` }, skip: url === undefined },
];
if (url === undefined) console.warn('Sync convergence on a PostgreSQL centre SKIPPED: DATABASE_URL is not set (see tests/support/postgres.sh).');

describe.each(BACKENDS)('desks and a centre on $name converge', ({ db, skip }) => {
  if (skip) {
    it.skip('needs DATABASE_URL', () => undefined);
    return;
  }
  const centreDir = makeTempDir('centre-');
  let centre: CentreProcess;
  let a1: SyncDesk;
  let a2: SyncDesk;
  let b1: SyncDesk;

  beforeAll(async () => {
    const codes = await prepareCentre(centreDir.path, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
      { unitGsoCode: UNITS.haKhanh.unitGsoCode, station: 1 },
    ], db);
    centre = await startCentre({ dataDir: centreDir.path, ...db });
    [a1, a2, b1] = await Promise.all([
      openSyncDesk({ unit: 'hongGai', station: 1 }),
      openSyncDesk({ unit: 'hongGai', station: 2 }),
      openSyncDesk({ unit: 'haKhanh', station: 1 }),
    ]);
    await enrollDesk(a1, centre.url, codes[0]!);
    await enrollDesk(a2, centre.url, codes[1]!);
    await enrollDesk(b1, centre.url, codes[2]!);
  });

  afterAll(async () => {
    for (const desk of [a1, a2, b1]) desk?.dispose();
    await centre?.stop();
    centreDir.remove();
    if (db.database !== undefined) {
      const client = new pg.Client({ connectionString: db.database });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${db.schema!} CASCADE`);
      await client.end();
    }
  });

  it('each desk ends with exactly the events of its own unit, once each', async () => {
    const made: Record<string, string[]> = { a1: [], a2: [], b1: [] };
    for (let i = 0; i < 5; i += 1) {
      made.a1!.push(await a1.receiveDossier());
      made.a2!.push(await a2.receiveDossier());
      made.b1!.push(await b1.receiveDossier());
    }
    // Desk 2 acts on a dossier desk 1 received, once it has it.
    await converge([a1, a2, b1]);
    await a2.call('dossiers.addNote', { dossierId: made.a1![0]!, text: 'Đã kiểm tra giấy tờ' });
    await a1.call('dossiers.forward', { dossierId: made.a2![1]!, to: { kind: 'agency', name: 'Công chức tư pháp' } });
    await converge([a1, a2, b1]);

    const log = await readCentreLog(centreDir.path, db);
    expect(duplicatesOf(log, (r) => r.id)).toEqual([]);
    expect(duplicatesOf(log.filter((r) => r.deviceId !== null), (r) => `${r.deviceId}#${r.deviceSeq}`)).toEqual([]);
    for (const [desk, unit] of [
      [a1, UNITS.hongGai.unitGsoCode],
      [a2, UNITS.hongGai.unitGsoCode],
      [b1, UNITS.haKhanh.unitGsoCode],
    ] as const) {
      const held = deskEvents(desk);
      expect(duplicatesOf(held, (r) => r.id)).toEqual([]);
      expect(new Set(held.map((r) => r.id))).toEqual(expectedIdsFor(desk, unit, log));
      // Every local event reached the centre.
      expect(held.filter((r) => r.origin === 'local' && r.pushedAt === null)).toEqual([]);
    }
    // The two Hồng Gai desks hold the same log; Hà Khánh's shares nothing with them.
    expect(new Set(deskEvents(a1).map((r) => r.id))).toEqual(new Set(deskEvents(a2).map((r) => r.id)));
    const hongGaiIds = new Set(deskEvents(a1).map((r) => r.id));
    expect(deskEvents(b1).filter((r) => hongGaiIds.has(r.id))).toEqual([]);

    // Folded the same on both desks: the note desk 2 added shows on desk 1's dossier too.
    const seenBy1 = await a1.call('dossiers.get', { id: made.a1![0]! });
    const seenBy2 = await a2.call('dossiers.get', { id: made.a1![0]! });
    expect(seenBy1.state).toEqual(seenBy2.state);
    expect(seenBy1.state.notesLog.map((n) => n.text)).toEqual(['Đã kiểm tra giấy tờ']);
    // And a pulled dossier is searchable on the other desk.
    const found = await a2.call('dossiers.search', { text: seenBy1.state.code! });
    expect(found.rows.map((r) => r.id)).toEqual([made.a1![0]!]);

    const states = await a1.call('sync.dossierStates', { dossierIds: made.a1! });
    expect(states.dossiers.every((d) => d.state === 'synced')).toBe(true);
    const status = await settledStatus(a1);
    expect(status).toMatchObject({ state: 'idle', pendingEvents: 0, rejectedEvents: 0, lastError: null, clockWarning: null });
    expect(status.lastSuccessAt).not.toBeNull();
  });

  it('a local change goes to the centre on its own, without anyone asking', async () => {
    const id = await a1.receiveDossier();
    for (let i = 0; i < 100; i += 1) {
      if ((await readCentreLog(centreDir.path, db)).some((r) => r.dossierId === id)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await readCentreLog(centreDir.path, db)).some((r) => r.dossierId === id)).toBe(true);
    expect((await settledStatus(a1)).pendingEvents).toBe(0);
  });

  it("a desk can neither write nor read another unit's dossiers", async () => {
    const theirs = await a1.receiveDossier();
    await converge([a1, a2, b1]);
    // Forge, in Hà Khánh's own log, an event on a Hồng Gai dossier (as a tampered desk might).
    const clock = b1.core.db.prepare('SELECT last_seq, last_hlc FROM device_clock WHERE device_id = ?').get(b1.deviceId) as { last_seq: number; last_hlc: string };
    const forged = {
      id: '01KBZZZZZZZZZZZZZZZZZZZZZZ',
      dossier_id: theirs,
      type: 'note.added',
      payload: JSON.stringify({ text: 'Ghi chú giả mạo' }),
      officer_id: 'x',
      device_id: b1.deviceId,
      device_seq: clock.last_seq + 1,
      hlc: clock.last_hlc.replace(/-(\d{6})-/, (_m, c: string) => `-${String(Number(c) + 1).padStart(6, '0')}-`),
      occurred_at: new Date().toISOString(),
      recorded_at: new Date().toISOString(),
    };
    b1.core.db
      .prepare(
        `INSERT INTO events (id, dossier_id, type, payload, officer_id, device_id, device_seq, hlc, occurred_at, recorded_at)
         VALUES (@id, @dossier_id, @type, @payload, @officer_id, @device_id, @device_seq, @hlc, @occurred_at, @recorded_at)`,
      )
      .run(forged);
    b1.core.db.prepare('UPDATE device_clock SET last_seq = ? WHERE device_id = ?').run(forged.device_seq, b1.deviceId);

    const status = await b1.syncNow();
    expect(status.rejectedEvents).toBe(1);
    expect(status.pendingEvents).toBe(0);
    expect((await readCentreLog(centreDir.path, db)).some((r) => r.id === forged.id)).toBe(false);
    const rejection = b1.core.db.prepare('SELECT push_rejection FROM events WHERE id = ?').get(forged.id) as { push_rejection: string };
    expect(JSON.parse(rejection.push_rejection)).toMatchObject({ code: 'foreign_unit' });
    const states = await b1.call('sync.dossierStates', { dossierIds: [theirs] });
    expect(states.dossiers[0]).toMatchObject({ state: 'rejected' });

    // Reading: Hà Khánh's token pulls from the very start and sees no Hồng Gai event.
    const token = (await b1.token());
    const response = await fetch(`${centre.url}${SYNC_PATHS.pull}?after=0&limit=5000&own=1`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { entries: { kind: string; event?: { dossierId: string; payload: { unit?: { gsoCode: string } } } }[] };
    const hongGaiDossiers = new Set(deskEvents(a1).map((r) => r.dossierId));
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.filter((e) => e.event !== undefined && hongGaiDossiers.has(e.event.dossierId))).toEqual([]);
  });
});
