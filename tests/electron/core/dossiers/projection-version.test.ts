import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { m0080PersonSearch } from '../../../../electron/core/db/migrations/m0080-person-search.js';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/registry.js';
import { migrate } from '../../../../electron/core/db/migrate.js';
import type { Migration } from '../../../../electron/core/db/migrations/types.js';
import { ensureProjectionsCurrent, type RebuildProgress } from '../../../../electron/core/dossiers/rebuild-projections.js';
import { DESK_PROJECTION_VERSION, PROJECTION_SCHEMA_SETTING, PROJECTION_VERSION_SETTING } from '../../../../electron/core/dossiers/projection-version.js';
import { DATABASE_FILE } from '../../../../electron/core/start-core.js';
import { openTestDesk, SAMPLE_APPLICANT } from '../../../support/desk-fixture.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { requiredPapers } from '../../../support/required-papers.js';

// A desk's data folder written by the code before issue 10 — its search index still holding procedure
// names, its phones stored as typed, no projection version — opens with every projection rebuilt from
// the event log, once.

/** Turns a current desk file back into what the previous release left: schema 70, old index, no version. */
function makeOldRelease(path: string): void {
  const db = new Database(path);
  db.exec(`
    -- The old contract kept "+84…" as typed; events are never rewritten, so the log keeps it.
    UPDATE events SET payload = json_set(payload, '$.applicant.phone', '+84912345444') WHERE type = 'dossier.received';
    DROP INDEX dossiers_by_applicant_name_key;
    DROP INDEX dossiers_by_owner_name_key;
    DROP INDEX dossiers_settled_late;
    ALTER TABLE dossiers DROP COLUMN applicant_name_key;
    ALTER TABLE dossiers DROP COLUMN owner_name_key;
    UPDATE dossiers SET applicant_phone = '+84912345444';
    DROP TABLE dossier_code_conflicts;
    ALTER TABLE officers DROP COLUMN must_change_password;
    DROP TABLE crash_reports;
    DROP TABLE dossier_search;
    CREATE VIRTUAL TABLE dossier_search USING fts5 (
      code, names, id_number, phone, procedure,
      tokenize = "unicode61 remove_diacritics 2",
      prefix = '2 3'
    );
    INSERT INTO dossier_search (rowid, code, names, id_number, phone, procedure)
      SELECT rowid, lower(code), 'nguyen van duc', '', '84912345444', 'dang ky khai sinh' FROM dossiers;
  `);
  db.prepare('DELETE FROM settings WHERE key IN (?, ?)').run(PROJECTION_VERSION_SETTING, PROJECTION_SCHEMA_SETTING);
  db.pragma(`user_version = ${m0080PersonSearch.version - 10}`);
  db.close();
}

