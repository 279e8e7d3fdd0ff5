import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Target `user_version` after this step; strictly increasing, in steps of 10. */
  version: number;
  name: string;
  up(db: Database): void;
}
