import type { Migration } from './types.js';

// A password a supervisor set for an officer (at creation or on a reset) is known to two people: the
// officer must choose their own at the next sign-in. Officers created before this step keep theirs.
export const m0110OfficerPasswordChange: Migration = {
  version: 110,
  name: 'officer must change password',
  // The officers table is not folded from the event log.
  projections: 'untouched',
  up(db) {
    db.exec('ALTER TABLE officers ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))');
  },
};
