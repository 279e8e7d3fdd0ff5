// The version of what the desk's projections mean (dossier rows, search index, day facts, reports).
// Projections are folds of the event log; when the fold or a projection's shape changes, bump this:
// at start a desk whose stored version is lower rebuilds every projection from the log
// (rebuild-projections.ts), so old data reads as if recorded by the new code.
// 1: the search index of issue 10 (people and numbers only, canonical phones, reversed digits).
// 2: a dossier turned back at the counter (form 02 at intake) is received only when the papers come back;
//    free text folded into one stored form (NFC, no control characters) whatever the event holds.
//
// Migrations never fill projections (they are frozen and import no application code): a step that adds or
// reshapes a projection table leaves it empty and says so (`projections: 'reshaped'`, db/migrations/types.ts).
// The rebuild also runs when the projections were built at a schema below such a step, so it needs no bump
// here; a step that touches no projection ('untouched') costs no rebuild (200,000 dossiers: about 2 minutes).

export const DESK_PROJECTION_VERSION = 2;

/** The settings key holding the version the projections were last built with (absent: 0). */
export const PROJECTION_VERSION_SETTING = 'projections.version';

/** The settings key holding the schema version (`user_version`) the projections were last built at. */
export const PROJECTION_SCHEMA_SETTING = 'projections.schema';

/**
 * The schema assumed when a desk's projections carry a version but no schema: desks built before the schema
 * was recorded (issue 12). Every such desk ran schema 90 already with no rebuild pending, so this keeps it
 * as it is, not rebuilt again. Frozen: never raise it with a later migration.
 */
export const SCHEMA_BEFORE_PROJECTION_SCHEMA_WAS_KEPT = 90;
