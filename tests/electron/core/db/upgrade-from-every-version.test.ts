import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/registry.js';
import { PROJECTION_SCHEMA_SETTING, PROJECTION_VERSION_SETTING } from '../../../../electron/core/dossiers/projection-version.js';
import type { RebuildProgress } from '../../../../electron/core/dossiers/rebuild-projections.js';
import { DATABASE_FILE } from '../../../../electron/core/start-core.js';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { openTestDesk, type TestDesk } from '../../../support/desk-fixture.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { buildReferenceDesk, REPORT_TIME, SUPERVISOR, vn } from '../reports/reference-desk.js';

// A desk that has not updated for a while opens with today's code: for every earlier schema version, a
// database file is built at that version (the migrations up to it on a fresh file), the reference desk's
// rows are written into it in the shape the tables had then, and the current core opens it. Its own rows
// survive, and the projections (dossier rows, search, day facts, reports) come out exactly as recording
// the same events with today's code writes them.

type Row = Record<string, unknown>;

/** Derived tables: emptied and refolded from the event log by the projection rebuild. */
const PROJECTION_TABLES = [
  'dossiers',
  'dossier_day_facts',
  'dossier_documents',
  'dossier_handovers',
  'dossier_ratings',
  'dossier_search',
  'dossier_attachments',
  'report_bieu06',
  'report_waits',
  'report_ratings',
  'report_log_book',
];

/** What the desk of each era kept of the projections' state in its settings. */
const PROJECTION_SETTINGS = [PROJECTION_VERSION_SETTING, PROJECTION_SCHEMA_SETTING];

const EARLIER_VERSIONS = [0, ...MIGRATIONS.slice(0, -1).map((m) => m.version)];
const LATEST = MIGRATIONS.at(-1)!.version;
const PERSON_SEARCH = 80; // the first schema whose desks kept a projection version (issue 10)

interface TableInfo {
  name: string;
  type: string;
  wr: number;
}

/** Ordinary and FTS tables (not FTS shadow tables or SQLite's own), with whether they have a rowid. */
function userTables(db: Database.Database): Map<string, { withRowid: boolean }> {
  const tables = new Map<string, { withRowid: boolean }>();
  for (const t of db.prepare('PRAGMA table_list').all() as TableInfo[]) {
    if (t.name.startsWith('sqlite_') || (t.type !== 'table' && t.type !== 'virtual')) continue;
    tables.set(t.name, { withRowid: t.wr === 0 });
  }
  return tables;
}

