import type { Migration } from './types.js';

// Crash reports waiting for the centre (shared/contract/crash-report.ts): each is small and redacted; the
// queue is bounded by the repository (the oldest go first when it is full), and a sent report is deleted.
export const m0120CrashReports: Migration = {
  version: 120,
  name: 'crash reports',
  // Not folded from the event log.
  projections: 'untouched',
  up(db) {
    db.exec(`
      CREATE TABLE crash_reports (
        id          TEXT PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        kind        TEXT NOT NULL,
        place       TEXT NOT NULL,
        message     TEXT NOT NULL,
        stack       TEXT,
        app_version TEXT NOT NULL,
        os          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX crash_reports_by_time ON crash_reports (occurred_at);
    `);
  },
};
