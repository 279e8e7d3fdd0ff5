import Database from 'better-sqlite3';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSecretStore, SECRETS_FILE } from '../../electron/core/secrets/file-secret-store.js';
import type { SecretStore } from '../../electron/core/secrets/secret-store.js';
import { DATABASE_FILE } from '../../electron/core/start-core.js';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { startTestCentre, type TestCentre } from '../server/support/test-centre.js';
import { makeTempDir } from '../support/temp-dir.js';
import { centreLog } from './support/inspect.js';
import { enrollDesk, openSyncDesk } from './support/sync-desk.js';
import { MIGRATIONS } from '../../electron/core/db/migrations/registry.js';

// The centre's device token at rest: whoever copies the desk's database must not find it there. After
// enrolling, no byte of any SQLite file (the database, its WAL, its shared memory) holds it; the token
// is in the secrets store (under Node an owner-only file). A desk enrolled before the store existed
// (schema 90, the token in its sync_enrollment row) has it moved out on its first start, and syncs on.

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Every SQLite file of the data folder that contains the text. */
function sqliteFilesHolding(dataDir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return readdirSync(dataDir)
    .filter((name) => name.startsWith(DATABASE_FILE))
    .filter((name) => readFileSync(join(dataDir, name)).includes(needle));
}

describe('the centre token at rest', () => {
  let centre: TestCentre;
  const code = async (station: number) =>
    ((await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station } })).body as { code: string }).code;

  beforeAll(async () => {
    centre = await startTestCentre();
    cleanups.push(() => centre.close());
  });

  it('after enrollment and a sync, no SQLite file holds the token; an owner-only secrets file does', async () => {
    const dir = makeTempDir('desk-token-');
    cleanups.push(() => dir.remove());
    const desk = await openSyncDesk({ unit: 'hongGai', station: 1, dataDir: dir.path });
    await enrollDesk(desk, centre.url, await code(1));
    await desk.receiveDossier();
    expect(await desk.syncNow()).toMatchObject({ pendingEvents: 0, lastError: null });
    const token = await desk.token();
    expect(token.length).toBeGreaterThanOrEqual(20);

    expect(sqliteFilesHolding(dir.path, token)).toEqual([]); // while the desk runs (WAL included)
    desk.close();
    expect(readdirSync(dir.path).filter((name) => name.startsWith(DATABASE_FILE)).length).toBeGreaterThanOrEqual(1);
    expect(sqliteFilesHolding(dir.path, token)).toEqual([]);

    const secrets = join(dir.path, SECRETS_FILE);
    expect(readFileSync(secrets, 'utf8')).toContain(token);
    if (process.platform !== 'win32') expect(statSync(secrets).mode & 0o777).toBe(0o600);
  });

  it('a desk enrolled before the secrets store has its token moved out on first start, and still syncs', async () => {
    const dir = makeTempDir('desk-legacy-token-');
    cleanups.push(() => dir.remove());
    const first = await openSyncDesk({ unit: 'hongGai', station: 2, dataDir: dir.path });
    await enrollDesk(first, centre.url, await code(2));
    await first.receiveDossier();
    await first.syncNow();
    const token = await first.token();
    first.close();

    // Back to how the desk was at schema 90: the token in sync_enrollment (NOT NULL), no secrets file.
    const old = new Database(join(dir.path, DATABASE_FILE));
    old.exec(`
      CREATE TABLE sync_enrollment_old (
        id INTEGER PRIMARY KEY CHECK (id = 1), centre_url TEXT NOT NULL, device_id TEXT NOT NULL, device_name TEXT NOT NULL,
        token TEXT NOT NULL, unit_gso TEXT NOT NULL, station INTEGER NOT NULL, enrolled_at TEXT NOT NULL, revoked_at TEXT
      ) STRICT;
      INSERT INTO sync_enrollment_old SELECT id, centre_url, device_id, device_name, 'placeholder', unit_gso, station, enrolled_at, revoked_at FROM sync_enrollment;
      DROP TABLE sync_enrollment;
      ALTER TABLE sync_enrollment_old RENAME TO sync_enrollment;
      ALTER TABLE officers DROP COLUMN must_change_password; -- added at schema 110
      DROP TABLE crash_reports; -- added at schema 120
    `);
    old.prepare('UPDATE sync_enrollment SET token = ?').run(token);
    old.pragma('user_version = 90');
    old.close();
    rmSync(join(dir.path, SECRETS_FILE));
    expect(sqliteFilesHolding(dir.path, token)).toEqual([DATABASE_FILE]);

    const desk = await openSyncDesk({ unit: 'hongGai', station: 2, dataDir: dir.path });
    cleanups.push(() => desk.close());
    await desk.core.sync.ready();
    expect(desk.core.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(desk.core.db.prepare('SELECT token FROM sync_enrollment').get()).toEqual({ token: null });
    expect(await desk.token()).toBe(token);
    expect(sqliteFilesHolding(dir.path, token)).toEqual([]);

    // It still syncs with the moved token: a new dossier reaches the centre.
    const id = await desk.receiveDossier();
    expect(await desk.syncNow()).toMatchObject({ pendingEvents: 0, lastError: null });
    expect(centreLog(centre.dataDir).some((row) => row.dossierId === id)).toBe(true);
  });

  it('a secrets store that cannot write: enrollment fails clearly and saves nothing; an older desk keeps its token and syncs', async () => {
    const broken: SecretStore = {
      get: () => Promise.resolve(null),
      set: () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
      delete: () => Promise.resolve(),
    };
    const dir = makeTempDir('desk-broken-store-');
    cleanups.push(() => dir.remove());
    const desk = await openSyncDesk({ unit: 'hongGai', station: 3, dataDir: dir.path, secrets: broken });
    const enrollCode = await code(3);
    const refused = await desk.raw('sync.enroll', { centreUrl: centre.url, code: enrollCode, deviceName: 'Quầy 3' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage_failure' } });
    expect((await desk.call('sync.status', {})).state).toBe('not_configured');
    expect(desk.core.db.prepare('SELECT count(*) AS n FROM sync_enrollment').get()).toEqual({ n: 0 });

    // The same code works once the store does (the centre re-issues to the same device).
    desk.close();
    const again = await openSyncDesk({ unit: 'hongGai', station: 3, dataDir: desk.dataDir, secrets: new FileSecretStore(desk.dataDir) });
    await enrollDesk(again, centre.url, enrollCode);
    const token = await again.token();
    again.close();

    // Now as a desk from before whose store fails: the token stays in SQLite (not lost), sync goes on.
    const old = new Database(join(desk.dataDir, DATABASE_FILE));
    old.prepare('UPDATE sync_enrollment SET token = ?').run(token);
    old.close();
    rmSync(join(desk.dataDir, SECRETS_FILE));
    const stuck = await openSyncDesk({ unit: 'hongGai', station: 3, dataDir: desk.dataDir, secrets: broken });
    await stuck.core.sync.ready();
    expect(stuck.core.db.prepare('SELECT token FROM sync_enrollment').get()).toEqual({ token });
    await stuck.receiveDossier();
    expect(await stuck.syncNow()).toMatchObject({ pendingEvents: 0, lastError: null });
    stuck.close();
  });
});
