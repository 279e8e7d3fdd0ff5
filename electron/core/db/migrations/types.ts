import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Target `user_version` after this step; strictly increasing, in steps of 10. */
  version: number;
  name: string;
  up(db: Database): void;
  /**
   * Whether this step adds, drops or reshapes a projection (a table the core folds from the event log).
   * A migration never fills one (it is frozen and runs no application code): after a 'reshaped' step the
   * core rebuilds every projection from the log at start (rebuild-projections.ts). Required from schema
   * 100 on (tests/electron/core/db/migrate.test.ts); the steps before it predate the rule and need none,
   * as desks below schema 80 keep no projection version and are rebuilt anyway.
   */
  projections?: 'reshaped' | 'untouched';
}