const columnsOf = (db: Database.Database, table: string): string[] => (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

interface Template {
  /** Every table of the current schema: its columns and rows (with the rowid where the table has one). */
  tables: Map<string, { columns: string[]; withRowid: boolean; rows: Row[] }>;
  projections: Record<string, unknown[]>;
  answers: Awaited<ReturnType<typeof reportAnswers>>;
  ids: Record<string, string>;
}

/** What the supervisor sees of the reference set: Biểu 06, the satisfaction report, the log book, a day's tally, search. */
async function reportAnswers(desk: TestDesk, ids: Record<string, string>) {
  const period = { from: '2026-10-01', to: '2026-12-15' };
  return {
    bieu06: await desk.call('reports.bieu06', period),
    satisfaction: await desk.call('reports.satisfaction', period),
    logBook: await desk.call('reports.logBook', period),
    series: await desk.call('reports.dailySeries', { to: '2026-11-30', days: 30 }),
    tally: await desk.call('tallies.daily', { date: '2026-11-03' }),
    d1: await desk.call('dossiers.get', { id: ids.D1! }),
    byName: (await desk.call('dossiers.search', { text: 'cong dan d14' })).rows.map((r) => r.id),
  };
}

/**
 * A desk file at `version`: the migrations up to it, then the template's rows in the columns the tables
 * had at that version (rows of tables that did not exist yet are left out, as that desk never had them),
 * and in its settings the projection state a desk of that era kept.
 */
function buildDeskAt(path: string, version: number, template: Template): Map<string, Row[]> {
  const db = new Database(path);
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  const written = new Map<string, Row[]>();
  const old = userTables(db);
  for (const [name, table] of template.tables) {
    const here = old.get(name);
    if (here === undefined) continue;
    const oldColumns = new Set(columnsOf(db, name));
    const columns = table.columns.filter((c) => oldColumns.has(c));
    if (columns.length === 0) continue; // reshaped since (the search index before m0080): its rows are left out
    const keys = here.withRowid ? ['rowid', ...columns] : columns;
    const insert = db.prepare(`INSERT INTO "${name}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`);
    const rows = table.rows
      .filter((row) => name !== 'settings' || !PROJECTION_SETTINGS.includes(row.key as string))
      .map((row) => Object.fromEntries(keys.map((k) => [k, row[k]])));
    for (const row of rows) insert.run(row);
    written.set(name, rows);
  }
  // Projection versions came with the person search (schema 80); a desk of that era kept version 2 and
  // no schema (that setting is issue 12's). Earlier desks kept nothing.
  if (version >= PERSON_SEARCH) db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(PROJECTION_VERSION_SETTING, '2');
  db.close();
  return written;
}

describe('a desk file from every earlier schema version opens with the current core', () => {
  let template: Template;
  const dirs: { remove(): void }[] = [];

  beforeAll(async () => {
    const { desk, ids } = await buildReferenceDesk();
    const db = desk.core.db;
    const tables = new Map<string, { columns: string[]; withRowid: boolean; rows: Row[] }>();
    for (const [name, { withRowid }] of userTables(db)) {
      const rows = db.prepare(`SELECT ${withRowid ? 'rowid, ' : ''}* FROM "${name}"`).all() as Row[];
      tables.set(name, { columns: columnsOf(db, name), withRowid, rows });
    }
    template = {
      tables,
      projections: snapshotDatabase(db, { only: PROJECTION_TABLES }),
      answers: await reportAnswers(desk, ids),
      ids,
    };
    expect(template.answers.byName).toEqual([ids.D14]);
    for (const table of ['dossiers', 'dossier_search', 'dossier_day_facts', 'report_bieu06', 'report_waits', 'report_ratings', 'report_log_book']) {
      expect(template.projections[table]!.length, table).toBeGreaterThan(0);
    }
    desk.dispose();
  }, 120_000);

  afterAll(() => {
    for (const dir of dirs) dir.remove();
  });

  it('covers every step of the registry', () => {
    expect(EARLIER_VERSIONS).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
  });

  it.each(EARLIER_VERSIONS)('from schema %i: keeps its rows, and its dossiers are visible, found and counted', async (version) => {
    const dir = makeTempDir(`desk-upgrade-${version}-`);
    dirs.push(dir);
    const path = join(dir.path, DATABASE_FILE);
    const written = buildDeskAt(path, version, template);

    const progress: RebuildProgress[] = [];
    const desk = await openTestDesk({ dataDir: dir.path, at: vn(REPORT_TIME), initialise: false, onProjectionRebuild: (p) => progress.push(p) });
    try {
      const db = desk.core.db;
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST);

      // The desk's own rows, in the columns they had, are all still there.
      for (const [name, rows] of written) {
        if (PROJECTION_TABLES.includes(name) || rows.length === 0) continue;
        const keys = Object.keys(rows[0]!);
        const now = db.prepare(`SELECT ${keys.map((k) => `"${k}"`).join(', ')} FROM "${name}"`).all();
        expect(now, name).toEqual(expect.arrayContaining(rows));
      }
      const eventsBefore = written.get('events')?.length ?? 0;
      expect(db.prepare('SELECT count(*) FROM events WHERE origin = ?').pluck().get('local'), 'events').toBe(eventsBefore);

      if (version < 30) {
        // No officers yet: nothing to sign in with; the desk still opens, asking to be set up or signed in.
        expect(snapshotDatabase(db, { only: PROJECTION_TABLES }).dossiers).toEqual([]);
        return;
      }
      await desk.call('auth.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password });
      if (version < 40) {
        expect((await desk.call('dossiers.search', { text: 'cong dan' })).rows).toEqual([]);
        return;
      }

      // The projections: refolded from the log (or, at schema 80, kept as its code wrote them).
      expect(snapshotDatabase(db, { only: PROJECTION_TABLES })).toEqual(template.projections);
      expect(await reportAnswers(desk, template.ids)).toEqual(template.answers);
      if (version < PERSON_SEARCH) {
        const dossierCount = new Set(template.tables.get('events')!.rows.map((e) => e.dossier_id)).size;
        expect(progress.at(0)).toEqual({ done: 0, total: dossierCount });
        expect(progress.at(-1)).toEqual({ done: dossierCount, total: dossierCount });
      } else {
        // A desk of that era whose projections were current is not rebuilt again (the same rows, no wait).
        expect(progress).toEqual([]);
      }
      expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PROJECTION_SCHEMA_SETTING) ?? null).toBe(
        version < PERSON_SEARCH ? String(LATEST) : null,
      );
    } finally {
      desk.dispose();
    }
  }, 60_000);
});