describe('desk projection version', () => {
  const dir = makeTempDir('desk-projection-version-');
  afterEach(() => dir.remove());

  it('rebuilds the projections of an older release at start, and only then', async () => {
    const first = await openTestDesk({ dataDir: dir.path });
    const { state } = await first.call('dossiers.receive', {
      procedureId: 'ho-tich.dang-ky-khai-sinh',
      channel: 1,
      applicant: { ...SAMPLE_APPLICANT, fullName: 'Nguyễn Văn Đức', phone: '0912 345 444' },
      documents: requiredPapers('ho-tich.dang-ky-khai-sinh'),
    });
    first.dispose();
    const path = join(dir.path, DATABASE_FILE);
    makeOldRelease(path);

    const reopened = await openTestDesk({ dataDir: dir.path, initialise: false });
    try {
      await reopened.call('auth.signIn', { username: 'truongbp', password: 'mat-khau-thu-nghiem' });
      expect(reopened.core.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      const stored = reopened.core.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PROJECTION_VERSION_SETTING);
      expect(stored).toBe(String(DESK_PROJECTION_VERSION));
      const found = async (text: string) => (await reopened.call('dossiers.search', { text })).rows.map((r) => r.id);
      expect(await found('0912345444')).toEqual([state.id]); // the old "+84…" event, indexed in the canonical form
      expect(await found('5444')).toEqual([state.id]);
      expect(await found('nguyen van duc')).toEqual([state.id]);
      expect(await found('dang ky')).toEqual([]); // the procedure is no longer free text
    } finally {
      reopened.dispose();
    }

    // A desk whose projections are current is not rebuilt again: what is in them stays as it is.
    const current = new Database(path);
    current.exec('DELETE FROM dossier_search');
    current.close();
    const again = await openTestDesk({ dataDir: dir.path, initialise: false });
    try {
      await again.call('auth.signIn', { username: 'truongbp', password: 'mat-khau-thu-nghiem' });
      expect((await again.call('dossiers.search', { text: '5444' })).rows).toEqual([]);
    } finally {
      again.dispose();
    }
  }, 60_000);

  // Migrations never fill projections (they are frozen): a later step that adds or reshapes one says so,
  // and the core refolds after migrating, even when the projections' meaning (the version) did not change.
  it('rebuilds after a migration that reshaped a projection, reporting done/total, and not after one that touched none', async () => {
    const desk = await openTestDesk({ dataDir: dir.path });
    try {
      for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']) {
        await desk.call('dossiers.receive', { procedureId: 'ho-tich.dang-ky-khai-sinh', channel: 1, applicant: { ...SAMPLE_APPLICANT, fullName }, documents: requiredPapers('ho-tich.dang-ky-khai-sinh') });
      }
      const db = desk.core.db;
      const latest = MIGRATIONS.at(-1)!.version;
      expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PROJECTION_SCHEMA_SETTING)).toBe(String(latest));
      const logBookLines = () => db.prepare('SELECT count(*) FROM report_log_book').pluck().get();

      // A step that touches no projection: nothing is rebuilt (a big desk would wait minutes for nothing).
      const untouched: Migration = { version: latest + 10, name: 'a sync table', projections: 'untouched', up: (d) => d.exec('CREATE TABLE sync_extra (x TEXT) STRICT') };
      migrate(db, [...MIGRATIONS, untouched]);
      const progress: RebuildProgress[] = [];
      expect(ensureProjectionsCurrent(db, (p) => progress.push(p), [...MIGRATIONS, untouched])).toBeNull();

      // A step that reshapes one (here: a log book table it recreates empty).
      const reshaped: Migration = { version: latest + 20, name: 'a new log book', projections: 'reshaped', up: (d) => d.exec('DELETE FROM report_log_book') };
      const registry = [...MIGRATIONS, untouched, reshaped];
      migrate(db, registry);
      expect(logBookLines()).toBe(0);
      expect(ensureProjectionsCurrent(db, (p) => progress.push(p), registry)).toEqual({ dossiers: 3, events: 3 });
      expect(progress).toEqual([
        { done: 0, total: 3 },
        { done: 3, total: 3 },
      ]);
      expect(logBookLines()).toBe(3);
      expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PROJECTION_SCHEMA_SETTING)).toBe(String(latest + 20));
      expect(ensureProjectionsCurrent(db, undefined, registry)).toBeNull();
    } finally {
      desk.dispose();
    }
  }, 60_000);

  it('a desk whose projections carry a version but no schema (built before issue 12) is not rebuilt again', async () => {
    const first = await openTestDesk({ dataDir: dir.path });
    await first.call('dossiers.receive', { procedureId: 'ho-tich.dang-ky-khai-sinh', channel: 1, applicant: SAMPLE_APPLICANT, documents: requiredPapers('ho-tich.dang-ky-khai-sinh') });
    first.core.db.prepare('DELETE FROM settings WHERE key = ?').run(PROJECTION_SCHEMA_SETTING);
    first.dispose();
    const progress: RebuildProgress[] = [];
    const reopened = await openTestDesk({ dataDir: dir.path, initialise: false, onProjectionRebuild: (p) => progress.push(p) });
    reopened.dispose();
    expect(progress).toEqual([]);
  }, 60_000);
});
