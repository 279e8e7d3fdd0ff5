// The version of what the desk's projections mean (dossier rows, search index, day facts, reports).
// Projections are folds of the event log; when the fold or a projection's shape changes, bump this:
// at start a desk whose stored version is lower rebuilds every projection from the log
// (rebuild-projections.ts), so old data reads as if recorded by the new code.
// 1: the search index of issue 10 (people and numbers only, canonical phones, reversed digits).
// 2: a dossier turned back at the counter (form 02 at intake) is received only when the papers come back;
//    free text folded into one stored form (NFC, no control characters) whatever the event holds.

export const DESK_PROJECTION_VERSION = 2;

/** The settings key holding the version the projections were last built with (absent: 0). */
export const PROJECTION_VERSION_SETTING = 'projections.version';
