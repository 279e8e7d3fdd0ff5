import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/registry.js';
import { m0070Reports } from '../../../../electron/core/db/migrations/m0070-reports.js';
import { PROJECTION_SCHEMA_SETTING, PROJECTION_VERSION_SETTING } from '../../../../electron/core/dossiers/projection-version.js';
import { ensureProjectionsCurrent } from '../../../../electron/core/dossiers/rebuild-projections.js';
import { BIEU06_PARTS } from '../../../../electron/core/reports/bieu06-repository.js';
import { snapshotDatabase } from '../../../support/database-snapshot.js';
import { buildReferenceDesk } from './reference-desk.js';

const REPORT_TABLES = ['report_bieu06', 'report_waits', 'report_ratings', 'report_log_book'];

describe('migration m0070 (report projections)', () => {
  // m0070 only creates the tables (it is frozen: no application code); a desk below schema 70 never kept a
  // projection version, so the core's rebuild after migrating fills them.
  it('leaves the report tables of a desk that already holds dossiers to the start-up rebuild, which fills them exactly as recording them would have', async () => {
    const { desk } = await buildReferenceDesk();
    try {
      const db = desk.core.db;
      const recorded = snapshotDatabase(db, { only: REPORT_TABLES });
      expect(Object.values(recorded).every((rows) => Array.isArray(rows) && rows.length > 0)).toBe(true);

      // The desk as it was before m0070: no report tables, schema one step back.
      db.exec('DROP TABLE report_bieu06; DROP TABLE report_waits; DROP TABLE report_ratings; DROP TABLE report_log_book;');
      db.prepare('DELETE FROM settings WHERE key IN (?, ?)').run(PROJECTION_VERSION_SETTING, PROJECTION_SCHEMA_SETTING);
      db.pragma(`user_version = ${m0070Reports.version - 1}`);
      migrate(db, MIGRATIONS.filter((m) => m.version <= m0070Reports.version));

      expect(db.pragma('user_version', { simple: true })).toBe(m0070Reports.version);
      expect(db.prepare('SELECT count(*) FROM report_bieu06').pluck().get()).toBe(0);
      expect(ensureProjectionsCurrent(db)).not.toBeNull();
      expect(snapshotDatabase(db, { only: REPORT_TABLES })).toEqual(recorded);
    } finally {
      desk.dispose();
    }
  }, 60_000);

  it('answers Biểu 06 from index ranges, never a scan of every dossier', async () => {
    const { desk } = await buildReferenceDesk();
    try {
      for (const sql of Object.values(BIEU06_PARTS)) {
        const plan = desk.core.db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all({ from: '2026-11-01', to: '2026-11-30', shortFrom: '2026-08-31' })
          .map((row) => (row as { detail: string }).detail)
          .join(' | ');
        expect(plan).toMatch(/SEARCH b USING (PRIMARY KEY|INDEX report_bieu06_long_lived) \(/);
        expect(plan).not.toMatch(/SCAN b\b/);
      }
    } finally {
      desk.dispose();
    }
  }, 60_000);
});
