import type { Migration } from './types.js';

// The attachments projection: one row per attachment event, folded from the log with the rest of a
// dossier's projections (and rebuilt with them). It answers what the fold alone answers slowly:
// which blobs are still referenced, which dossier an attachment belongs to, and what an applicant's
// earlier dossiers already digitised (reuse).
export const m0050Attachments: Migration = {
  version: 50,
  name: 'attachments projection',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_attachments (
        dossier_id             TEXT NOT NULL,
        attachment_id          TEXT NOT NULL,   -- ULID
        position               INTEGER NOT NULL,
        blob_sha256            TEXT NOT NULL,
        file_name              TEXT NOT NULL,
        media_type             TEXT NOT NULL,
        pages                  INTEGER NOT NULL,
        size_bytes             INTEGER NOT NULL,
        kind                   TEXT NOT NULL,   -- 'intake' | 'result'
        checklist_item_id      TEXT,
        source                 TEXT NOT NULL,
        reused_from_dossier_id TEXT,
        added_at               TEXT NOT NULL,
        retracted_at           TEXT,            -- null while the attachment counts
        PRIMARY KEY (dossier_id, attachment_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX attachments_by_id ON dossier_attachments (attachment_id);
      -- Garbage collection asks "does anything still name this blob?"
      CREATE INDEX attachments_live_by_blob ON dossier_attachments (blob_sha256) WHERE retracted_at IS NULL;
    `);
  },
};
