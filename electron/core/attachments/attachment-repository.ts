import type { AttachmentKind, AttachmentMediaType } from '../../../shared/domain/dossier/events.js';
import type { DossierState } from '../../../shared/domain/dossier/state.js';
import type { DeskDatabase } from '../db/open-database.js';

// The attachments projection (m0050) and the questions asked of it. Written from the folded state in
// the dossier's own transaction (ProjectionRepository.write), so it is rebuilt with the rest.

export interface AttachmentLocation {
  dossierId: string;
  attachmentId: string;
  blobSha256: string;
  retracted: boolean;
}

/** A live attachment of another dossier of the same applicant, with what the reuse offer shows. */
export interface EarlierAttachmentRow {
  attachmentId: string;
  dossierId: string;
  blobSha256: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  pages: number;
  sizeBytes: number;
  kind: AttachmentKind;
  checklistItemId: string | null;
  /** The name of the paper it digitised in that dossier, when it named a received paper. */
  itemName: string | null;
  dossierCode: string | null;
  procedureName: string;
  receivedAt: string | null;
}

interface EarlierRow {
  attachment_id: string;
  dossier_id: string;
  blob_sha256: string;
  file_name: string;
  media_type: string;
  pages: number;
  size_bytes: number;
  kind: string;
  checklist_item_id: string | null;
  item_name: string | null;
  code: string | null;
  procedure_name: string;
  received_at: string | null;
}

export class AttachmentRepository {
  private readonly deleteOf;
  private readonly insert;
  private readonly locate;
  private readonly liveBlobs;
  private readonly earlier;

  constructor(private readonly db: DeskDatabase) {
    this.deleteOf = db.prepare<[string]>('DELETE FROM dossier_attachments WHERE dossier_id = ?');
    this.insert = db.prepare(`
      INSERT INTO dossier_attachments (dossier_id, attachment_id, position, blob_sha256, file_name, media_type, pages, size_bytes,
        kind, checklist_item_id, source, reused_from_dossier_id, added_at, retracted_at)
      VALUES (@dossierId, @attachmentId, @position, @blobSha256, @fileName, @mediaType, @pages, @sizeBytes,
        @kind, @checklistItemId, @source, @reusedFromDossierId, @addedAt, @retractedAt)`);
    this.locate = db.prepare<[string], { dossier_id: string; attachment_id: string; blob_sha256: string; retracted_at: string | null }>(
      'SELECT dossier_id, attachment_id, blob_sha256, retracted_at FROM dossier_attachments WHERE attachment_id = ? ORDER BY added_at LIMIT 1',
    );
    this.liveBlobs = db.prepare<[], { blob_sha256: string }>('SELECT DISTINCT blob_sha256 FROM dossier_attachments WHERE retracted_at IS NULL');
    this.earlier = db.prepare<[string, string], EarlierRow>(`
      SELECT a.attachment_id, a.dossier_id, a.blob_sha256, a.file_name, a.media_type, a.pages, a.size_bytes, a.kind,
             a.checklist_item_id, doc.name AS item_name, d.code, d.procedure_name, d.received_at
      FROM dossiers d
      JOIN dossier_attachments a ON a.dossier_id = d.id AND a.retracted_at IS NULL
      LEFT JOIN dossier_documents doc ON doc.dossier_id = a.dossier_id AND doc.item_id = a.checklist_item_id
      WHERE d.applicant_id_number = ? AND d.id <> ?
      ORDER BY d.received_at DESC, a.position`);
  }

  /** Replaces the dossier's rows with its folded attachments (`fresh`: it has none yet). */
  write(state: DossierState, fresh = false): void {
    if (!fresh) this.deleteOf.run(state.id);
    state.attachments.forEach((a, position) =>
      this.insert.run({
        dossierId: state.id,
        attachmentId: a.attachmentId,
        position,
        blobSha256: a.blobSha256,
        fileName: a.fileName,
        mediaType: a.mediaType,
        pages: a.pages,
        sizeBytes: a.sizeBytes,
        kind: a.kind,
        checklistItemId: a.checklistItemId,
        source: a.source,
        reusedFromDossierId: a.reusedFromDossierId,
        addedAt: a.addedAt,
        retractedAt: a.retractedAt,
      }),
    );
  }

  clearAll(): void {
    this.db.exec('DELETE FROM dossier_attachments');
  }

  find(attachmentId: string): AttachmentLocation | null {
    const row = this.locate.get(attachmentId);
    return row ? { dossierId: row.dossier_id, attachmentId: row.attachment_id, blobSha256: row.blob_sha256, retracted: row.retracted_at !== null } : null;
  }

  /** Blobs named by at least one attachment that is not retracted: the blob store must keep them. */
  referencedBlobs(): Set<string> {
    return new Set(this.liveBlobs.all().map((row) => row.blob_sha256));
  }

  /** Live attachments of the applicant's other dossiers, newest dossier first. */
  earlierOfApplicant(idNumber: string, exceptDossierId: string): EarlierAttachmentRow[] {
    return this.earlier.all(idNumber, exceptDossierId).map((row) => ({
      attachmentId: row.attachment_id,
      dossierId: row.dossier_id,
      blobSha256: row.blob_sha256,
      fileName: row.file_name,
      mediaType: row.media_type as AttachmentMediaType,
      pages: row.pages,
      sizeBytes: row.size_bytes,
      kind: row.kind as AttachmentKind,
      checklistItemId: row.checklist_item_id,
      itemName: row.item_name,
      dossierCode: row.code,
      procedureName: row.procedure_name,
      receivedAt: row.received_at,
    }));
  }
}
